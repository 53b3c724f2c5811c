import type { DeckState, DeckStore } from './store.deck.ts';
import type { SceneInputsStore } from './store.sceneInputs.ts';
import type { DeckChannel, DeckMessage } from './sync.ts';

/**
 * When a window moved the deck, and which window did: every position carries one, and a window
 * shows only a position newer than the one it shows. Two windows that move at once (a clicker on
 * the audience's window, a typed slide number in the presenter view) each hear the other's move
 * after their own; without stamps each took the other's and they parted for good.
 */
export interface Stamp {
  at: number;
  from: string;
}

const NEVER: Stamp = { at: 0, from: '' };

/** Newer in time; at the same instant, the window with the greater id, so all windows agree. */
export function isNewer(a: Stamp, b: Stamp): boolean {
  return a.at > b.at || (a.at === b.at && a.from > b.from);
}

/** Milliseconds on a clock the deck's windows share (one browser, one machine), below 1 ms. */
const sharedNow = () => performance.timeOrigin + performance.now();

/**
 * One window's side of the deck's sync: what it tells the others when it moves, and what it takes
 * from them. Framework-free, so two windows can be played against each other in a test.
 */
export class DeckSync {
  /** The stamp of the position this window shows: its own move's, or the remote one it took. */
  private shown: Stamp = NEVER;

  constructor(
    private readonly store: DeckStore,
    private readonly sceneInputs: SceneInputsStore,
    private readonly channel: Pick<DeckChannel, 'post'>,
    private readonly self: string = Math.random().toString(36).slice(2),
    private readonly now: () => number = sharedNow,
  ) {}

  /** A message from another window. */
  receive(m: DeckMessage): void {
    if (m.type === 'position') {
      const stamp = { at: m.at, from: m.from };
      if (!isNewer(stamp, this.shown)) return; // a move older than the one shown: already past
      this.shown = stamp;
      this.store.getState().goto({ slide: m.slide, step: m.step }, 'remote');
      this.store.getState().setBlack(m.black, 'remote');
    } else if (m.type === 'hello') {
      // A window that has not moved yet answers with its place as of now: the newcomer takes it.
      if (this.shown === NEVER) this.shown = this.stamp();
      this.postPosition();
      this.channel.post({ type: 'scene-inputs', byScene: this.sceneInputs.getState().byScene });
    } else if (m.type === 'scene-input') {
      this.sceneInputs.getState().add(m.key, m.input, 'remote');
    } else if (m.type === 'scene-inputs') {
      this.sceneInputs.getState().merge(m.byScene);
    }
  }

  /** The store changed: a move of this window's own (a key, a click, its URL) goes out. */
  observe(s: DeckState, prev: DeckState): void {
    if (s.origin !== 'local') return;
    if (s.slide !== prev.slide || s.step !== prev.step || s.black !== prev.black) this.moved();
  }

  /** This window moved: the others follow. */
  moved(): void {
    this.shown = this.stamp();
    this.postPosition();
  }

  /** Later than anything this window has shown, even on a clock a little behind another's. */
  private stamp(): Stamp {
    return { at: Math.max(this.now(), this.shown.at + 0.001), from: this.self };
  }

  private postPosition(): void {
    const s = this.store.getState();
    this.channel.post({
      type: 'position',
      slide: s.slide,
      step: s.step,
      black: s.black,
      at: this.shown.at,
      from: this.shown.from,
    });
  }
}

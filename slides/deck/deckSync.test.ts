import { describe, expect, it } from 'vitest';
import { DeckSync, isNewer } from './deckSync.ts';
import { createDeckStore } from './store.deck.ts';
import { createSceneInputsStore } from './store.sceneInputs.ts';
import type { DeckMessage } from './sync.ts';

/** A window: its store, its sync, and the messages it has posted but nobody has heard yet. */
function deckWindow(id: string, clock: { t: number }) {
  const store = createDeckStore([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const outbox: DeckMessage[] = [];
  const sync = new DeckSync(
    store,
    createSceneInputsStore(),
    { post: (m) => outbox.push(m) },
    id,
    () => clock.t,
  );
  store.subscribe((s, prev) => sync.observe(s, prev));
  return { store, sync, outbox };
}

/** Delivers everything `from` posted to `to`, in order. */
function deliver(from: { outbox: DeckMessage[] }, to: { sync: DeckSync }) {
  for (const m of from.outbox.splice(0)) to.sync.receive(m);
}

describe('deck sync between windows', () => {
  it('ends both windows on the newer move when two move before hearing each other', () => {
    const clock = { t: 1000 };
    const audience = deckWindow('audience', clock);
    const presenter = deckWindow('presenter', clock);
    // The audience goes back to slide 1; the presenter, before it hears that, types slide 8.
    audience.store.getState().goto({ slide: 0, step: 0 });
    audience.store.getState().goto({ slide: 3, step: 0 });
    clock.t++;
    audience.store.getState().goto({ slide: 0, step: 0 });
    clock.t++;
    presenter.store.getState().goto({ slide: 7, step: 0 });
    // Each hears the other only now, in either order.
    deliver(presenter, audience);
    deliver(audience, presenter);
    expect(audience.store.getState().slide).toBe(7);
    expect(presenter.store.getState().slide).toBe(7);
  });

  it('follows every move that is newer, and drops one that arrives after a newer one', () => {
    const clock = { t: 1000 };
    const a = deckWindow('a', clock);
    const b = deckWindow('b', clock);
    a.store.getState().goto({ slide: 2, step: 0 });
    clock.t++;
    const stale = a.outbox.splice(0);
    a.store.getState().goto({ slide: 5, step: 0 });
    deliver(a, b);
    expect(b.store.getState().slide).toBe(5);
    for (const m of stale) b.sync.receive(m);
    expect(b.store.getState().slide).toBe(5);
  });

  it('lets a window that just opened take the place of one that has not moved', () => {
    const clock = { t: 1000 };
    const audience = deckWindow('audience', clock);
    audience.store.getState().goto({ slide: 4, step: 0 }, 'remote'); // opened at #/5, not a move
    const presenter = deckWindow('presenter', clock);
    audience.sync.receive({ type: 'hello' });
    deliver(audience, presenter);
    expect(presenter.store.getState().slide).toBe(4);
  });

  it('stamps a move after anything shown, even when its clock is behind', () => {
    const clock = { t: 1000 };
    const a = deckWindow('a', clock);
    const b = deckWindow('b', { t: 5 }); // a clock far behind
    a.store.getState().goto({ slide: 3, step: 0 });
    deliver(a, b);
    b.store.getState().goto({ slide: 6, step: 0 });
    deliver(b, a);
    expect(a.store.getState().slide).toBe(6);
  });

  it('orders moves by time, then by window', () => {
    expect(isNewer({ at: 2, from: 'a' }, { at: 1, from: 'b' })).toBe(true);
    expect(isNewer({ at: 1, from: 'b' }, { at: 1, from: 'a' })).toBe(true);
    expect(isNewer({ at: 1, from: 'a' }, { at: 1, from: 'a' })).toBe(false);
  });
});

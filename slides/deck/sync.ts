/** What two windows of the deck tell each other. Inputs, never rendered DOM. */
export type DeckMessage =
  /** `at` and `from` stamp the move (see deckSync.ts): the newest move wins in every window. */
  | { type: 'position'; slide: number; step: number; black: boolean; at: number; from: string }
  /** A window that just opened asks the others where they are. */
  | { type: 'hello' }
  /** An input to a live scene; every window applies it to its own deterministic simulation. */
  | { type: 'scene-input'; key: string; input: SceneInput }
  /** Every scene's inputs so far, the answer to a `hello`. */
  | { type: 'scene-inputs'; byScene: Readonly<Record<string, readonly SceneInput[]>> };

/** A scene input is plain data: `{ kind: 'send' }`, `{ kind: 'mode', mode: 'metadata' }`, … */
export interface SceneInput {
  kind: string;
  [field: string]: string | number | boolean | string[] | undefined;
}

export const DECK_CHANNEL = 'tracing-in-elixir.deck';

export interface DeckChannel {
  post(message: DeckMessage): void;
  subscribe(listener: (message: DeckMessage) => void): () => void;
  close(): void;
}

/** A BroadcastChannel between the deck's windows (same origin, same browser); inert without one. */
export function createDeckChannel(name: string = DECK_CHANNEL): DeckChannel {
  if (typeof BroadcastChannel === 'undefined') {
    return { post: () => {}, subscribe: () => () => {}, close: () => {} };
  }
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: DeckMessage) => void>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isDeckMessage(event.data)) return;
    for (const listener of listeners) listener(event.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      listeners.clear();
      channel.close();
    },
  };
}

function isDeckMessage(data: unknown): data is DeckMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m.type === 'hello') return true;
  if (m.type === 'position')
    return (
      typeof m.slide === 'number' &&
      typeof m.step === 'number' &&
      typeof m.black === 'boolean' &&
      typeof m.at === 'number' &&
      typeof m.from === 'string'
    );
  if (m.type === 'scene-input')
    return typeof m.key === 'string' && typeof m.input === 'object' && m.input !== null;
  if (m.type === 'scene-inputs') return typeof m.byScene === 'object' && m.byScene !== null;
  return false;
}

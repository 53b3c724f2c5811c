import { afterEach, describe, expect, it } from 'vitest';
import { createDeckChannel, type DeckChannel, type DeckMessage } from './sync.ts';
import { createSceneInputsStore } from './store.sceneInputs.ts';

const open: DeckChannel[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function channel(name: string) {
  const c = createDeckChannel(name);
  open.push(c);
  return c;
}

describe('deck channel', () => {
  it('carries positions and scene inputs between two windows, and ignores strangers', async () => {
    const name = `test-${Math.random()}`;
    const a = channel(name);
    const b = channel(name);
    const got: DeckMessage[] = [];
    const done = new Promise<void>((resolve) =>
      b.subscribe((m) => {
        got.push(m);
        if (got.length === 2) resolve();
      }),
    );
    const raw = new BroadcastChannel(name);
    raw.postMessage({ type: 'position', slide: 'x' });
    // A position without its stamp is a stranger's too.
    raw.postMessage({ type: 'position', slide: 3, step: 1, black: false });
    raw.close();
    a.post({ type: 'position', slide: 3, step: 1, black: false, at: 5, from: 'a' });
    a.post({ type: 'scene-input', key: 'slide-29', input: { kind: 'send' } });
    await done;
    expect(got).toEqual([
      { type: 'position', slide: 3, step: 1, black: false, at: 5, from: 'a' },
      { type: 'scene-input', key: 'slide-29', input: { kind: 'send' } },
    ]);
  });
});

describe('scene inputs', () => {
  it('marks local inputs for broadcast, not remote ones, and merges the longer history', () => {
    const store = createSceneInputsStore();
    store.getState().add('s', { kind: 'send' });
    expect(store.getState().lastLocal).toEqual({ key: 's', input: { kind: 'send' } });
    const last = store.getState().lastLocal;
    store.getState().add('s', { kind: 'send' }, 'remote');
    expect(store.getState().lastLocal).toBe(last);
    expect(store.getState().byScene.s).toHaveLength(2);
    store.getState().merge({ s: [{ kind: 'send' }], t: [{ kind: 'mode', mode: 'links' }] });
    expect(store.getState().byScene.s).toHaveLength(2);
    expect(store.getState().byScene.t).toHaveLength(1);
  });
});

import { useEffect } from 'react';
import type { DeckRuntime } from './deckRuntime.ts';
import { createDeckChannel, positionMessage } from './sync.ts';

/**
 * Keeps this window in step with the deck's other windows (audience, presenter) over a
 * BroadcastChannel: positions, the black screen and live-scene inputs, both ways.
 */
export function useDeckSync({ store, sceneInputs }: DeckRuntime) {
  useEffect(() => {
    const channel = createDeckChannel();
    const offChannel = channel.subscribe((m) => {
      if (m.type === 'position') {
        store.getState().goto({ slide: m.slide, step: m.step }, 'remote');
        store.getState().setBlack(m.black, 'remote');
      } else if (m.type === 'hello') {
        const s = store.getState();
        channel.post(positionMessage(s, s.black));
        channel.post({ type: 'scene-inputs', byScene: sceneInputs.getState().byScene });
      } else if (m.type === 'scene-input') {
        sceneInputs.getState().add(m.key, m.input, 'remote');
      } else if (m.type === 'scene-inputs') {
        sceneInputs.getState().merge(m.byScene);
      }
    });
    const offStore = store.subscribe((s, prev) => {
      if (s.origin !== 'local') return;
      if (s.slide !== prev.slide || s.step !== prev.step || s.black !== prev.black)
        channel.post(positionMessage(s, s.black));
    });
    const offInputs = sceneInputs.subscribe((s, prev) => {
      if (s.lastLocal && s.lastLocal !== prev.lastLocal)
        channel.post({ type: 'scene-input', key: s.lastLocal.key, input: s.lastLocal.input });
    });
    channel.post({ type: 'hello' });
    return () => {
      offChannel();
      offStore();
      offInputs();
      channel.close();
    };
  }, [store, sceneInputs]);
}

import { useEffect } from 'react';
import type { DeckRuntime } from './deckRuntime.ts';
import { DeckSync } from './deckSync.ts';
import { createDeckChannel } from './sync.ts';

/**
 * Keeps this window in step with the deck's other windows (audience, presenter) over a
 * BroadcastChannel: positions, the black screen and live-scene inputs, both ways.
 */
export function useDeckSync({ store, sceneInputs }: DeckRuntime) {
  useEffect(() => {
    const channel = createDeckChannel();
    const sync = new DeckSync(store, sceneInputs, channel);
    const offChannel = channel.subscribe((m) => sync.receive(m));
    const offStore = store.subscribe((s, prev) => sync.observe(s, prev));
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

import {
  TalkContent,
  deckMeta as compiledMeta,
  readMeta as compiledReadMeta,
} from './talkContent.tsx';
import type { DeckMeta } from './deck/deckMeta.ts';
import type { DeckRuntime } from './deck/deckRuntime.ts';
import type { ReadMeta } from './read/readMeta.ts';
import { firstPosition, positionInUrl } from './deck/navigation.ts';
import { createDeckStore } from './deck/store.deck.ts';
import { createSceneInputsStore } from './deck/store.sceneInputs.ts';

/**
 * The talk "Tracing in Elixir" as a running deck. The store starts where the URL points, so a
 * reload, or a hot reload of talk.mdx, keeps the place.
 */
const deckMeta = compiledMeta as DeckMeta;

export const talk: DeckRuntime = {
  Content: TalkContent,
  meta: deckMeta,
  store: createDeckStore(
    deckMeta.slides.map((s) => s.steps),
    (typeof location === 'undefined' ? undefined : positionInUrl(location.hash)) ?? firstPosition(),
  ),
  sceneInputs: createSceneInputsStore(),
};

/** What remarkRead learned for the reading mode: reader text, journey steps, the site's address. */
export const talkReading = compiledReadMeta as ReadMeta;

export { preloadWholeTalk } from './talkContent.tsx';

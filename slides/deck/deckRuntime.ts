import { createContext, type ComponentType } from 'react';
import type { MDXProps } from 'mdx/types';
import type { DeckMeta } from './deckMeta.ts';
import type { DeckStore } from './store.deck.ts';
import type { SceneInputsStore } from './store.sceneInputs.ts';

/** A deck as the views need it: the compiled MDX, what the build learned about it, its stores. */
export interface DeckRuntime {
  Content: ComponentType<MDXProps>;
  meta: DeckMeta;
  store: DeckStore;
  sceneInputs: SceneInputsStore;
}

export const DeckRuntimeContext = createContext<DeckRuntime | undefined>(undefined);

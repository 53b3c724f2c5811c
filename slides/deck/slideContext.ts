import { createContext } from 'react';
import type { SceneSetting } from './deckMeta.ts';

export type SlidePart = 'body' | 'notes' | 'read';

/** Which slide of the compiled deck to render, how far into its builds, and for whom. */
export interface SlideRenderContext {
  index: number;
  step: number;
  /** The slide itself, only its speaker notes, or only its reader text (`<Read>`, reading mode). */
  part: SlidePart;
  /** A presenter preview or an overview thumbnail: live scenes stay paused and light. */
  preview: boolean;
  /** The slide's `<Scene>` markers. */
  scenes: readonly SceneSetting[];
}

export const SlideContext = createContext<SlideRenderContext>({
  index: -1,
  step: 0,
  part: 'body',
  preview: false,
  scenes: [],
});

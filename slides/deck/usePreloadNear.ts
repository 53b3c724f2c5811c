import { useEffect } from 'react';
import { loadLiveSceneBody } from '../components/liveSceneLoader.ts';
import type { SlideMeta } from './deckMeta.ts';

/** How many slides ahead the deck fetches a live scene's code, so it is there when the slide is. */
export const PRELOAD_AHEAD = 3;

/** Whether a slide within reach of `slide` shows a live scene. */
export function liveSceneNear(slides: readonly SlideMeta[], slide: number): boolean {
  return slides.slice(Math.max(0, slide - 1), slide + PRELOAD_AHEAD + 1).some((s) => s.live);
}

export function usePreloadNear(slides: readonly SlideMeta[], slide: number, always = false) {
  const near = always || liveSceneNear(slides, slide);
  useEffect(() => {
    if (near) void loadLiveSceneBody();
  }, [near]);
}

import type { MDXProps } from 'mdx/types';
import { useContext } from 'react';
import { lazyLoaded } from '../app/lazyLoaded.ts';
import { SlideContext } from './deck/slideContext.ts';
import Slides, { deckMeta, readMeta } from './talk.mdx?slides';

/**
 * The talk's compiled MDX in two parts. What the audience sees (`talk.mdx?slides`, every slide
 * without its speaker notes and reader text: remarkSlidesOnly.ts) loads with the first slide. The
 * whole talk loads when a view asks for the other parts: the presenter's notes, print with notes,
 * the reading page. Their routes wait for `preloadWholeTalk` before they render (app/routes.ts), so
 * those views never show a half-loaded slide.
 */
const whole = lazyLoaded<MDXProps>(() => import('./talk.mdx').then((m) => m.default));

export const preloadWholeTalk = whole.preload;

/** The talk: a slide's body from the audience's part, notes and reader text from the whole. */
export function TalkContent(props: MDXProps) {
  const { part } = useContext(SlideContext);
  return part === 'body' ? <Slides {...props} /> : <whole.Component {...props} />;
}

export { deckMeta, readMeta };

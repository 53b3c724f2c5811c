import { useContext, useMemo, useRef } from 'react';
import { mdxComponents } from '../components/mdxComponents.ts';
import { DeckRuntimeContext } from './deckRuntime.ts';
import { SlideContext, type SlidePart, type SlideRenderContext } from './slideContext.ts';
import { useSlideFit, type FitWhen } from './useSlideFit.ts';

const NO_SCENES: SlideRenderContext['scenes'] = [];

/** One slide of the deck (or its notes), rendered from the compiled MDX. */
export function SlideView({
  index,
  step,
  part = 'body',
  preview = false,
  fit = 'now',
}: {
  index: number;
  step: number;
  part?: SlidePart;
  preview?: boolean;
  /** When to fit it to its stage (useSlideFit.ts): a page of many slides fits those in view. */
  fit?: FitWhen;
}) {
  const runtime = useContext(DeckRuntimeContext);
  if (!runtime) throw new Error('SlideView needs a DeckRuntimeContext');
  const meta = runtime.meta.slides[index];
  const scenes = meta?.scenes ?? NO_SCENES;
  const ctx = useMemo<SlideRenderContext>(
    () => ({ index, step, part, preview, scenes }),
    [index, step, part, preview, scenes],
  );
  const ref = useRef<HTMLDivElement>(null);
  const autoscale = part === 'body' && (meta?.autoscale ?? false);

  // Deckset's fitting (autoscale, code, `[fit]` headings, code highlights): see fitSlide.ts.
  useSlideFit(ref, { index, autoscale, step, active: part === 'body', when: fit });

  const Content = runtime.Content;
  return (
    <div
      ref={ref}
      className={part === 'body' ? 'slide' : part}
      data-slide={index + 1}
      data-step={step}
      data-autoscale={autoscale || undefined}
    >
      <SlideContext.Provider value={ctx}>
        <Content components={mdxComponents} />
      </SlideContext.Provider>
    </div>
  );
}

import { useContext, useLayoutEffect, useMemo, useRef } from 'react';
import { mdxComponents } from '../components/mdxComponents.ts';
import { DeckRuntimeContext } from './deckRuntime.ts';
import { fitSlide } from './fitSlide.ts';
import { SlideContext, type SlidePart, type SlideRenderContext } from './slideContext.ts';

const NO_SCENES: SlideRenderContext['scenes'] = [];

/** One slide of the deck (or its notes), rendered from the compiled MDX. */
export function SlideView({
  index,
  step,
  part = 'body',
  preview = false,
}: {
  index: number;
  step: number;
  part?: SlidePart;
  preview?: boolean;
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
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || part !== 'body') return;
    const fit = () => fitSlide(el, { autoscale, step });
    fit();
    // Pictures and fonts that arrive later change the layout: fit again.
    const onLoad = () => fit();
    el.addEventListener('load', onLoad, true);
    let alive = true;
    if (document.fonts && document.fonts.status !== 'loaded') {
      void document.fonts.ready.then(() => alive && fit());
    }
    return () => {
      alive = false;
      el.removeEventListener('load', onLoad, true);
    };
  }, [autoscale, index, step, part]);

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

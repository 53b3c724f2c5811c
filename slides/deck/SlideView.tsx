import { useContext, useLayoutEffect, useMemo, useRef } from 'react';
import { mdxComponents } from '../components/mdxComponents.ts';
import { DeckRuntimeContext } from './deckRuntime.ts';
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

  // Deckset's autoscale: shrink the type until the body fits. All sizes are relative to the stage
  // width, so the factor holds at every window size and needs measuring only once per build.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The element outlives a slide change, so a slide without autoscale must drop the factor.
    el.style.removeProperty('--autoscale');
    if (!autoscale) return;
    let scale = 1;
    el.style.setProperty('--autoscale', '1');
    for (let i = 0; i < 6; i++) {
      const body = el.querySelector<HTMLElement>('.slide-body');
      if (!body || body.scrollHeight <= body.clientHeight + 1) break;
      scale *= (body.clientHeight / body.scrollHeight) * 0.98;
      el.style.setProperty('--autoscale', scale.toFixed(3));
    }
  }, [autoscale, index, step]);

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

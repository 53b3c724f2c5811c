import { useLayoutEffect, type RefObject } from 'react';
import { fitSlide } from './fitSlide.ts';

/**
 * When a slide is fitted (fitSlide.ts: autoscale, code, `[fit]` headings, code highlights):
 * - `now`: before the browser paints it (the deck, the presenter, print);
 * - `in-view`: the same when it is on screen or within a screen of it; otherwise once scrolling
 *   brings it that near. A page of every slide (the reading page) would otherwise measure and
 *   refit all of them before its first paint, each fit forcing a layout of the whole page.
 */
export type FitWhen = 'now' | 'in-view';

/** How near the viewport (in viewport heights) a slide is fitted before it shows. */
const AHEAD = 1;

export function useSlideFit(
  ref: RefObject<HTMLElement | null>,
  {
    index,
    autoscale,
    step,
    active,
    when,
  }: {
    /** The slide shown: another slide in the same element is fitted anew. */
    index: number;
    autoscale: boolean;
    step: number;
    active: boolean;
    when: FitWhen;
  },
): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    let alive = true;
    const fit = () => alive && fitSlide(el, { autoscale, step });
    // Pictures and fonts that arrive later change the layout: fit again.
    const onLoad = () => fit();
    const start = () => {
      fit();
      el.addEventListener('load', onLoad, true);
      if (document.fonts && document.fonts.status !== 'loaded') void document.fonts.ready.then(fit);
    };
    let observer: IntersectionObserver | undefined;
    if (when === 'now' || isNear(el)) start();
    else {
      observer = new IntersectionObserver(
        ([entry]) => {
          if (!entry?.isIntersecting) return;
          observer?.disconnect();
          start();
        },
        { rootMargin: `${AHEAD * 100}% 0px` },
      );
      observer.observe(el);
    }
    return () => {
      alive = false;
      observer?.disconnect();
      el.removeEventListener('load', onLoad, true);
    };
  }, [ref, index, autoscale, step, active, when]);
}

/**
 * Whether the slide is on screen or within AHEAD screens of it. The first call lays the page
 * out; the slides after it that are far away read that same layout, since nothing changed it.
 */
function isNear(el: HTMLElement): boolean {
  const { top, bottom } = el.getBoundingClientRect();
  const margin = innerHeight * AHEAD;
  return bottom >= -margin && top <= innerHeight + margin;
}

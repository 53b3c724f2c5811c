import { useLayoutEffect, type RefObject } from 'react';

/**
 * Scales `inner` (laid out `designWidth` CSS px wide) to fit `outer`, keeping its proportions, and
 * centres it. The sandbox is sized in px; slides are sized in shares of the stage, so the scene is
 * drawn at one size and scaled as a picture, the same on a projector, a laptop and a thumbnail.
 */
export function useFitBox(
  outer: RefObject<HTMLElement | null>,
  inner: RefObject<HTMLElement | null>,
  designWidth: number,
) {
  useLayoutEffect(() => {
    const box = outer.current;
    const content = inner.current;
    if (!box || !content) return;
    const fit = () => {
      const w = box.clientWidth;
      const h = box.clientHeight;
      const natural = content.offsetHeight;
      if (w === 0 || natural === 0) return;
      const scale = Math.min(w / designWidth, h > 0 ? h / natural : Infinity);
      content.style.transform = `translateX(${(w - designWidth * scale) / 2}px) scale(${scale})`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    observer.observe(content);
    return () => observer.disconnect();
  }, [outer, inner, designWidth]);
}

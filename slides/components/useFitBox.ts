import { useLayoutEffect, type RefObject } from 'react';

/**
 * Lays `inner` out `designWidth` CSS px wide and as tall as `outer` allows at that width, then
 * scales it to fill `outer`. The sandbox is sized in px; slides are sized in shares of the stage,
 * so the scene is drawn at one size and scaled as a picture: the same on a projector, a laptop and
 * a thumbnail, and with the box's own proportions, so none of it is left empty. A design width
 * below the box's width scales the picture up: its text grows with the slide.
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
      if (w === 0 || h === 0) return;
      // A stylesheet may set another width for a context (a phone reading the talk).
      const css = Number.parseFloat(getComputedStyle(box).getPropertyValue('--scene-design-width'));
      const design = css > 0 ? css : designWidth;
      const scale = w / design;
      content.style.width = `${design}px`;
      content.style.height = `${h / scale}px`;
      content.style.transform = `scale(${scale})`;
      content.dataset.scale = scale.toFixed(3);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [outer, inner, designWidth]);
}

import { useLayoutEffect, useState, type RefObject } from 'react';

let measuring: CanvasRenderingContext2D | null | undefined;

/**
 * How many characters of its monospaced font fit on one line of the element `ref` shows, inside
 * its padding; measured whenever it resizes. Null until measured, and where nothing can measure.
 */
export function useColumns(ref: RefObject<HTMLElement | null>): number | null {
  const [columns, setColumns] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const read = () => {
      const style = getComputedStyle(el);
      const width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      measuring ??= document.createElement('canvas').getContext('2d');
      if (!measuring || width <= 0) return;
      measuring.font = style.font;
      const ch = measuring.measureText('0').width;
      // Half a pixel of slack: canvas and CSS may round a line's width apart.
      if (ch > 0) setColumns(Math.floor((width + 0.5) / ch));
    };
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return columns;
}

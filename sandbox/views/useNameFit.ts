import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { fitSpanName } from './canvasText.ts';

let measuring: CanvasRenderingContext2D | null | undefined;

/**
 * A span name fitted to the element `ref` shows it in: a namespaced name that does not fit drops
 * namespaces from the left, as on the topology (`…aggregate.execute`), where CSS cut its end
 * (`commanded.aggregate.exec…` in a phone's trace list). The element's width must not depend on
 * its text (a grid's `1fr` cell): it is measured whenever it resizes. The name as it is until
 * measured, and where no canvas can measure: CSS cuts it then.
 */
export function useNameFit(ref: RefObject<HTMLElement | null>, name: string): string {
  const [room, setRoom] = useState<{ width: number; font: string } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const read = () => {
      if (el.clientWidth === 0) return;
      const next = { width: el.clientWidth, font: getComputedStyle(el).font };
      setRoom((old) => (old && old.width === next.width && old.font === next.font ? old : next));
    };
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  // Once per name and size: a running trace's row renders every frame.
  return useMemo(() => {
    if (!room) return name;
    measuring ??= document.createElement('canvas').getContext('2d');
    const ctx = measuring;
    if (!ctx) return name;
    ctx.font = room.font;
    // Half a pixel of slack: canvas and CSS may round a text's width apart.
    return fitSpanName((t) => ctx.measureText(t).width, name, room.width - 0.5);
  }, [room, name]);
}

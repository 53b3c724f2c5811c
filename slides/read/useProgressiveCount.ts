import { startTransition, useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * How many of `total` parts to render: `first` at once, then `step` more after each paint, in a
 * transition (a scroll or a click goes first), until all show. The reading page renders its
 * first sections this way: rendering and laying out the whole talk before its first paint took
 * most of a second. Parts are only ever added below, so nothing the reader sees moves.
 * `showAll` renders the rest at once, for a jump to a part not rendered yet.
 */
export function useProgressiveCount(
  total: number,
  first: number,
  step = 6,
): { shown: number; showAll: () => void } {
  const [shown, setShown] = useState(() => Math.min(total, Math.max(1, first)));
  useEffect(() => {
    if (shown >= total) return;
    let timer = 0;
    // After the next paint: a frame, then a task.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() =>
        startTransition(() => setShown((n) => Math.min(total, n + step))),
      );
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, total, step]);
  const showAll = useCallback(() => {
    if (shown < total) flushSync(() => setShown(total));
  }, [shown, total]);
  return { shown: Math.min(shown, total), showAll };
}

import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * How many of `total` parts to render: `first` at once, then `step` more after each paint, in a
 * transition (a scroll or a click goes first), until all show. The reading page renders its
 * first sections this way: rendering and laying out the whole talk before its first paint took
 * most of a second. Parts are only ever added below, so nothing the reader sees moves.
 * `showAll(then)` renders the rest at once and runs `then` when they are on the page (before
 * they paint), for a jump to a part not rendered yet.
 */
export function useProgressiveCount(
  total: number,
  first: number,
  step = 6,
): { shown: number; showAll: (then: () => void) => void } {
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
  const pending = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    const then = pending.current;
    if (shown < total || !then) return;
    pending.current = null;
    then();
  }, [shown, total]);
  const showAll = useCallback(
    (then: () => void) => {
      if (shown >= total) return then();
      pending.current = then;
      setShown(total);
    },
    [shown, total],
  );
  return { shown: Math.min(shown, total), showAll };
}

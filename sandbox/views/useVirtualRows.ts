import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Fixed-height row virtualization: which rows of `count` are in view in the scrolling element.
 * Rows are all the same height, so no measuring is needed and 20,000 rows cost what 30 do.
 */
export function useVirtualRows(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 6,
) {
  const [view, setView] = useState({ top: 0, height: 600 });
  // The scrolling element may appear after the first render (a waterfall mounts before any trace
  // is selected) or be replaced: follow it, so its listeners are on the element in the page.
  // Attached at mount only, they were on nothing, and scrolling a 37-span trace showed rows 0-24
  // and then blank space.
  const [el, setEl] = useState<HTMLElement | null>(null);
  // After every render, for `ref.current` is no dependency React can watch; it sets state only
  // when the element changed, so it settles at once.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (ref.current !== el) setEl(ref.current);
  });
  useLayoutEffect(() => {
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro?.disconnect();
    };
  }, [el]);
  const start = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  /** Scrolls just enough to show row `index`. */
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight)
        el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [ref, rowHeight],
  );
  return { start, end, total: count * rowHeight, scrollToIndex };
}

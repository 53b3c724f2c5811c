import { useLayoutEffect, useState, type RefObject } from 'react';

/** The trees' type in design px, and the least it may shrink to (about 18 px at 1920x1080). */
const ROW_FONT = { max: 13, min: 11 };

/** Whether the panel's content, or its last tree row, reaches below the panel's edge. */
function overflows(el: HTMLElement): boolean {
  if (el.scrollHeight > el.clientHeight + 1) return true;
  const rows = el.querySelectorAll('.scene-stage-row, .scene-stage-fold');
  const last = rows[rows.length - 1];
  return !!last && last.getBoundingClientRect().bottom > el.getBoundingClientRect().bottom + 0.5;
}

/** Tree rows (and folds) whose bottom is below the panel's edge. */
function rowsBelow(el: HTMLElement): number {
  const bottom = el.getBoundingClientRect().bottom + 0.5;
  return [...el.querySelectorAll('.scene-stage-row, .scene-stage-fold')].filter(
    (row) => row.getBoundingClientRect().bottom > bottom,
  ).length;
}

/**
 * Fits a slide's trace trees into their panel. First the type shrinks, within ROW_FONT; when even
 * the smallest type is not enough, it returns how many rows to leave out (foldRows), and grows
 * that count until the rest is in view. `data-fits` says whether what is drawn is in view,
 * `data-folded` how many rows were left out. New rows, other text above them (`deps`) or a new
 * panel size start again from every row. The count never passes `rows`, the rows there are.
 */
export function useFitRows(
  panel: RefObject<HTMLElement | null>,
  rows: number,
  deps: unknown[],
): number {
  const [fold, setFold] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => setFold(0), [...deps, rows]);
  useLayoutEffect(() => {
    const el = panel.current;
    if (!el) return;
    const fit = () => {
      let size = ROW_FONT.max;
      el.style.setProperty('--rows-font', `${size}px`);
      while (overflows(el) && size > ROW_FONT.min) {
        size -= 0.5;
        el.style.setProperty('--rows-font', `${size}px`);
      }
      const fits = !overflows(el);
      el.dataset.fits = String(fits);
      el.dataset.folded = String(fold);
      // The first fold takes a line of its own: leave out one row more for it.
      const more = fits ? 0 : rowsBelow(el) + (fold === 0 ? 1 : 0);
      if (more > 0 && fold < rows) setFold(Math.min(rows, fold + more));
    };
    fit();
    // The box is sized after the scene is (useFitBox): fit again when it changes, from every
    // row (a larger box may hold the rows left out). The observer's first call is not a change.
    let size = `${el.clientWidth}x${el.clientHeight}`;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            const now = `${el.clientWidth}x${el.clientHeight}`;
            if (now === size) return;
            size = now;
            if (fold > 0) setFold(0);
            else fit();
          });
    observer?.observe(el);
    return () => observer?.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, rows, fold]);
  return fold;
}

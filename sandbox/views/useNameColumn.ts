import { useCallback, useState } from 'react';
import { LEVEL_PX } from './waterfallIndent.ts';

const KEY = 'sbx:waterfall:name-column';
export const NAME_COLUMN = { min: 160, max: 900 } as const;

function stored(): number | null {
  try {
    const n = Number(window.localStorage.getItem(KEY) ?? NaN);
    return Number.isFinite(n) && n >= NAME_COLUMN.min ? Math.min(NAME_COLUMN.max, n) : null;
  } catch {
    return null;
  }
}

/**
 * The waterfall's name-column width in pixels, remembered across visits (localStorage). Until the
 * learner sets one: room for the deepest row's indent (`depth` levels of 14 px) and a name of
 * about 250 px, and for the widest flagged row whole (`flaggedPx`: spanFlagText.ts), at least 40%
 * of the panel, and at most what leaves the timeline 200 px.
 */
export function useNameColumn(
  panelPx: number,
  depth: number,
  flaggedPx = 0,
): [number, (px: number) => void] {
  const [chosen, setChosen] = useState(stored);
  const wanted = Math.max(panelPx * 0.4, 6 + Math.max(0, depth - 1) * LEVEL_PX + 250, flaggedPx);
  const width = chosen ?? Math.round(Math.max(NAME_COLUMN.min, Math.min(panelPx - 200, wanted)));
  const set = useCallback((px: number) => {
    const next = Math.round(Math.min(NAME_COLUMN.max, Math.max(NAME_COLUMN.min, px)));
    setChosen(next);
    try {
      window.localStorage.setItem(KEY, String(next));
    } catch {
      // Private browsing without storage: the width lasts this visit.
    }
  }, []);
  return [width, set];
}

import { useCallback, useState } from 'react';

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
 * The waterfall's name-column width in pixels, remembered across visits (localStorage); until the
 * learner sets one, 40% of the panel (`panelPx`), at least 280 px where the panel has room.
 */
export function useNameColumn(panelPx: number): [number, (px: number) => void] {
  const [chosen, setChosen] = useState(stored);
  const width =
    chosen ??
    Math.max(NAME_COLUMN.min, Math.round(Math.min(panelPx - 180, Math.max(panelPx * 0.4, 280))));
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

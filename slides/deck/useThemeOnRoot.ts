import { useEffect } from 'react';
import type { Theme } from './store.deck.ts';

/** Puts the theme on <html>, so the page around the stage and the scrollbars match it. */
export function useThemeOnRoot(theme: Theme) {
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

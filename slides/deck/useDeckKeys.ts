import { useEffect } from 'react';
import { keyAction, type DeckAction } from './keys.ts';
import type { DeckStore } from './store.deck.ts';

/** Where keys typed into a control belong to the control, not to the deck. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return true;
  return (key === ' ' || key === 'Enter') && /^(BUTTON|A|SUMMARY)$/.test(target.tagName);
}

export function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

/** The deck's keyboard: navigation, overlays, fullscreen. `extra` handles view-specific actions. */
export function useDeckKeys(store: DeckStore, extra?: (action: DeckAction) => boolean) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ownsKeys(e.target, e.key)) return;
      const action = keyAction(e);
      if (!action) return;
      const s = store.getState();
      // The overview grid handles its own arrows and Enter.
      if (s.overview && action !== 'overview' && action !== 'close' && action !== 'help') return;
      if (extra?.(action)) {
        e.preventDefault();
        return;
      }
      switch (action) {
        case 'next':
          s.next();
          break;
        case 'prev':
          s.prev();
          break;
        case 'first':
          s.first();
          break;
        case 'last':
          s.last();
          break;
        case 'fullscreen':
          toggleFullscreen();
          break;
        case 'overview':
          s.toggle('overview');
          break;
        case 'help':
          s.toggle('help');
          break;
        case 'black':
          s.setBlack(!s.black);
          break;
        case 'split':
          s.toggle('split');
          break;
        case 'theme':
          s.setTheme(s.theme === 'dark' ? 'light' : 'dark');
          break;
        case 'close':
          if (!s.closeOverlay()) return;
          break;
        case 'read':
        case 'presenter':
          // Only the audience view opens these (its `extra`).
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, extra]);
}

import { useEffect, useRef, useState } from 'react';
import { replayEarlyKeys } from '../../app/prerender/earlyKeys.ts';
import { keyAction, slideDigit, type DeckAction } from './keys.ts';
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

/** Digits typed more than this long after the last one start a new number. */
const TYPING_MS = 4000;

/**
 * The deck's keyboard: navigation, overlays, fullscreen, and a slide number typed then Enter.
 * `extra` handles view-specific actions. Returns the number being typed ('' when none), for a hint.
 */
export function useDeckKeys(store: DeckStore, extra?: (action: DeckAction) => boolean): string {
  const [typed, setTyped] = useState('');
  const number = useRef({ text: '', at: 0 });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const type = (text: string) => {
      number.current = { text, at: performance.now() };
      setTyped(text);
      clearTimeout(timer);
      if (text) timer = setTimeout(() => type(''), TYPING_MS);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const s = store.getState();
      const typing =
        number.current.text !== '' && performance.now() - number.current.at < TYPING_MS;
      // Enter after a number goes there, even from a focused button (the number was typed last).
      if (e.key === 'Enter' && typing && !s.overview) {
        const slide = Number(number.current.text) - 1;
        type('');
        if (slide >= 0 && slide < s.steps.length) s.goto({ slide, step: 0 });
        e.preventDefault();
        return;
      }
      if (ownsKeys(e.target, e.key)) return;
      const digit = slideDigit(e);
      if (digit !== undefined && !s.overview) {
        type(((typing ? number.current.text : '') + digit).slice(-3));
        e.preventDefault();
        return;
      }
      const action = keyAction(e);
      if (!action) return;
      if (typing) type('');
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
        case 'scene-replay':
        case 'scene-slower':
        case 'scene-faster':
        case 'scene-step':
          // The views handle these (their `extra`).
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    // Keys pressed while the page loaded (a clicker pressed at once) reach the deck now.
    replayEarlyKeys();
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [store, extra]);
  return typed;
}

import { useEffect, useRef } from 'react';
import { replayEarlyKeys } from '../../app/prerender/earlyKeys.ts';
import { FAULTS, type Fault } from '../core/config.ts';
import { MODES, type PropagationMode } from '../core/propagation/index.ts';
import { KEYS } from './useShortcuts.ts';

/**
 * The comparison's shortcuts, shown next to its controls. The same letters as a single scene's;
 * digits 1-4 pick the left mode and 5-8 the right one, Shift+digit toggles a fault on both sides.
 */
export const COMPARE_KEYS = {
  send: KEYS.send,
  burst: KEYS.burst,
  play: KEYS.play,
  step: KEYS.step,
  reset: KEYS.reset,
  seed: KEYS.seed,
  left: (i: number) => String(i + 1),
  right: (i: number) => String(i + 1 + MODES.length),
  fault: KEYS.fault,
} as const;

/** What a key does to both sides of the comparison, as data. */
export type CompareAction =
  | { kind: 'send' | 'burst' | 'play' | 'step' | 'reset' | 'seed' }
  | { kind: 'speed'; dir: 1 | -1 }
  | { kind: 'left' | 'right'; mode: PropagationMode }
  | { kind: 'fault'; fault: Fault };

/** A field the user types into: keys there are text, never shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const t = target as HTMLElement | null;
  if (!t || typeof t.tagName !== 'string') return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
  if (t.tagName !== 'INPUT') return false;
  // A checkbox, radio or button has no text to type; number, text, url and the rest do.
  return !/^(checkbox|radio|button|submit|reset|range|color|file)$/.test(
    (t as HTMLInputElement).type,
  );
}

type KeyLike = Pick<
  KeyboardEvent,
  'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'
>;

/** The action of a key press, or null when the key is not a comparison shortcut. */
export function compareKeyAction(e: KeyLike): CompareAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return null;
  // By physical key, so Shift+1 is the same key on every layout (it types ! or 1 or &).
  const digit = /^Digit([1-9])$/.exec(e.code);
  if (digit) {
    const n = Number(digit[1]) - 1;
    if (e.shiftKey) {
      const fault = FAULTS[n];
      return fault ? { kind: 'fault', fault } : null;
    }
    const left = MODES[n];
    if (left) return { kind: 'left', mode: left };
    const right = MODES[n - MODES.length];
    return right ? { kind: 'right', mode: right } : null;
  }
  switch (e.key.toLowerCase()) {
    case 's':
      return { kind: 'send' };
    case 'b':
      return { kind: 'burst' };
    case 'p':
      return { kind: 'play' };
    case '.':
      return { kind: 'step' };
    case 'r':
      return { kind: 'reset' };
    case 'n':
      return { kind: 'seed' };
    case '+':
    case '=':
      return { kind: 'speed', dir: 1 };
    case '-':
      return { kind: 'speed', dir: -1 };
    default:
      return null;
  }
}

/**
 * Comparison shortcuts on the whole window. They listen in the capture phase and stop the keys
 * they handle there: each side is a scene with shortcuts of its own on its element, and a key
 * pressed with focus inside one side must reach both sides, never that side alone.
 */
export function useCompareShortcuts(onAction: (action: CompareAction) => void): void {
  const latest = useRef(onAction);
  useEffect(() => {
    latest.current = onAction;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = compareKeyAction(e);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey, true);
    replayEarlyKeys();
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

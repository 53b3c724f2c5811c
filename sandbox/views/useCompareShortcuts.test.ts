import { describe, expect, it } from 'vitest';
import { FAULTS } from '../core/config.ts';
import { MODES } from '../core/propagation/index.ts';
import { COMPARE_KEYS, compareKeyAction, isTypingTarget } from './useCompareShortcuts.ts';

const key = (
  key: string,
  code: string,
  more: Partial<Parameters<typeof compareKeyAction>[0]> = {},
) =>
  compareKeyAction({
    key,
    code,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: null,
    ...more,
  });

/** A stand-in for an element: what isTypingTarget reads. */
const el = (tagName: string, type = '', isContentEditable = false) =>
  ({ tagName, type, isContentEditable }) as unknown as EventTarget;

describe('compare shortcuts', () => {
  it('map letters to the actions on both sides', () => {
    expect(key('s', 'KeyS')).toEqual({ kind: 'send' });
    expect(key('B', 'KeyB', { shiftKey: true })).toEqual({ kind: 'burst' });
    expect(key('p', 'KeyP')).toEqual({ kind: 'play' });
    expect(key('.', 'Period')).toEqual({ kind: 'step' });
    expect(key('r', 'KeyR')).toEqual({ kind: 'reset' });
    expect(key('n', 'KeyN')).toEqual({ kind: 'seed' });
    expect(key('+', 'Equal', { shiftKey: true })).toEqual({ kind: 'speed', dir: 1 });
    expect(key('-', 'Minus')).toEqual({ kind: 'speed', dir: -1 });
    expect(key('g', 'KeyG')).toBeNull();
  });

  it('pick the left mode with 1-4, the right with 5-8, and a fault with Shift+digit', () => {
    MODES.forEach((mode, i) => {
      expect(key(COMPARE_KEYS.left(i), `Digit${i + 1}`)).toEqual({ kind: 'left', mode });
      expect(key(COMPARE_KEYS.right(i), `Digit${i + 1 + MODES.length}`)).toEqual({
        kind: 'right',
        mode,
      });
    });
    // By physical key: Shift+1 types "!" on one layout and "1" on another.
    FAULTS.forEach((fault, i) =>
      expect(key('!', `Digit${i + 1}`, { shiftKey: true })).toEqual({ kind: 'fault', fault }),
    );
    expect(key('9', 'Digit9')).toBeNull();
    expect(key('(', 'Digit9', { shiftKey: true })).toBeNull();
  });

  it('leave keys with Ctrl, Cmd or Alt to the browser', () => {
    expect(key('s', 'KeyS', { ctrlKey: true })).toBeNull();
    expect(key('r', 'KeyR', { metaKey: true })).toBeNull();
    expect(key('1', 'Digit1', { altKey: true })).toBeNull();
  });

  it('never fire while typing in a field; checkboxes and buttons are not fields', () => {
    for (const target of [el('INPUT', 'number'), el('INPUT', 'text'), el('INPUT', 'url')])
      expect(key('s', 'KeyS', { target })).toBeNull();
    expect(key('1', 'Digit1', { target: el('SELECT') })).toBeNull();
    expect(key('s', 'KeyS', { target: el('TEXTAREA') })).toBeNull();
    expect(key('s', 'KeyS', { target: el('DIV', '', true) })).toBeNull();
    expect(isTypingTarget(el('INPUT', 'checkbox'))).toBe(false);
    expect(key('s', 'KeyS', { target: el('BUTTON') })).toEqual({ kind: 'send' });
    expect(key('s', 'KeyS', { target: el('INPUT', 'checkbox') })).toEqual({ kind: 'send' });
  });
});

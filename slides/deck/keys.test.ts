import { describe, expect, it } from 'vitest';
import { keyAction, slideDigit, type KeyLike } from './keys.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('deck keys', () => {
  it('maps next, back and the clicker keys', () => {
    for (const k of ['ArrowRight', ' ', 'PageDown', 'n']) expect(keyAction(key(k))).toBe('next');
    for (const k of ['ArrowLeft', 'PageUp', 'p']) expect(keyAction(key(k))).toBe('prev');
    expect(keyAction(key(' ', { shiftKey: true }))).toBe('prev');
  });

  it('maps the view keys', () => {
    expect(keyAction(key('r'))).toBe('read');
    expect(keyAction(key('Home'))).toBe('first');
    expect(keyAction(key('End'))).toBe('last');
    expect(keyAction(key('f'))).toBe('fullscreen');
    expect(keyAction(key('o'))).toBe('overview');
    expect(keyAction(key('?', { shiftKey: true }))).toBe('help');
    expect(keyAction(key('b'))).toBe('black');
    expect(keyAction(key('s'))).toBe('presenter');
    expect(keyAction(key('l'))).toBe('split');
  });

  it('maps the live scene keys and slide-number digits', () => {
    expect(keyAction(key('a'))).toBe('scene-replay');
    expect(keyAction(key('-'))).toBe('scene-slower');
    expect(keyAction(key('+', { shiftKey: true }))).toBe('scene-faster');
    expect(keyAction(key('='))).toBe('scene-faster');
    expect(keyAction(key('h'))).toBe('scene-step');
    expect(slideDigit(key('7'))).toBe('7');
    expect(slideDigit(key('7', { ctrlKey: true }))).toBeUndefined();
    expect(slideDigit(key('x'))).toBeUndefined();
  });

  it('leaves browser shortcuts alone', () => {
    expect(keyAction(key('p', { ctrlKey: true }))).toBeUndefined();
    expect(keyAction(key('f', { metaKey: true }))).toBeUndefined();
    expect(keyAction(key('x'))).toBeUndefined();
  });
});

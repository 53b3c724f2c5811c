// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdEarlyKeysScript, replayEarlyKeys } from './earlyKeys.ts';

/** Runs the head script as index.html does: its text, not the imported function. */
const runHeadScript = () => new Function(holdEarlyKeysScript())() as void;

const press = (key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));

/** The keys a view listening on window saw. */
function listen(): { keys: string[]; stop: () => void } {
  const keys: string[] = [];
  const onKey = (e: KeyboardEvent) => keys.push(`${e.shiftKey ? 'Shift+' : ''}${e.key}`);
  addEventListener('keydown', onKey);
  return { keys, stop: () => removeEventListener('keydown', onKey) };
}

/** A view starts listening and claims the held keys. */
const claim = () => replayEarlyKeys();

describe('keys pressed before the app listens', () => {
  beforeEach(() => window.history.replaceState(null, '', '/#/1'));
  afterEach(() => {
    claim();
    document.body.innerHTML = '';
  });

  it('are played again, in order and with their modifiers, for the first view that listens', () => {
    runHeadScript();
    press('ArrowRight');
    press(' ', document.body, { shiftKey: true });
    press('o');
    const deck = listen();
    expect(deck.keys).toEqual([]);
    claim();
    expect(deck.keys).toEqual(['ArrowRight', 'Shift+ ', 'o']);
    deck.stop();
  });

  it('stop being held once claimed: a later key arrives once, a second claim adds none', () => {
    runHeadScript();
    press('n');
    const deck = listen();
    claim();
    press('p');
    claim();
    expect(deck.keys).toEqual(['n', 'p']);
    deck.stop();
  });

  it('count only on the route they were pressed on', () => {
    window.history.replaceState(null, '', '/#/');
    runHeadScript();
    press('x');
    // The visitor follows a link to the deck: the key typed on the front page stays there.
    window.history.replaceState(null, '', '/#/1');
    press('ArrowRight');
    const deck = listen();
    claim();
    expect(deck.keys).toEqual(['ArrowRight']);
    deck.stop();
  });

  it('go where they were pressed, or to the body when that element is gone', () => {
    const kept = document.body.appendChild(document.createElement('div'));
    const gone = document.body.appendChild(document.createElement('div'));
    runHeadScript();
    press('a', kept);
    press('b', gone);
    gone.remove();
    const targets: string[] = [];
    const where = (t: EventTarget | null) =>
      t === kept ? 'kept' : t === document.body ? 'body' : 'elsewhere';
    const onKey = (e: KeyboardEvent) => targets.push(`${e.key}:${where(e.target)}`);
    addEventListener('keydown', onKey);
    claim();
    removeEventListener('keydown', onKey);
    expect(targets).toEqual(['a:kept', 'b:body']);
  });

  it('keep only the last 32: a key held down repeats', () => {
    runHeadScript();
    for (let i = 0; i < 40; i++) press(String(i));
    const deck = listen();
    claim();
    expect(deck.keys).toHaveLength(32);
    expect(deck.keys[0]).toBe('8');
    expect(deck.keys.at(-1)).toBe('39');
    deck.stop();
  });

  it('do nothing on a page without the head script (the dev server)', () => {
    const deck = listen();
    expect(() => claim()).not.toThrow();
    expect(deck.keys).toEqual([]);
    deck.stop();
  });
});

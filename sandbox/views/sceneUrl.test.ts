// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { parseScene } from '../model/urlState.ts';
import { SceneUrl } from './sceneUrl.ts';

afterEach(() => window.history.replaceState(null, '', '/'));

const scene = (query: string) => parseScene(new URLSearchParams(query));

describe('SceneUrl', () => {
  it('writes the scene where the hash route keeps its query, and reads it back', () => {
    window.history.replaceState(null, '', '/#/sandbox');
    const url = new SceneUrl();
    url.read();
    url.write(scene('mode=links&requests=2'));
    expect(window.location.hash).toMatch(/^#\/sandbox\?.*mode=links/);
    expect(url.read()).toMatchObject({ mode: 'links', requests: 2 });
  });

  it('does not write over an address the page has not read yet, and writes again once read', () => {
    window.history.replaceState(null, '', '/#/sandbox');
    const url = new SceneUrl();
    url.read();
    // A link followed: the address changed, its event not handled yet.
    window.history.replaceState(null, '', '/#/sandbox?mode=metadata&requests=3');
    expect(url.unread()).toBe(true);
    url.write(scene('mode=process'));
    expect(window.location.hash).toBe('#/sandbox?mode=metadata&requests=3');
    expect(url.read()).toMatchObject({ mode: 'metadata', requests: 3 });
    expect(url.unread()).toBe(false);
    url.write(scene('mode=process'));
    expect(window.location.hash).toMatch(/mode=process/);
  });

  it('makes a history entry only when asked', () => {
    window.history.replaceState(null, '', '/#/sandbox');
    const url = new SceneUrl();
    url.read();
    const before = window.history.length;
    url.write(scene('mode=links'));
    expect(window.history.length).toBe(before);
    url.write(scene('mode=global'), true);
    expect(window.history.length).toBe(before + 1);
    url.pushSame();
    expect(window.history.length).toBe(before + 2);
    expect(url.unread()).toBe(false);
  });
});

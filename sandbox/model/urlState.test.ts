import { describe, expect, it } from 'vitest';
import { parseScene, queryOf, sceneParams, withQuery, URL_DEFAULTS } from './urlState.ts';

describe('URL state', () => {
  it('round-trips a scene through the query', () => {
    const scene = {
      mode: 'global' as const,
      scenario: 'proof-of-concept' as const,
      seed: 42,
      speed: 2.5,
      requests: 3,
      faults: ['drop-metadata' as const, 'batch-projection' as const],
      compare: 'links' as const,
    };
    expect(parseScene(sceneParams(scene))).toEqual(scene);
  });

  it('falls back to defaults for unknown or hostile values', () => {
    const p = new URLSearchParams('mode=<script>&seed=abc&speed=9999&requests=-4&faults=nope');
    expect(parseScene(p)).toEqual({ ...URL_DEFAULTS, speed: 100 });
  });

  it('reads and writes the query inside a hash route', () => {
    const loc = { pathname: '/', search: '', hash: '#/sandbox?mode=process&seed=7' };
    expect(parseScene(queryOf(loc)).mode).toBe('process');
    expect(withQuery(loc, new URLSearchParams('mode=links'))).toBe('/#/sandbox?mode=links');
    const page = { pathname: '/sandbox.html', search: '?mode=global', hash: '' };
    expect(parseScene(queryOf(page)).mode).toBe('global');
    expect(withQuery(page, new URLSearchParams('mode=links'))).toBe('/sandbox.html?mode=links');
  });
});

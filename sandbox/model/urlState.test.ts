import { describe, expect, it } from 'vitest';
import { FAULTS } from '../core/config.ts';
import { MODES } from '../core/propagation/index.ts';
import {
  parseScene,
  queryOf,
  sceneParams,
  secondModeFor,
  withQuery,
  URL_DEFAULTS,
  type UrlScene,
} from './urlState.ts';

const parse = (query: string) => parseScene(new URLSearchParams(query));

describe('URL state', () => {
  it('round-trips a scene through the query', () => {
    const scene: UrlScene = {
      mode: 'global',
      scenario: 'proof-of-concept',
      seed: 42,
      speed: 2.5,
      requests: 3,
      faults: ['drop-metadata', 'batch-projection'],
      compare: null,
    };
    expect(parseScene(sceneParams(scene))).toEqual(scene);
    expect(sceneParams(scene).toString()).toBe(
      'mode=global&scenario=proof-of-concept&seed=42&speed=2.5&requests=3&faults=drop-metadata%2Cbatch-projection',
    );
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

describe('URL state of a comparison', () => {
  const compare: UrlScene = {
    mode: 'global',
    compare: 'metadata',
    scenario: 'lab-order',
    seed: 9,
    speed: 5,
    requests: 4,
    faults: ['task-loses-context'],
  };

  it('carries both sides and the shared scene', () => {
    expect(sceneParams(compare).toString()).toBe(
      'compare=1&mode=global&mode2=metadata&scenario=lab-order&seed=9&speed=5&requests=4&faults=task-loses-context',
    );
    expect(parseScene(sceneParams(compare))).toEqual(compare);
  });

  it('round-trips every pair of modes, every fault and the request count', () => {
    for (const left of MODES)
      for (const right of MODES) {
        const scene = { ...compare, mode: left, compare: right, faults: [...FAULTS] };
        expect(parseScene(sceneParams(scene))).toEqual(scene);
      }
    for (const requests of [0, 1, 1000]) {
      const scene = { ...compare, requests };
      expect(parseScene(sceneParams(scene))).toEqual(scene);
    }
  });

  it('round-trips through a hash route', () => {
    const loc = { pathname: '/', search: '', hash: '#/sandbox?mode=links' };
    const href = withQuery(loc, sceneParams(compare));
    expect(href).toMatch(/^\/#\/sandbox\?compare=1&mode=global&mode2=metadata&/);
    const hash = href.slice(href.indexOf('#'));
    expect(parseScene(queryOf({ search: '', hash }))).toEqual(compare);
  });

  it('reads the older compare=<mode> links as the right-hand mode', () => {
    expect(parse('mode=metadata&compare=process')).toMatchObject({
      mode: 'metadata',
      compare: 'process',
    });
    // mode2 wins when a link has both.
    expect(parse('mode=metadata&compare=process&mode2=links').compare).toBe('links');
  });

  it('opens with a right-hand mode other than the left one when mode2 is missing or invalid', () => {
    for (const mode of MODES) {
      expect(parse(`compare=1&mode=${mode}`).compare).toBe(secondModeFor(mode));
      expect(parse(`compare=1&mode=${mode}&mode2=%3Cscript%3E`).compare).toBe(secondModeFor(mode));
      expect(secondModeFor(mode)).not.toBe(mode);
    }
    expect(parse('compare=true&mode2=global').compare).toBe('global');
  });

  it('stays closed for any other compare value, and ignores mode2 without it', () => {
    for (const flag of ['0', 'false', 'yes', '', '<img src=x>', 'METADATA'])
      expect(parse(`compare=${encodeURIComponent(flag)}&mode2=global`).compare).toBeNull();
    expect(parse('mode2=global').compare).toBeNull();
  });

  it('falls back to defaults for invalid values on either side, without throwing', () => {
    const scene = parse(
      'compare=1&mode=bogus&mode2=42&scenario=../../etc&seed=-5&speed=NaN&requests=1e9&faults=,,drop-metadata,nope,drop-metadata',
    );
    expect(scene).toEqual({
      ...URL_DEFAULTS,
      compare: secondModeFor(URL_DEFAULTS.mode),
      seed: 0,
      requests: 1000,
      faults: ['drop-metadata'],
    });
    expect(parse('compare=1&seed=Infinity&speed=0&requests=2.6')).toMatchObject({
      seed: URL_DEFAULTS.seed,
      speed: 0.1,
      requests: 3,
    });
    expect(() => parse('compare=%E0%A4%A&mode2=%')).not.toThrow();
  });
});

describe('selection in the URL', () => {
  it('round-trips the selected trace and span, and ignores ids that are not hex', () => {
    const scene: UrlScene = {
      ...URL_DEFAULTS,
      mode: 'process',
      requests: 3,
      trace: 'a'.repeat(32),
      span: '0123456789abcdef',
    };
    expect(parseScene(sceneParams(scene))).toEqual(scene);
    const p = new URLSearchParams('trace=xyz&span=0123');
    expect(parseScene(p).trace).toBeUndefined();
    expect(parseScene(p).span).toBeUndefined();
  });

  it("carries the run's id nonce beside a selection, so a link replays the same ids", () => {
    const scene: UrlScene = { ...URL_DEFAULTS, span: '0123456789abcdef', ids: '5eed0fca11ed' };
    expect(sceneParams(scene).get('ids')).toBe('5eed0fca11ed');
    expect(parseScene(sceneParams(scene))).toEqual(scene);
    // Without a selection a URL names no nonce: a reload is a fresh run.
    expect(sceneParams({ ...URL_DEFAULTS, ids: '5eed' }).has('ids')).toBe(false);
    expect(parseScene(new URLSearchParams('ids=not-hex')).ids).toBeUndefined();
  });
});

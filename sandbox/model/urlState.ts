import { FAULTS, type Fault } from '../core/config.ts';
import { MODES, type PropagationMode } from '../core/propagation/index.ts';
import { SCENARIOS, type ScenarioName } from '../core/scenarios.ts';
import { NONCE_PATTERN } from '../telemetry/SeededIdGenerator.ts';

/**
 * The scene a link reproduces: `?mode=…&scenario=…&seed=…&speed=…&requests=N&faults=a,b`, and for
 * the side-by-side comparison `?compare=1&mode=…&mode2=…&…` (mode on the left, mode2 on the right).
 */
export interface UrlScene {
  mode: PropagationMode;
  scenario: ScenarioName;
  seed: number;
  speed: number;
  requests: number;
  faults: readonly Fault[];
  /** The right-hand mode of the side-by-side comparison, when it is open (`mode` is the left). */
  compare: PropagationMode | null;
  /** The selected trace (32 hex digits), when one is selected. */
  trace?: string | null;
  /** The selected span (16 hex digits): a link to it replays the scene and selects it. */
  span?: string | null;
  /**
   * The run's id nonce (1 to 32 hex digits), written beside a selection: ids are fresh per run,
   * so a link must name the nonce for the replay to make the same trace and span ids.
   */
  ids?: string | null;
}

export const URL_DEFAULTS: UrlScene = {
  mode: 'metadata',
  scenario: 'lab-order',
  seed: 1,
  speed: 1,
  requests: 0,
  faults: [],
  compare: null,
};

/** A trace or span id from a link; anything else is no id (absent, so scenes compare equal). */
const hex = (value: string | null, digits: number): string | undefined =>
  value !== null && new RegExp(`^[0-9a-f]{${digits}}$`).test(value.toLowerCase())
    ? value.toLowerCase()
    : undefined;

/** A run's id nonce from a link (as SeededIdGenerator takes it); anything else is none. */
const nonceOf = (value: string | null): string | undefined =>
  value !== null && NONCE_PATTERN.test(value) ? value.toLowerCase() : undefined;

const pick = <T extends string>(all: readonly T[], value: string | null, fallback: T): T =>
  all.includes(value as T) ? (value as T) : fallback;

function num(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** The mode a comparison starts with on its right, when nothing chose one: not the left one. */
export const secondModeFor = (mode: PropagationMode): PropagationMode =>
  mode === 'links' ? 'process' : 'links';

/** Reads a scene from query parameters; anything unknown falls back to the default. */
export function parseScene(params: URLSearchParams): UrlScene {
  const mode = pick(MODES, params.get('mode'), URL_DEFAULTS.mode);
  // `compare=1&mode2=links` opens the comparison; `compare=links` is the older form of it.
  const flag = params.get('compare');
  const legacy = flag !== null && (MODES as readonly string[]).includes(flag) ? flag : null;
  const open = legacy !== null || flag === '1' || flag === 'true';
  const fallback = (legacy as PropagationMode | null) ?? secondModeFor(mode);
  return {
    mode,
    scenario: pick(SCENARIOS, params.get('scenario'), URL_DEFAULTS.scenario),
    seed: Math.round(num(params.get('seed'), URL_DEFAULTS.seed, 0, 2 ** 31 - 1)),
    speed: num(params.get('speed'), URL_DEFAULTS.speed, 0.1, 100),
    requests: Math.round(num(params.get('requests'), 0, 0, 1000)),
    faults: [
      ...new Set(
        (params.get('faults') ?? '')
          .split(',')
          .filter((f): f is Fault => (FAULTS as readonly string[]).includes(f)),
      ),
    ],
    compare: open ? pick(MODES, params.get('mode2'), fallback) : null,
    trace: hex(params.get('trace'), 32),
    span: hex(params.get('span'), 16),
    ids: nonceOf(params.get('ids')),
  };
}

/** Writes a scene as query parameters, always in the same order. */
export function sceneParams(scene: UrlScene): URLSearchParams {
  const p = new URLSearchParams();
  if (scene.compare) p.set('compare', '1');
  p.set('mode', scene.mode);
  if (scene.compare) p.set('mode2', scene.compare);
  p.set('scenario', scene.scenario);
  p.set('seed', String(scene.seed));
  p.set('speed', String(scene.speed));
  if (scene.requests > 0) p.set('requests', String(scene.requests));
  if (scene.faults.length > 0) p.set('faults', scene.faults.join(','));
  if (!scene.compare && scene.trace) p.set('trace', scene.trace);
  if (!scene.compare && scene.span) p.set('span', scene.span);
  if (!scene.compare && (scene.trace || scene.span) && scene.ids) p.set('ids', scene.ids);
  return p;
}

/** The query of a location: in the hash for the site's hash routes (`#/sandbox?…`), else the search. */
export function queryOf(location: { hash: string; search: string }): URLSearchParams {
  const q = location.hash.indexOf('?');
  if (location.hash.startsWith('#/') && q >= 0)
    return new URLSearchParams(location.hash.slice(q + 1));
  if (location.hash.startsWith('#/')) return new URLSearchParams();
  return new URLSearchParams(location.search);
}

/** The same location with its query replaced, where `queryOf` reads it. */
export function withQuery(
  location: { pathname: string; hash: string; search: string },
  params: URLSearchParams,
): string {
  if (location.hash.startsWith('#/')) {
    const route = location.hash.split('?')[0] ?? '#/sandbox';
    return `${location.pathname}${location.search}${route}?${params.toString()}`;
  }
  return `${location.pathname}?${params.toString()}${location.hash}`;
}

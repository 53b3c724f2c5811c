import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Fault } from '../core/config.ts';
import type { PropagationMode } from '../core/propagation/index.ts';
import type { ScenarioName } from '../core/scenarios.ts';

/** What makes a scene reproducible: the URL carries these. */
export interface SceneSettings {
  mode: PropagationMode;
  scenario: ScenarioName;
  seed: number;
  /** 1x shows 2 ms of virtual time per second; 0.1x to 100x. */
  speed: number;
  faults: readonly Fault[];
}

/**
 * One scene's UI state. Span data is not in here: it lives in the controller's buffer, and
 * `revision` is bumped once per animation frame when it changed.
 */
export interface SceneState extends SceneSettings {
  playing: boolean;
  revision: number;
  /** Virtual now, microseconds. */
  now: number;
  /** Requests fired in this run (replayed when a setting changes). */
  sent: number;
  /** Which spans the views show: the live run, or an imported file. */
  view: 'live' | 'import';
  importName: string | null;
  /** The last import's error, in words; the view stays as it was. */
  importError: string | null;
  /** What the last import changed to keep every span (repeated ids), in words; null if nothing. */
  importNote: string | null;
  /** The imported spans are not the simulation's (a real backend's): no picture of its processes. */
  importForeign: boolean;
  selectedTraceId: string | null;
  selectedSpanId: string | null;
  collapsed: ReadonlySet<string>;
  groupByRequest: boolean;
  /** The trace list's filter, as typed (sandbox/model/traceFilter.ts reads it). */
  query: string;
  /** Find-in-trace: the text searched in the selected trace's spans. */
  find: string;
}

export type SceneStore = StoreApi<SceneState>;

export const DEFAULT_SETTINGS: SceneSettings = {
  mode: 'metadata',
  scenario: 'lab-order',
  seed: 1,
  speed: 1,
  faults: [],
};

export function createSceneStore(settings: SceneSettings, playing: boolean): SceneStore {
  return createStore<SceneState>()(() => ({
    ...settings,
    playing,
    revision: 0,
    now: 0,
    sent: 0,
    view: 'live',
    importName: null,
    importError: null,
    importNote: null,
    importForeign: false,
    selectedTraceId: null,
    selectedSpanId: null,
    collapsed: new Set<string>(),
    groupByRequest: false,
    query: '',
    find: '',
  }));
}

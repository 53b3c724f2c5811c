import type { SceneMode, SceneSetting, SlideMeta } from './deckMeta.ts';
import type { Position } from './navigation.ts';
import { DEFAULT_SCENE, type SceneProps } from './sceneAt.ts';
import type { SceneInput } from './sync.ts';

/** The settings a scene runs with. */
export interface ScenePlanSettings {
  mode: SceneMode;
  scenario?: string;
  seed: number;
  faults: readonly string[];
}

/**
 * What a live scene must have run, folded from everything so far: the talk's `<Scene>` markers
 * and the inputs made in any window (caption buttons, the sandbox's own keys). Every window
 * derives the same plan from the same place in the talk and the same inputs, and runs it the same
 * way (each batch of requests sent once the one before has finished), so every window runs the
 * same simulation, whichever way and at whatever pace it got there.
 */
export interface ScenePlan {
  settings: ScenePlanSettings;
  /** Batches of requests since the last reset, in order. */
  batches: readonly number[];
  /** Resets so far: a reset scene starts over even when it ends with the same batches. */
  resets: number;
  /** Virtual-time speed asked for (undefined: the host's default). */
  speed?: number;
  /** Whether the scene should play (undefined: as it started). */
  playing?: boolean;
  /** Single steps asked for; on a slide each runs to the next hop (a paused preview finishes anyway). */
  steps: number;
}

const MODES: readonly SceneMode[] = ['global', 'process', 'metadata', 'links'];

/** Virtual-time speeds a scene steps through with slower and faster (as the sandbox's). */
export const SCENE_SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

/**
 * A slide's default pace: one request unfolds in about six seconds, slow enough to talk over. A
 * lab order runs ~45 ms of virtual time, the proof of concept ~6 ms (2 ms of virtual time per
 * real second at 1x; see SceneController).
 */
export function scenePace(settings: Pick<ScenePlanSettings, 'scenario'>): number {
  return settings.scenario === 'proof-of-concept' ? 0.5 : 5;
}

/** The next speed down (-1) or up (+1) from `speed`. */
export function stepSpeed(speed: number, dir: -1 | 1): number {
  if (dir > 0) return SCENE_SPEEDS.find((s) => s > speed + 1e-9) ?? speed;
  return [...SCENE_SPEEDS].reverse().find((s) => s < speed - 1e-9) ?? speed;
}

function startPlan({ mode, scenario, seed, faults }: ScenePlanSettings): ScenePlan {
  return { settings: { mode, scenario, seed, faults }, batches: [], resets: 0, steps: 0 };
}

/** A `<Scene>` marker's settings; a new mode without a scenario goes back to the default one. */
function withMarker(into: ScenePlanSettings, s: SceneSetting): ScenePlanSettings {
  return {
    mode: s.mode ?? into.mode,
    scenario: s.scenario ?? (s.mode ? undefined : into.scenario),
    seed: s.seed ?? into.seed,
    faults: s.faults ?? into.faults,
  };
}

/** The count a `send` input asks for (1 when it names none). */
function sendCount(input: SceneInput): number {
  return typeof input.count === 'number' && input.count > 0 ? Math.floor(input.count) : 1;
}

/** One input, as the sandbox would apply it; unknown kinds and malformed fields change nothing. */
export function withInput(plan: ScenePlan, input: SceneInput): ScenePlan {
  const settings = (next: Partial<ScenePlanSettings>) => ({
    ...plan,
    settings: { ...plan.settings, ...next },
  });
  switch (input.kind) {
    case 'send':
      return { ...plan, batches: [...plan.batches, sendCount(input)] };
    case 'reset':
      return { ...plan, batches: [], resets: plan.resets + 1 };
    case 'replay':
      // The same requests again, from the start, playing.
      return { ...plan, resets: plan.resets + 1, playing: true, steps: 0 };
    case 'slower':
    case 'faster':
      return {
        ...plan,
        speed: stepSpeed(plan.speed ?? scenePace(plan.settings), input.kind === 'slower' ? -1 : 1),
      };
    case 'play':
      return { ...plan, playing: true };
    case 'pause':
      return { ...plan, playing: false };
    case 'step':
      return { ...plan, playing: false, steps: plan.steps + 1 };
    case 'speed':
      return typeof input.speed === 'number' && input.speed > 0
        ? { ...plan, speed: input.speed }
        : plan;
    case 'mode':
      return MODES.includes(input.mode as SceneMode)
        ? settings({ mode: input.mode as SceneMode })
        : plan;
    case 'scenario':
      return typeof input.scenario === 'string' ? settings({ scenario: input.scenario }) : plan;
    case 'seed':
      return typeof input.seed === 'number' && Number.isInteger(input.seed) && input.seed >= 0
        ? settings({ seed: input.seed })
        : plan;
    case 'faults':
      return Array.isArray(input.faults) ? settings({ faults: [...input.faults] }) : plan;
    default:
      return plan;
  }
}

/** The build an input was made at (inputs without one count as made on the slide's first view). */
function inputStep(input: SceneInput): number {
  return typeof input.step === 'number' ? input.step : 0;
}

/**
 * A slide's scene at a build: the `<LiveScene>`'s settings and requests first; each build's
 * markers change the settings, and their `requests` is the slide's count so far (a build that
 * raises it sends the difference as one batch; requests sent from the caption or keys come on
 * top); each build's inputs follow it, in the order they were made. Inputs made at later builds
 * are not in the picture of an earlier one.
 */
export function slidePlan(
  base: SceneProps,
  scenes: readonly SceneSetting[],
  inputs: readonly SceneInput[],
  step: number,
): ScenePlan {
  let plan = startPlan(base);
  let total = 0;
  const raiseTo = (n: number) => {
    if (n > total) plan = { ...plan, batches: [...plan.batches, n - total] };
    total = Math.max(total, n);
  };
  raiseTo(base.requests);
  for (let s = 0; s <= step; s++) {
    for (const marker of scenes) {
      if (marker.step !== s) continue;
      plan = { ...plan, settings: withMarker(plan.settings, marker) };
      if (marker.requests !== undefined) raiseTo(marker.requests);
    }
    for (const input of inputs) if (inputStep(input) === s) plan = withInput(plan, input);
  }
  return plan;
}

/**
 * The docked scene beside the slides: every marker so far, in order, settings replacing earlier
 * ones. `requests` means what it means on a slide, the slide's count so far: each slide's markers
 * send the difference, so the dock runs every slide's requests one after another and its traces
 * add up over the talk. Inputs made in the dock follow the slide and build they were made at.
 */
export function dockPlan(
  slides: readonly SlideMeta[],
  pos: Position,
  inputs: readonly SceneInput[],
): ScenePlan {
  let plan = startPlan(DEFAULT_SCENE);
  slides.forEach((slide, i) => {
    if (i > pos.slide) return;
    const last = i < pos.slide ? slide.steps : pos.step;
    let total = 0;
    for (let s = 0; s <= last; s++) {
      for (const marker of slide.scenes) {
        if (marker.step !== s) continue;
        plan = { ...plan, settings: withMarker(plan.settings, marker) };
        const n = marker.requests ?? 0;
        if (n > total) plan = { ...plan, batches: [...plan.batches, n - total] };
        total = Math.max(total, n);
      }
      for (const input of inputs)
        if (input.slide === i && inputStep(input) === s) plan = withInput(plan, input);
    }
  });
  return plan;
}

/** Whether `next` only adds batches after `prev` (so the running scene can go on). */
export function extendsPlan(prev: readonly number[], next: readonly number[]): boolean {
  return prev.length <= next.length && prev.every((n, i) => next[i] === n);
}

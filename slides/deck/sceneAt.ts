import type { SceneMode, SceneSetting, SlideMeta } from './deckMeta.ts';
import type { Position } from './navigation.ts';

/** A scene's full settings, as a live scene is given them. */
export interface SceneProps {
  mode: SceneMode;
  scenario?: string;
  requests: number;
  seed: number;
  faults: readonly string[];
}

export const DEFAULT_SCENE: SceneProps = { mode: 'process', requests: 0, seed: 1, faults: [] };

function apply(into: SceneProps, s: SceneSetting, addRequests: boolean): SceneProps {
  return {
    mode: s.mode ?? into.mode,
    // A new mode without a scenario goes back to the default scenario.
    scenario: s.scenario ?? (s.mode ? undefined : into.scenario),
    seed: s.seed ?? into.seed,
    faults: s.faults ?? into.faults,
    requests:
      s.requests === undefined
        ? into.requests
        : addRequests
          ? into.requests + s.requests
          : s.requests,
  };
}

/** A slide's own scene at a build: its `<Scene>` markers up to `step`, over `base`. */
export function slideSceneAt(
  base: SceneProps,
  scenes: readonly SceneSetting[],
  step: number,
): SceneProps {
  return scenes.filter((s) => s.step <= step).reduce((acc, s) => apply(acc, s, false), base);
}

/**
 * The persistent scene beside the slides at `pos`: every marker so far, in order. Settings
 * replace earlier ones, except `requests`, which add up, so traces build up as the talk goes on.
 */
export function dockSceneAt(slides: readonly SlideMeta[], pos: Position): SceneProps {
  let scene = DEFAULT_SCENE;
  slides.forEach((slide, i) => {
    if (i > pos.slide) return;
    for (const s of slide.scenes) {
      if (i < pos.slide || s.step <= pos.step) scene = apply(scene, s, true);
    }
  });
  return scene;
}

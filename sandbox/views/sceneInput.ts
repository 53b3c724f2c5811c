import { FAULTS, type Fault } from '../core/config.ts';
import { MODES, type PropagationMode } from '../core/propagation/index.ts';
import { SCENARIOS, type ScenarioName } from '../core/scenarios.ts';
import type { SceneController } from '../store/SceneController.ts';

/**
 * An input to a scene, as data: `{ kind: 'send', count: 3 }`, `{ kind: 'mode', mode: 'links' }`,
 * `{ kind: 'faults', faults: ['drop-metadata'] }`, `{ kind: 'seed', seed: 2 }`, `{ kind: 'speed',
 * speed: 5 }`, `{ kind: 'scenario', scenario: 'lab-order' }`, and `reset`, `play`, `pause`, `step`.
 * Two windows that apply the same inputs in the same order run the same simulation.
 */
export interface SandboxInput {
  kind: string;
  [field: string]: string | number | boolean | string[] | undefined;
}

/** Applies one input to a scene; unknown kinds and malformed fields are ignored. */
export function applyInput(scene: SceneController, input: SandboxInput): void {
  switch (input.kind) {
    case 'send':
      scene.send(typeof input.count === 'number' && input.count > 0 ? input.count : 1);
      return;
    case 'reset':
      scene.reset();
      return;
    case 'play':
      scene.play();
      return;
    case 'pause':
      scene.pause();
      return;
    case 'step':
      scene.step();
      return;
    case 'speed':
      if (typeof input.speed === 'number') scene.setSpeed(input.speed);
      return;
    case 'mode':
      if ((MODES as readonly unknown[]).includes(input.mode))
        scene.configure({ mode: input.mode as PropagationMode });
      return;
    case 'scenario':
      if ((SCENARIOS as readonly unknown[]).includes(input.scenario))
        scene.configure({ scenario: input.scenario as ScenarioName });
      return;
    case 'seed':
      if (typeof input.seed === 'number' && Number.isInteger(input.seed) && input.seed >= 0)
        scene.configure({ seed: input.seed });
      return;
    case 'faults':
      if (Array.isArray(input.faults))
        scene.configure({
          faults: input.faults.filter((f): f is Fault => (FAULTS as readonly string[]).includes(f)),
        });
      return;
    default:
      return;
  }
}

/** What the controls and shortcuts do: each applies its input and reports it. */
export type SceneInputs = (input: SandboxInput) => void;

/** Applies inputs made in this scene's own UI, then tells `report` (the `onInput` prop). */
export function sceneInputs(
  scene: SceneController,
  report?: (input: SandboxInput) => void,
): SceneInputs {
  return (input) => {
    applyInput(scene, input);
    report?.(input);
  };
}

/** The input that toggles play: play when paused, pause when playing. */
export const togglePlayInput = (scene: SceneController): SandboxInput => ({
  kind: scene.store.getState().playing ? 'pause' : 'play',
});

/** The input that turns one fault on or off. */
export function toggleFaultInput(scene: SceneController, fault: Fault): SandboxInput {
  const faults = scene.store.getState().faults;
  return {
    kind: 'faults',
    faults: faults.includes(fault) ? faults.filter((f) => f !== fault) : [...faults, fault],
  };
}

import type { DeckRuntime } from './deckRuntime.ts';
import type { DeckAction } from './keys.ts';
import type { SceneInput } from './sync.ts';

const INPUTS: Partial<Record<DeckAction, SceneInput>> = {
  'scene-replay': { kind: 'replay' },
  'scene-slower': { kind: 'slower' },
  'scene-faster': { kind: 'faster' },
  'scene-step': { kind: 'step' },
};

/**
 * A scene key pressed anywhere in the deck (audience or presenter): an input to the live scene on
 * the current slide, or to the one beside the slides. It is recorded like a click on the scene's
 * own buttons, so every window runs it. Returns whether the key was for a scene.
 */
export function sceneKey(runtime: DeckRuntime, action: DeckAction): boolean {
  const input = INPUTS[action];
  if (!input) return false;
  const { slide, step, split } = runtime.store.getState();
  if (runtime.meta.slides[slide]?.live)
    runtime.sceneInputs.getState().add(`slide-${slide + 1}`, { ...input, step });
  else if (split) runtime.sceneInputs.getState().add('dock', { ...input, slide, step });
  // A scene key on a slide without a scene does nothing, and is not the deck's either.
  return true;
}

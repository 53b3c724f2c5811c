import { useCallback, useContext } from 'react';
import { LiveSceneFrame, useSceneInputs } from '../components/LiveScene.tsx';
import { DeckRuntimeContext } from './deckRuntime.ts';
import type { Position } from './navigation.ts';
import { dockPlan } from './scenePlan.ts';
import type { SceneInput } from './sync.ts';

/**
 * The persistent live scene beside the slides (the split layout): one sandbox that stays mounted
 * while the slides change. Each slide's `<Scene>` markers set what it shows; requests add up as
 * the talk goes on, so traces build up with the story.
 */
export function SceneDock({ position }: { position: Position }) {
  const runtime = useContext(DeckRuntimeContext);
  const [inputs, addInput] = useSceneInputs('dock');
  const { slide, step } = position;
  // Inputs are kept with the slide and build they were made at: going back leaves them out.
  const onInput = useCallback(
    (input: SceneInput) => addInput({ ...input, slide, step }),
    [addInput, slide, step],
  );
  if (!runtime) return null;
  const plan = dockPlan(runtime.meta.slides, position, inputs);
  const scene = plan.settings;
  return (
    <aside className="scene-dock" aria-label="Live scene beside the slides">
      <p className="scene-dock-head">
        Live scene · <strong>{scene.mode}</strong>
        {scene.faults.length > 0 ? ` · faults: ${scene.faults.join(', ')}` : ''}
      </p>
      <LiveSceneFrame sceneKey="dock" plan={plan} onInput={onInput} paused={false} docked />
    </aside>
  );
}

import { useCallback, useContext } from 'react';
import { LiveSceneFrame, useSceneInputs } from '../components/LiveScene.tsx';
import { DeckRuntimeContext } from './deckRuntime.ts';
import type { Position } from './navigation.ts';
import { dockSceneAt } from './sceneAt.ts';
import { dockRequestPlan } from './scenePlan.ts';

/**
 * The persistent live scene beside the slides (the split layout): one sandbox that stays mounted
 * while the slides change. Each slide's `<Scene>` markers set what it shows; requests add up as
 * the talk goes on, so traces build up with the story.
 */
export function SceneDock({ position }: { position: Position }) {
  const runtime = useContext(DeckRuntimeContext);
  const [inputs, addInput] = useSceneInputs('dock');
  const { slide, step } = position;
  const onSend = useCallback(
    () => addInput({ kind: 'send', slide, step }),
    [addInput, slide, step],
  );
  if (!runtime) return null;
  const scene = dockSceneAt(runtime.meta.slides, position);
  const plan = dockRequestPlan(runtime.meta.slides, position, inputs);
  return (
    <aside className="scene-dock" aria-label="Live scene beside the slides">
      <p className="scene-dock-head">
        Live scene · <strong>{scene.mode}</strong>
        {scene.faults.length > 0 ? ` · faults: ${scene.faults.join(', ')}` : ''}
      </p>
      <LiveSceneFrame
        sceneKey="dock"
        mode={scene.mode}
        scenario={scene.scenario}
        seed={scene.seed}
        faults={scene.faults}
        plan={plan}
        onSend={onSend}
        paused={false}
        docked
      />
    </aside>
  );
}

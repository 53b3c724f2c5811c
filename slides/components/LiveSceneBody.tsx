import { useEffect, useRef, useState } from 'react';
import { prefersReducedMotion } from '../../sandbox/views/reducedMotion.ts';
import { Sandbox } from '../../sandbox/views/Sandbox.tsx';
import type { SceneController } from '../../sandbox/store/SceneController.ts';
import { extendsPlan, scenePace } from '../deck/scenePlan.ts';
import type { LiveSceneFrameProps } from './LiveScene.tsx';
import { SceneCaption } from './SceneCaption.tsx';
import { ScenePlanned } from './scenePlanned.ts';
import { SlideStage } from './SlideStage.tsx';
import { stepHop } from './stepHop.ts';
import { useFitBox } from './useFitBox.ts';

/**
 * The widths the sandbox is laid out at before it is scaled to its box. On a slide the box is
 * about 1600 px wide at 1920x1080, so the scene is drawn 1.6 times its size there: 17 px text
 * reads as 27 px, from the back of a room (and in proportion on any other screen). Docked, 720 px
 * gives the topology's boxes room for their labels at its 13 px (at 640 "Client", "LabOrder" and
 * "Sample PM" came out cut).
 */
const DESIGN_WIDTH = { slide: 1000, docked: 720 };

export type LiveSceneBodyProps = Omit<LiveSceneFrameProps, 'sceneKey'>;

interface Applied {
  scene: SceneController;
  key: string;
  batches: readonly number[];
  steps: number;
  speed: number;
  playing: boolean | undefined;
}

/**
 * The sandbox's live scene on a slide. It runs the plan it is given: a batch is sent once the
 * batch before has finished, so the audience window (animated) and the presenter's preview
 * (finished at once) end with the same traces. New settings, a reset, or a plan that does not go
 * on from the last one (going back a build) replay the plan from the start. The sandbox's own keys
 * only report their inputs (`ownInputs="report"`): they reach the plan through `onInput`, in this
 * window and, broadcast, in every other, so no window applies an input the others do not.
 */
export default function LiveSceneBody(props: LiveSceneBodyProps) {
  const { plan, paused, docked, onInput } = props;
  const { settings } = plan;
  const [scene, setScene] = useState<SceneController | null>(null);
  const applied = useRef<Applied | null>(null);
  const key = JSON.stringify([settings, plan.resets]);
  const batchKey = plan.batches.join(',');
  const pace = scenePace(settings);
  const speed = plan.speed ?? pace;
  // Reduced motion: no moving dots; the scene jumps to its settled picture, marks and all.
  const [still] = useState(prefersReducedMotion);
  // The plan the scene was last given (scenePlanned.ts): idle means settled only after it.
  const planKey = `${key}|${batchKey}|${plan.steps}`;
  const [plannedFor, setPlannedFor] = useState<{ scene: SceneController; key: string } | null>(
    null,
  );
  const planned = plannedFor?.scene === scene && plannedFor.key === planKey;

  useEffect(() => {
    if (!scene) return;
    const batches = batchKey ? batchKey.split(',').map(Number) : [];
    const prev = applied.current;
    const goOn =
      prev !== null &&
      prev.scene === scene &&
      prev.key === key &&
      extendsPlan(prev.batches, batches);
    // The sandbox applies the settings (its props) before this runs: child effects run first.
    if (!goOn) scene.reset();
    for (const batch of batches.slice(goOn ? prev.batches.length : 0)) {
      scene.finish();
      scene.send(batch);
    }
    if (!prev || prev.speed !== speed) scene.setSpeed(speed);
    if (paused || still) scene.finish();
    else {
      // A step on a slide runs to the next hop: one message delivered, one process further.
      for (let i = goOn ? prev.steps : plan.steps; i < plan.steps; i++) stepHop(scene);
      if (plan.playing === false) scene.pause();
      else if (plan.playing && prev?.playing !== true) scene.play();
    }
    applied.current = { scene, key, batches, steps: plan.steps, speed, playing: plan.playing };
    setPlannedFor({ scene, key: planKey });
  }, [scene, key, batchKey, planKey, paused, still, speed, plan.steps, plan.playing]);

  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  useFitBox(outer, inner, docked ? DESIGN_WIDTH.docked : DESIGN_WIDTH.slide);

  return (
    <ScenePlanned.Provider value={planned}>
      <div className="scene-body" data-docked={docked}>
        <div ref={outer} className="scene-fit">
          <div ref={inner} className="scene-fit-inner sbx-fill">
            <Sandbox
              mode={settings.mode}
              scenario={settings.scenario}
              seed={settings.seed}
              faults={settings.faults}
              speed={pace}
              compact
              controls="none"
              shortcuts="scene"
              paused={paused}
              topologyLabels="short"
              ids="seeded"
              ownInputs="report"
              onInput={paused ? undefined : onInput}
              onController={setScene}
              stage={docked ? undefined : <SlideStage />}
            />
          </div>
        </div>
        {scene && (
          <SceneCaption scene={scene} paused={paused} onInput={onInput} speed={speed / pace} />
        )}
      </div>
    </ScenePlanned.Provider>
  );
}

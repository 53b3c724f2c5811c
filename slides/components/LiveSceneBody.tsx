import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { Sandbox } from '../../sandbox/views/Sandbox.tsx';
import type { SceneController } from '../../sandbox/store/SceneController.ts';
import { extendsPlan, type RequestPlan } from '../deck/scenePlan.ts';
import type { LiveSceneFrameProps } from './LiveScene.tsx';
import { useFitBox } from './useFitBox.ts';

/** Virtual time runs this many times faster on a slide than in the sandbox's 1x, so a request
 * plays out in a few seconds while the speaker talks. */
const SLIDE_SPEED = 25;
/** The widths the sandbox is laid out at before it is scaled to its box. */
const DESIGN_WIDTH = { slide: 1280, docked: 720 };

export type LiveSceneBodyProps = Omit<LiveSceneFrameProps, 'sceneKey'>;

/**
 * The sandbox's live scene on a slide. It runs the request plan it is given: a batch is sent once
 * the batch before has finished, so the audience window (animated) and the presenter's preview
 * (finished at once) end with the same traces. A setting that changes, or a plan that does not
 * go on from the last one (going back a build), replays the plan from the start.
 */
export default function LiveSceneBody(props: LiveSceneBodyProps) {
  const { mode, scenario, seed, faults, plan, paused, docked } = props;
  const [scene, setScene] = useState<SceneController | null>(null);
  const applied = useRef<{ scene: SceneController; key: string; plan: RequestPlan } | null>(null);
  const key = JSON.stringify([mode, scenario ?? '', seed, faults]);
  const planKey = plan.join(',');

  useEffect(() => {
    if (!scene) return;
    const next = planKey ? planKey.split(',').map(Number) : [];
    const prev = applied.current;
    const goOn =
      prev !== null && prev.scene === scene && prev.key === key && extendsPlan(prev.plan, next);
    if (!goOn) scene.reset();
    for (const batch of next.slice(goOn ? prev.plan.length : 0)) {
      scene.finish();
      scene.send(batch);
    }
    if (paused) scene.finish();
    applied.current = { scene, key, plan: next };
  }, [scene, key, planKey, paused]);

  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  useFitBox(outer, inner, docked ? DESIGN_WIDTH.docked : DESIGN_WIDTH.slide);

  return (
    <div className="scene-body" data-docked={docked}>
      <div ref={outer} className="scene-fit">
        <div
          ref={inner}
          className="scene-fit-inner"
          style={{ width: docked ? DESIGN_WIDTH.docked : DESIGN_WIDTH.slide }}
        >
          <Sandbox
            mode={mode}
            scenario={scenario}
            seed={seed}
            faults={faults}
            speed={SLIDE_SPEED}
            compact
            controls="none"
            shortcuts="scene"
            paused={paused}
            onController={setScene}
          />
        </div>
      </div>
      {scene && <SceneCaption scene={scene} paused={paused} onSend={props.onSend} />}
    </div>
  );
}

/** What the audience reads from the back of the room: traces per request, and a send button. */
function SceneCaption({
  scene,
  paused,
  onSend,
}: {
  scene: SceneController;
  paused: boolean;
  onSend: (count: number) => void;
}) {
  const revision = useStore(scene.store, (s) => s.revision);
  const buffer = scene.buffer();
  const traces = buffer.traces.size;
  const requests = buffer.requests.size;
  const idle = revision > 0 && scene.simulation().isIdle();
  return (
    <div
      className="scene-caption"
      data-scene-ready={revision > 0 || undefined}
      data-scene-idle={idle || undefined}
    >
      <span className="scene-count" data-traces={traces}>
        {traces} {traces === 1 ? 'trace' : 'traces'} · {requests}{' '}
        {requests === 1 ? 'request' : 'requests'}
      </span>
      {!paused && (
        <span className="scene-sends">
          <button type="button" className="scene-send" onClick={() => onSend(1)}>
            Send a request
          </button>
          <button type="button" className="scene-send" onClick={() => onSend(2)}>
            Two at once
          </button>
        </span>
      )}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { SceneController } from '../../../sandbox/store/SceneController.ts';
import { Sandbox } from '../../../sandbox/views/Sandbox.tsx';
import { useFitBox } from '../../components/useFitBox.ts';
import { useMediaQuery } from '../useMediaQuery.ts';
import { count, runFacts } from './runFacts.ts';
import type { RunState, TutorialSetup } from './setup.ts';

/** A request on the lab-order system plays out over a few seconds: slow enough to watch. */
const TUTORIAL_SPEED = 5;
/** Laid out this wide in px, then scaled to the column (as a docked scene is). */
const DESIGN_WIDTH = 720;

export interface TutorialSceneProps {
  setup: TutorialSetup;
  seed: number;
  faults: readonly string[];
  /** Requests sent when the scene starts (a question's run). */
  requests?: number;
  /** Called whenever the run changes, with what it shows so far. */
  onRun: (run: RunState) => void;
  label: string;
}

/**
 * The sandbox's real simulation beside a guided step or a question, in the text's flow. The
 * reader drives it with the buttons under it (or the sandbox's own keys); the step watches its
 * store and buffer, never a copy.
 */
export function TutorialScene(props: TutorialSceneProps) {
  const [scene, setScene] = useState<SceneController | null>(null);
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  useFitBox(outer, inner, DESIGN_WIDTH);
  const send = (n: number) => {
    if (!scene) return;
    scene.send(n);
    // No animation wanted: the run jumps to its end.
    if (reduced) scene.finish();
  };
  return (
    <figure
      className="live-scene tutorial-scene"
      data-mode={props.setup.mode}
      aria-label={props.label}
    >
      <div className="scene-body" data-docked="true">
        <div ref={outer} className="scene-fit">
          <div ref={inner} className="scene-fit-inner sbx-fill">
            <Sandbox
              mode={props.setup.mode}
              scenario={props.setup.scenario}
              seed={props.seed}
              faults={props.faults}
              speed={TUTORIAL_SPEED}
              requests={props.requests}
              compact
              controls="none"
              shortcuts="scene"
              topologyLabels="short"
              onController={setScene}
            />
          </div>
        </div>
        {scene && <SceneWatch scene={scene} onRun={props.onRun} onSend={send} reduced={reduced} />}
      </div>
    </figure>
  );
}

/** Reads the run once per published frame and reports it; draws the count and the send buttons. */
function SceneWatch({
  scene,
  onRun,
  onSend,
  reduced,
}: {
  scene: SceneController;
  onRun: (run: RunState) => void;
  onSend: (n: number) => void;
  reduced: boolean;
}) {
  const revision = useStore(scene.store, (s) => s.revision);
  const seed = useStore(scene.store, (s) => s.seed);
  const faults = useStore(scene.store, (s) => s.faults);
  const sent = useStore(scene.store, (s) => s.sent);
  const report = useRef(onRun);
  useEffect(() => {
    report.current = onRun;
  });
  const buffer = scene.buffer();
  const idle = revision > 0 && scene.simulation().isIdle();
  useEffect(() => {
    report.current({ sent, idle, faults, facts: runFacts(scene.buffer(), seed) });
  }, [scene, revision, sent, idle, faults, seed]);
  // Reduced motion: a run that started without a click (a question's) jumps to its end too.
  useEffect(() => {
    if (reduced && sent > 0 && !idle) scene.finish();
  }, [reduced, sent, idle, scene]);
  return (
    <div className="scene-caption" data-scene-idle={idle || undefined}>
      <span className="scene-count" data-traces={buffer.traces.size}>
        {count(buffer.traces.size, 'trace')} · {count(buffer.requests.size, 'request')}
      </span>
      <span className="scene-sends">
        <button type="button" className="scene-send" onClick={() => onSend(1)}>
          Send a request
        </button>
        <button type="button" className="scene-send" onClick={() => onSend(2)}>
          Two at once
        </button>
      </span>
    </div>
  );
}

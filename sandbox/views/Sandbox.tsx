import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FAULTS, type Fault } from '../core/config.ts';
import { MODES, type PropagationMode } from '../core/propagation/index.ts';
import { SCENARIOS, type ScenarioName } from '../core/scenarios.ts';
import { createSceneController, type SceneController } from '../store/SceneController.ts';
import { DEFAULT_SETTINGS, type SceneSettings } from '../store/store.scene.ts';
import { Controls, StatusLine } from './Controls.tsx';
import { DataPanel } from './DataPanel.tsx';
import { SceneContext, SceneInputContext } from './SceneContext.ts';
import { applyInput, sceneInputs, type SandboxInput } from './sceneInput.ts';
import { ReadingPanel } from './ReadingPanel.tsx';
import { Topology } from './Topology.tsx';
import type { TopologyLabelChoice } from './topologyLayout.ts';
import { TraceList } from './TraceList.tsx';
import { Waterfall } from './Waterfall.tsx';
import { useShortcuts } from './useShortcuts.ts';
import './sandbox.css';

export type { SandboxInput };

export interface SandboxProps {
  mode?: PropagationMode | string;
  scenario?: ScenarioName | string;
  seed?: number;
  speed?: number;
  faults?: readonly (Fault | string)[];
  /** Requests fired when the scene starts. */
  requests?: number;
  /** Start playing at once (default true). */
  autoplay?: boolean;
  /** Small layout for slides: fewer controls, no data panel. */
  compact?: boolean;
  /** Which controls to show; 'none' when something else drives the scene (compare). */
  controls?: 'full' | 'none';
  /** A preview (presenter view, print): draw the finished picture, offer no controls. */
  paused?: boolean;
  /** Inputs so far; new ones are applied in order (slides and compare drive scenes this way). */
  inputs?: readonly SandboxInput[];
  /** Keyboard shortcuts on the whole window (the sandbox page) or on the scene only. */
  shortcuts?: 'window' | 'scene';
  /** Span cap; beyond it the oldest traces are evicted. */
  cap?: number;
  /** A heading for the scene (compare labels its two sides). */
  label?: string;
  /**
   * Called with each input made in this scene's own controls and shortcuts (sends, mode and fault
   * switches, seed, speed, play/pause/step, reset), after it is applied: a deck broadcasts them so
   * another window can replay them through `inputs`. Inputs given through `inputs` are not
   * reported back.
   */
  onInput?: (input: SandboxInput) => void;
  /**
   * 'apply' (default): own controls and shortcuts apply their inputs, then report them. 'report':
   * they only report them, and the host applies them (through props or the controller), as a deck
   * does, which replays every input alike in every window.
   */
  ownInputs?: 'apply' | 'report';
  /**
   * Short topology labels ('short'), for a scene drawn small, such as on a slide; or 'fit', short
   * ones where the picture is too narrow for the full names (a side of the comparison).
   */
  topologyLabels?: TopologyLabelChoice;
  /** Ids per run (default) or from the seed alone (a deck's scene, the same in every window). */
  ids?: 'per-run' | 'seeded';
  /**
   * Replaces the status line and the panes with another picture of the same scene (a slide draws
   * its own, from the scene's context).
   */
  stage?: ReactNode;
  /** Gives the page (URL state) and tests the scene's controller. */
  onController?: (scene: SceneController | null) => void;
}

const pick = <T extends string>(all: readonly T[], v: string | undefined, d: T): T =>
  all.includes(v as T) ? (v as T) : d;

function settingsOf(p: SandboxProps): SceneSettings {
  return {
    mode: pick(MODES, p.mode, DEFAULT_SETTINGS.mode),
    scenario: pick(SCENARIOS, p.scenario, DEFAULT_SETTINGS.scenario),
    seed: p.seed ?? DEFAULT_SETTINGS.seed,
    speed: p.speed ?? DEFAULT_SETTINGS.speed,
    faults: (p.faults ?? []).filter((f): f is Fault => (FAULTS as readonly string[]).includes(f)),
  };
}

/**
 * A self-contained live scene: its own simulation, buffers and store. Several on one page stay
 * independent, and unmounting one stops its simulation and its frame loop.
 */
export function Sandbox(props: SandboxProps) {
  const [scene] = useState(() =>
    createSceneController({
      settings: settingsOf(props),
      autoplay: props.paused ? false : (props.autoplay ?? true),
      cap: props.cap,
      ids: props.ids,
    }),
  );
  const root = useRef<HTMLDivElement>(null);
  const [burst, setBurst] = useState(10);
  const initial = useRef(props.requests ?? 0);
  const paused = props.paused ?? false;
  const { onController } = props;

  useEffect(() => {
    scene.start();
    if (initial.current > 0 && scene.store.getState().sent === 0) {
      scene.send(initial.current);
      if (paused) scene.finish();
    }
    onController?.(scene);
    return () => {
      onController?.(null);
      scene.dispose();
    };
  }, [scene, paused, onController]);

  // Settings given as props (a slide's build steps) override the scene's.
  const { mode, scenario, seed, faults } = settingsOf(props);
  const faultKey = faults.join(',');
  useEffect(() => {
    scene.configure({
      mode,
      scenario,
      seed,
      faults: faultKey ? (faultKey.split(',') as Fault[]) : [],
    });
    if (paused) scene.finish();
  }, [scene, mode, scenario, seed, faultKey, paused]);

  const applied = useRef(0);
  const { inputs } = props;
  useEffect(() => {
    if (!inputs) return;
    for (const input of inputs.slice(applied.current)) applyInput(scene, input);
    applied.current = inputs.length;
    if (paused) scene.finish();
  }, [scene, inputs, paused]);

  // The latest onInput, read when an input is made: a new callback each render costs nothing.
  const onInput = useRef(props.onInput);
  useEffect(() => {
    onInput.current = props.onInput;
  });
  const reportOnly = props.ownInputs === 'report';
  const ownInputs = useMemo(
    () =>
      reportOnly
        ? (input: SandboxInput) => onInput.current?.(input)
        : sceneInputs(scene, (input) => onInput.current?.(input)),
    [scene, reportOnly],
  );

  const burstSize = useCallback(() => burst, [burst]);
  useShortcuts(scene, props.shortcuts === 'window' ? 'window' : root, burstSize, ownInputs);

  const compact = props.compact ?? false;
  const showControls = !paused && props.controls !== 'none';
  return (
    <SceneContext.Provider value={scene}>
      <SceneInputContext.Provider value={ownInputs}>
        <div
          ref={root}
          className="sbx"
          data-compact={compact || undefined}
          data-testid="sandbox"
          data-mode={mode}
          aria-label={props.label ?? 'Live tracing sandbox'}
          role="region"
        >
          {props.label && <h2 className="sbx-label">{props.label}</h2>}
          {showControls && <Controls compact={compact} burst={burst} onBurstChange={setBurst} />}
          {props.stage ?? <StatusLine />}
          {!props.stage && (
            <div className="sbx-main">
              <div className="sbx-col sbx-col-stage">
                <Topology labels={props.topologyLabels} />
                {!compact && <ReadingPanel />}
                {!paused && <DataPanel compact={compact} />}
              </div>
              <div className="sbx-col sbx-col-traces">
                <TraceList />
                <Waterfall compact={compact} />
              </div>
            </div>
          )}
        </div>
      </SceneInputContext.Provider>
    </SceneContext.Provider>
  );
}

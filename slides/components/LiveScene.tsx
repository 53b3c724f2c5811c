import { Suspense, lazy, useCallback, useContext } from 'react';
import { useStore } from 'zustand';
import type { SceneMode } from '../deck/deckMeta.ts';
import { DeckRuntimeContext } from '../deck/deckRuntime.ts';
import { DEFAULT_SCENE } from '../deck/sceneAt.ts';
import { slidePlan, type ScenePlan } from '../deck/scenePlan.ts';
import { SlideContext } from '../deck/slideContext.ts';
import { createSceneInputsStore, noSceneInputs } from '../deck/store.sceneInputs.ts';
import type { SceneInput } from '../deck/sync.ts';
import { loadLiveSceneBody } from './liveSceneLoader.ts';

const Body = lazy(loadLiveSceneBody);
/** Scenes outside a deck (a test, the reading mode) keep their inputs here. */
const FALLBACK_INPUTS = createSceneInputsStore();

export interface LiveSceneProps {
  mode: SceneMode;
  scenario?: string;
  /** Requests sent when the scene starts. */
  requests?: number;
  seed?: number;
  faults?: string[];
  /** Tells two scenes on one slide apart (their inputs are kept per scene). */
  id?: string;
}

/** The inputs of one scene, from this window and the deck's other windows. */
export function useSceneInputs(key: string) {
  const runtime = useContext(DeckRuntimeContext);
  const store = runtime?.sceneInputs ?? FALLBACK_INPUTS;
  const inputs = useStore(store, (s) => s.byScene[key] ?? noSceneInputs());
  const add = useStore(store, (s) => s.add);
  const addInput = useCallback((input: SceneInput) => add(key, input), [add, key]);
  return [inputs, addInput] as const;
}

/**
 * A live scene on a slide: the sandbox's real simulation, loaded lazily. The slide's `<Scene>`
 * markers, reached by its builds, override the props here, so a build can switch the mode or send
 * requests; every window runs the same plan of requests (see scenePlan.ts).
 */
export function LiveScene(props: LiveSceneProps) {
  const slide = useContext(SlideContext);
  const key = props.id ?? `slide-${slide.index + 1}`;
  const [inputs, addInput] = useSceneInputs(key);
  const base = {
    mode: props.mode,
    scenario: props.scenario,
    requests: props.requests ?? 1,
    seed: props.seed ?? DEFAULT_SCENE.seed,
    faults: props.faults ?? DEFAULT_SCENE.faults,
  };
  const plan = slidePlan(base, slide.scenes, inputs, slide.step);
  const { step } = slide;
  // Inputs are kept with the build they were made at: going back a build leaves them out.
  const onInput = useCallback(
    (input: SceneInput) => addInput({ ...input, step }),
    [addInput, step],
  );
  return (
    <LiveSceneFrame
      sceneKey={key}
      plan={plan}
      onInput={onInput}
      paused={slide.preview}
      docked={false}
    />
  );
}

export interface LiveSceneFrameProps {
  sceneKey: string;
  /** What the scene has run so far: settings, batches of requests, inputs (see scenePlan.ts). */
  plan: ScenePlan;
  /**
   * Records an input made in this window (caption buttons, the sandbox's own keys) at once; the
   * deck broadcasts it, and every window applies it through its plan.
   */
  onInput: (input: SceneInput) => void;
  /** A preview (presenter, overview, print, a figure not yet in view): the finished picture. */
  paused: boolean;
  /** The panel beside the slides (or the reading mode's text). */
  docked: boolean;
}

/** The figure around a live scene; its body (the sandbox) loads on demand. */
export function LiveSceneFrame(props: LiveSceneFrameProps) {
  const { sceneKey, ...body } = props;
  return (
    <figure
      className="live-scene"
      data-mode={props.plan.settings.mode}
      data-scene-key={sceneKey}
      data-paused={props.paused}
    >
      <Suspense fallback={<SceneLoading mode={props.plan.settings.mode} />}>
        <Body {...body} />
      </Suspense>
    </figure>
  );
}

/** Shown for the moment the scene's code takes to load (it is preloaded a few slides ahead). */
function SceneLoading({ mode }: { mode: SceneMode }) {
  return (
    <div className="scene-loading" data-scene-loading="">
      Live scene · {mode}
    </div>
  );
}

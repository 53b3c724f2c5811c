import { Suspense, lazy, useCallback, useContext } from 'react';
import { useStore } from 'zustand';
import type { SceneMode } from '../deck/deckMeta.ts';
import { DeckRuntimeContext } from '../deck/deckRuntime.ts';
import { DEFAULT_SCENE, slideSceneAt } from '../deck/sceneAt.ts';
import { SlideContext } from '../deck/slideContext.ts';
import { createSceneInputsStore, noSceneInputs } from '../deck/store.sceneInputs.ts';
import type { SceneInput } from '../deck/sync.ts';
import { loadLiveSceneBody } from './liveSceneLoader.ts';

const Body = lazy(loadLiveSceneBody);
/** Scenes outside a deck (a test, a future reading mode) keep their inputs here. */
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
  /** Small layout, as in the panel beside the slides. */
  compact?: boolean;
}

/**
 * A live scene on a slide. Its body loads lazily; the slide's `<Scene>` markers, reached by its
 * builds, override the props here, so a build can switch the mode or send requests.
 */
export function LiveScene(props: LiveSceneProps) {
  const slide = useContext(SlideContext);
  const runtime = useContext(DeckRuntimeContext);
  const key = props.id ?? `slide-${slide.index + 1}`;
  const inputs = useStore(
    runtime?.sceneInputs ?? FALLBACK_INPUTS,
    (s) => s.byScene[key] ?? noSceneInputs(),
  );
  const addInput = useStore(runtime?.sceneInputs ?? FALLBACK_INPUTS, (s) => s.add);
  const onInput = useCallback((input: SceneInput) => addInput(key, input), [addInput, key]);
  const base = {
    mode: props.mode,
    scenario: props.scenario,
    requests: props.requests ?? 1,
    seed: props.seed ?? DEFAULT_SCENE.seed,
    faults: props.faults ?? DEFAULT_SCENE.faults,
  };
  const scene = slideSceneAt(base, slide.scenes, slide.step);
  return (
    <figure className="live-scene" data-mode={scene.mode} data-scene-key={key}>
      <Suspense fallback={<SceneLoading mode={scene.mode} />}>
        <Body
          {...scene}
          inputs={inputs}
          onInput={onInput}
          paused={slide.preview}
          compact={props.compact ?? false}
        />
      </Suspense>
    </figure>
  );
}

/** Shown for the moment the scene's code takes to load (it is preloaded a few slides ahead). */
function SceneLoading({ mode }: { mode: SceneMode }) {
  return (
    <div className="scene-loading" data-scene-loading="">
      Trace view · {mode}
    </div>
  );
}

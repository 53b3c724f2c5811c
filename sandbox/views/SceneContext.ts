import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SceneController } from '../store/SceneController.ts';
import type { SceneState } from '../store/store.scene.ts';
import { sceneInputs, type SceneInputs } from './sceneInput.ts';

/** The scene a view belongs to: several scenes on one page each have their own. */
export const SceneContext = createContext<SceneController | null>(null);

export function useScene(): SceneController {
  const scene = useContext(SceneContext);
  if (!scene) throw new Error('a sandbox view was rendered outside <Sandbox>');
  return scene;
}

/** One field of the scene's state; re-renders only when it changes. */
export function useSceneState<T>(select: (s: SceneState) => T): T {
  return useStore(useScene().store, select);
}

/** How this scene's own controls apply (and report) inputs; without a provider, unreported. */
export const SceneInputContext = createContext<SceneInputs | null>(null);

export function useSceneInputs(): SceneInputs {
  const scene = useScene();
  const given = useContext(SceneInputContext);
  return given ?? sceneInputs(scene);
}

import { createStore } from 'zustand/vanilla';
import type { SceneInput } from './sync.ts';

const NO_INPUTS: readonly SceneInput[] = [];

export interface SceneInputsState {
  /** Inputs per scene, in the order they happened; a scene replays them from its seed. */
  byScene: Readonly<Record<string, readonly SceneInput[]>>;
  /** Records an input; `origin` says whether this window made it (and must broadcast it). */
  add(key: string, input: SceneInput, origin?: 'local' | 'remote'): void;
  /** Takes in another window's inputs: for each scene, the longer history wins. */
  merge(byScene: Readonly<Record<string, readonly SceneInput[]>>): void;
  /** The last input this window made, for the sync hook to broadcast. */
  lastLocal: { key: string; input: SceneInput } | undefined;
}

/** Inputs to live scenes, kept so that every window runs the same simulation from the same inputs. */
export function createSceneInputsStore() {
  return createStore<SceneInputsState>()((set, get) => ({
    byScene: {},
    lastLocal: undefined,
    add: (key, input, origin = 'local') => {
      const byScene = { ...get().byScene, [key]: [...(get().byScene[key] ?? NO_INPUTS), input] };
      set(origin === 'local' ? { byScene, lastLocal: { key, input } } : { byScene });
    },
    merge: (other) => {
      const mine = get().byScene;
      const longer = Object.entries(other).filter(
        ([key, list]) => list.length > (mine[key]?.length ?? 0),
      );
      if (longer.length > 0) set({ byScene: { ...mine, ...Object.fromEntries(longer) } });
    },
  }));
}

export type SceneInputsStore = ReturnType<typeof createSceneInputsStore>;

/** A stable empty list for scenes without inputs (a zustand selector must not return fresh arrays). */
export function noSceneInputs(): readonly SceneInput[] {
  return NO_INPUTS;
}

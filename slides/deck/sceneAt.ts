import type { SceneMode } from './deckMeta.ts';

/** A scene's full settings, as a live scene is given them. */
export interface SceneProps {
  mode: SceneMode;
  scenario?: string;
  requests: number;
  seed: number;
  faults: readonly string[];
}

export const DEFAULT_SCENE: SceneProps = { mode: 'process', requests: 0, seed: 1, faults: [] };

import { useContext } from 'react';
import { LiveScene } from '../components/LiveScene.tsx';
import { DeckRuntimeContext } from './deckRuntime.ts';
import type { Position } from './navigation.ts';
import { dockSceneAt } from './sceneAt.ts';
import { SlideContext, type SlideRenderContext } from './slideContext.ts';

const DOCK_CONTEXT: SlideRenderContext = {
  index: -1,
  step: 0,
  part: 'body',
  preview: false,
  scenes: [],
};
const PREVIEW_CONTEXT: SlideRenderContext = { ...DOCK_CONTEXT, preview: true };

/**
 * The persistent live scene beside the slides (the split layout). Each slide's `<Scene>` markers
 * set what it shows; requests add up as the talk goes on.
 */
export function SceneDock({
  position,
  preview = false,
}: {
  position: Position;
  preview?: boolean;
}) {
  const runtime = useContext(DeckRuntimeContext);
  if (!runtime) return null;
  const scene = dockSceneAt(runtime.meta.slides, position);
  return (
    <aside className="scene-dock" aria-label="Live scene beside the slides">
      <p className="scene-dock-head">
        Live scene · <strong>{scene.mode}</strong>
        {scene.faults.length > 0 ? ` · faults: ${scene.faults.join(', ')}` : ''}
      </p>
      <SlideContext.Provider value={preview ? PREVIEW_CONTEXT : DOCK_CONTEXT}>
        <LiveScene
          id="dock"
          mode={scene.mode}
          scenario={scene.scenario}
          requests={scene.requests}
          seed={scene.seed}
          faults={[...scene.faults]}
          compact
        />
      </SlideContext.Provider>
    </aside>
  );
}

import { useState } from 'react';
import { parseScene, queryOf } from '../model/urlState.ts';
import type { SceneController } from '../store/SceneController.ts';
import { Sandbox } from './Sandbox.tsx';

/**
 * A compact scene in a fixed box, as a slide embeds it: for looking at and testing the compact
 * layout at stage sizes (`sandbox.html?embed=1100x560&mode=process&requests=1`).
 */
export function EmbeddedScene(props: {
  width: number;
  height: number;
  onController?: (scene: SceneController | null) => void;
}) {
  const [scene] = useState(() => parseScene(queryOf(window.location)));
  return (
    <div
      className="sbx-embed-box sbx-fill"
      data-testid="embed-box"
      style={{ width: props.width, height: props.height, overflow: 'auto', display: 'flex' }}
    >
      <Sandbox
        compact
        mode={scene.mode}
        scenario={scene.scenario}
        seed={scene.seed}
        speed={scene.speed}
        faults={scene.faults}
        requests={scene.requests}
        controls={queryOf(window.location).get('controls') === 'full' ? 'full' : 'none'}
        shortcuts="scene"
        onController={props.onController}
      />
    </div>
  );
}

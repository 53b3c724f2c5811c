import { useContext } from 'react';
import { useStore } from 'zustand';
import type { SceneController } from '../../sandbox/store/SceneController.ts';
import type { SceneInput } from '../deck/sync.ts';
import { ScenePlanned } from './scenePlanned.ts';

/** "0.5×", "1×", "2×": the pace relative to the slide's default. */
export function paceText(relative: number): string {
  const r = Math.round(relative * 100) / 100;
  return `${r}\u00d7`;
}

/**
 * What the audience reads from the back of the room (traces per request), and the speaker's
 * controls: replay, slower and faster, one hop at a time, more requests. Each is an input, so the
 * presenter view and the audience window run the same scene (see scenePlan.ts).
 */
export function SceneCaption({
  scene,
  paused,
  onInput,
  speed,
}: {
  scene: SceneController;
  paused: boolean;
  onInput: (input: SceneInput) => void;
  /** The pace relative to the slide's default. */
  speed: number;
}) {
  const revision = useStore(scene.store, (s) => s.revision);
  const buffer = scene.buffer();
  const traces = buffer.traces.size;
  const requests = buffer.requests.size;
  // Only a scene given its plan can be idle (scenePlanned.ts).
  const idle = useContext(ScenePlanned) && revision > 0 && scene.simulation().isIdle();
  const button = (label: string, input: SceneInput, title: string, key?: string) => (
    <button
      type="button"
      className="scene-send"
      title={key ? `${title} (key ${key})` : title}
      aria-label={title}
      aria-keyshortcuts={key}
      onClick={() => onInput(input)}
    >
      {label}
    </button>
  );
  return (
    <div
      className="scene-caption"
      data-scene-ready={revision > 0 || undefined}
      data-scene-idle={idle || undefined}
      data-spans={buffer.size}
    >
      <span className="scene-count" data-traces={traces}>
        {traces} {traces === 1 ? 'trace' : 'traces'} · {requests}{' '}
        {requests === 1 ? 'request' : 'requests'}
      </span>
      {!paused && (
        <span className="scene-sends" role="group" aria-label="Scene controls">
          {button('\u21ba Replay', { kind: 'replay' }, 'Replay the scene from the start', 'a')}
          {button('\u2212', { kind: 'slower' }, 'Slower', '-')}
          <span className="scene-pace" aria-label={`pace ${paceText(speed)}`} data-pace={speed}>
            {paceText(speed)}
          </span>
          {button('+', { kind: 'faster' }, 'Faster', '+')}
          {button('Step 1 hop', { kind: 'step' }, 'Step one hop', 'h')}
          {button('Send a request', { kind: 'send', count: 1 }, 'Send a request')}
          {button('Two at once', { kind: 'send', count: 2 }, 'Two at once')}
        </span>
      )}
    </div>
  );
}

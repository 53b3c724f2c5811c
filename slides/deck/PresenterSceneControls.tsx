import { useStore } from 'zustand';
import type { DeckRuntime } from './deckRuntime.ts';
import type { SceneInput } from './sync.ts';

const CONTROLS: readonly { label: string; title: string; input: SceneInput; key?: string }[] = [
  {
    label: '\u21ba Replay',
    title: 'Replay the scene from the start',
    input: { kind: 'replay' },
    key: 'a',
  },
  { label: '\u2212', title: 'Slower', input: { kind: 'slower' }, key: '-' },
  { label: '+', title: 'Faster', input: { kind: 'faster' }, key: '+' },
  { label: 'Step 1 hop', title: 'Step one hop', input: { kind: 'step' }, key: 'h' },
  { label: 'Send a request', title: 'Send a request', input: { kind: 'send', count: 1 } },
];

/**
 * The live scene's controls in the presenter view: the same inputs as the buttons under the scene
 * on the audience's screen, recorded for the current slide and build, so both windows run them.
 */
export function PresenterSceneControls({ runtime }: { runtime: DeckRuntime }) {
  const slide = useStore(runtime.store, (s) => s.slide);
  const step = useStore(runtime.store, (s) => s.step);
  return (
    <span className="presenter-scene" role="group" aria-label="Live scene controls">
      {CONTROLS.map((c) => (
        <button
          key={c.title}
          type="button"
          className="button"
          title={c.key ? `${c.title} (key ${c.key})` : c.title}
          aria-label={c.title}
          aria-keyshortcuts={c.key}
          onClick={() =>
            runtime.sceneInputs.getState().add(`slide-${slide + 1}`, { ...c.input, step })
          }
        >
          {c.label}
        </button>
      ))}
    </span>
  );
}

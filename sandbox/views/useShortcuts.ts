import { useEffect, type RefObject } from 'react';
import { replayEarlyKeys } from '../../app/prerender/earlyKeys.ts';
import { FAULTS } from '../core/config.ts';
import { MODES } from '../core/propagation/index.ts';
import { SPEEDS, type SceneController } from '../store/SceneController.ts';
import { sceneInputs, toggleFaultInput, togglePlayInput, type SceneInputs } from './sceneInput.ts';

/** The keyboard shortcut of each control, shown next to it and announced by aria-keyshortcuts. */
export const KEYS = {
  send: 'S',
  burst: 'B',
  play: 'P',
  step: '.',
  slower: '-',
  faster: '+',
  reset: 'R',
  seed: 'N',
  group: 'G',
  filter: '/',
  find: 'F',
  nextProblem: ']',
  prevProblem: '[',
  mode: (i: number) => String(i + 1),
  fault: (i: number) => `⇧${i + 1}`,
} as const;

export function nextSpeed(speed: number, dir: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= speed - 1e-9);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + dir))] ?? speed;
}

/**
 * Keyboard shortcuts for a scene. On the sandbox page they listen on the window; an embedded
 * scene listens on its own element only, so two scenes on a slide never both react.
 */
export function useShortcuts(
  scene: SceneController,
  target: RefObject<HTMLElement | null> | 'window',
  burst: () => number,
  /** Applies (and reports) an input; by default it is applied only. */
  inputs?: SceneInputs,
): void {
  useEffect(() => {
    const input = inputs ?? sceneInputs(scene);
    const el = target === 'window' ? window : target.current;
    if (!el) return;
    const onKey = (ev: Event) => {
      const e = ev as KeyboardEvent;
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const s = scene.store.getState();
      // Every fault has a key (⇧1-⇧5 with five faults), every mode one (1-4).
      const digit = /^Digit([1-9])$/.exec(e.code);
      let handled = true;
      if (digit && e.shiftKey) {
        const fault = FAULTS[Number(digit[1]) - 1];
        if (fault) input(toggleFaultInput(scene, fault));
        else handled = false;
      } else if (digit) {
        const mode = MODES[Number(digit[1]) - 1];
        if (mode) input({ kind: 'mode', mode });
        else handled = false;
      } else {
        switch (e.key.toLowerCase()) {
          case 's':
            input({ kind: 'send', count: 1 });
            break;
          case 'b':
            input({ kind: 'send', count: burst() });
            break;
          case 'p':
            input(togglePlayInput(scene));
            break;
          case '.':
            input({ kind: 'step' });
            break;
          case '+':
          case '=':
            input({ kind: 'speed', speed: nextSpeed(s.speed, 1) });
            break;
          case '-':
            input({ kind: 'speed', speed: nextSpeed(s.speed, -1) });
            break;
          case 'r':
            input({ kind: 'reset' });
            break;
          case 'n':
            input({ kind: 'seed', seed: s.seed + 1 });
            break;
          case 'g':
            scene.setGroupByRequest(!s.groupByRequest);
            break;
          case ']':
            scene.goToProblem(1);
            break;
          case '[':
            scene.goToProblem(-1);
            break;
          case '/':
          case 'f': {
            const root = target === 'window' ? document : target.current;
            const which = e.key === '/' ? 'trace-filter' : 'find-in-trace';
            const field = root?.querySelector<HTMLInputElement>(`[data-testid="${which}"]`);
            if (field) {
              field.focus();
              field.select();
            } else handled = false;
            break;
          }
          default:
            handled = false;
        }
      }
      if (handled) e.preventDefault();
    };
    el.addEventListener('keydown', onKey);
    // The sandbox page's keys pressed while it loaded reach its scene now.
    if (target === 'window') replayEarlyKeys();
    return () => el.removeEventListener('keydown', onKey);
  }, [scene, target, burst, inputs]);
}

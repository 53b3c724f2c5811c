import { Fragment, useCallback, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { FAULTS, FAULT_DESCRIPTIONS, type Fault } from '../core/config.ts';
import { MODES, MODE_DESCRIPTIONS, type PropagationMode } from '../core/propagation/index.ts';
import type { ScenarioName } from '../core/scenarios.ts';
import type { SceneController } from '../store/SceneController.ts';
import type { SceneState } from '../store/store.scene.ts';
import { BurstSizeInput } from './BurstSizeInput.tsx';
import { Kbd } from './Kbd.tsx';
import { Sandbox, type SandboxInput } from './Sandbox.tsx';
import { SeedInput } from './SeedInput.tsx';
import { SpeedSelect } from './SpeedSelect.tsx';
import { COMPARE_KEYS, useCompareShortcuts, type CompareAction } from './useCompareShortcuts.ts';
import { nextSpeed } from './useShortcuts.ts';

/** What a comparison link carries: both modes and the scene they share. */
export interface CompareScene {
  left: PropagationMode;
  right: PropagationMode;
  scenario: ScenarioName;
  seed: number;
  speed: number;
  faults: readonly Fault[];
  /** Requests sent so far (replayed when the comparison opens). */
  requests: number;
}

export interface CompareProps extends CompareScene {
  /** Called with what changed (modes, seed, speed, faults, the request count): the page's URL. */
  onChange: (change: Partial<CompareScene>) => void;
}

/** One field of a side's scene, once that side has started (before it, `fallback`). */
function useSideState<T>(
  scene: SceneController | null,
  select: (s: SceneState) => T,
  fallback: T,
): T {
  const subscribe = useCallback(
    (onChange: () => void) => (scene ? scene.store.subscribe(onChange) : () => {}),
    [scene],
  );
  return useSyncExternalStore(subscribe, () => (scene ? select(scene.store.getState()) : fallback));
}

/**
 * The same seed and the same requests, run under two modes side by side. Both sides get every
 * input in the same order, so they stay the same run but for the mode.
 */
export function Compare(props: CompareProps) {
  const [inputs, setInputs] = useState<SandboxInput[]>([]);
  const [burst, setBurst] = useState(4);
  // The left side's controller: the play state and the request count, which both sides share.
  const [leftScene, setLeftScene] = useState<SceneController | null>(null);
  const playing = useSideState(leftScene, (s) => s.playing, true);
  const sent = useSideState(leftScene, (s) => s.sent, props.requests);
  const id = useId();
  const { onChange, requests, seed, speed, faults } = props;

  useEffect(() => {
    if (leftScene && sent !== requests) onChange({ requests: sent });
  }, [leftScene, sent, requests, onChange]);

  const push = (input: SandboxInput) => setInputs((list) => [...list, input]);
  const setSpeed = (next: number) => {
    push({ kind: 'speed', speed: next });
    onChange({ speed: next });
  };
  const toggleFault = (fault: Fault) =>
    onChange({
      faults: faults.includes(fault) ? faults.filter((f) => f !== fault) : [...faults, fault],
    });

  const act = (action: CompareAction) => {
    switch (action.kind) {
      case 'send':
        return push({ kind: 'send', count: 1 });
      case 'burst':
        return push({ kind: 'send', count: burst });
      case 'play':
        return push({ kind: playing ? 'pause' : 'play' });
      case 'step':
        return push({ kind: 'step' });
      case 'reset':
        return push({ kind: 'reset' });
      case 'seed':
        return onChange({ seed: seed + 1 });
      case 'speed':
        return setSpeed(nextSpeed(speed, action.dir));
      case 'left':
        return onChange({ left: action.mode });
      case 'right':
        return onChange({ right: action.mode });
      case 'fault':
        return toggleFault(action.fault);
    }
  };
  useCompareShortcuts(act);

  const modeSelect = (side: 'left' | 'right') => {
    const keys = MODES.map((_, i) => COMPARE_KEYS[side](i));
    return (
      <label className="sbx-inline">
        {side === 'left' ? 'Left mode' : 'Right mode'}
        <select
          value={props[side]}
          aria-keyshortcuts={keys.join(' ')}
          onChange={(e) => act({ kind: side, mode: e.target.value as PropagationMode })}
        >
          {MODES.map((m, i) => (
            <option key={m} value={m}>
              {m} ({keys[i]})
            </option>
          ))}
        </select>
        <Kbd k={`${keys[0]}–${keys[keys.length - 1]}`} />
      </label>
    );
  };

  return (
    <div className="sbx-compare" data-testid="compare">
      <div className="sbx-compare-bar" role="group" aria-label="Compare controls">
        <div className="sbx-row">
          <button
            type="button"
            className="sbx-primary"
            onClick={() => act({ kind: 'send' })}
            aria-keyshortcuts="s"
          >
            Send request to both <Kbd k={COMPARE_KEYS.send} />
          </button>
          <span className="sbx-burst">
            <button type="button" onClick={() => act({ kind: 'burst' })} aria-keyshortcuts="b">
              Burst of {burst} to both <Kbd k={COMPARE_KEYS.burst} />
            </button>
            <BurstSizeInput burst={burst} onBurst={setBurst} />
          </span>
          <button type="button" onClick={() => act({ kind: 'play' })} aria-keyshortcuts="p">
            {playing ? 'Pause' : 'Play'} <Kbd k={COMPARE_KEYS.play} />
          </button>
          <button type="button" onClick={() => act({ kind: 'step' })} aria-keyshortcuts=".">
            Step <Kbd k={COMPARE_KEYS.step} />
          </button>
          <SpeedSelect speed={speed} onSpeed={setSpeed} />
          <button type="button" onClick={() => act({ kind: 'reset' })} aria-keyshortcuts="r">
            Reset both <Kbd k={COMPARE_KEYS.reset} />
          </button>
        </div>
        <div className="sbx-row">
          {modeSelect('left')}
          {modeSelect('right')}
          <SeedInput seed={seed} onSeed={(value) => onChange({ seed: value })} />
          <button type="button" onClick={() => act({ kind: 'seed' })} aria-keyshortcuts="n">
            Next seed <Kbd k={COMPARE_KEYS.seed} />
          </button>
        </div>
        <fieldset className="sbx-compare-faults">
          <legend>Faults (on = broken)</legend>
          {FAULTS.map((fault, i) => {
            const on = faults.includes(fault);
            return (
              <Fragment key={fault}>
                <label className="sbx-fault" title={FAULT_DESCRIPTIONS[fault]} data-checked={on}>
                  <input
                    type="checkbox"
                    checked={on}
                    aria-keyshortcuts={`Shift+${i + 1}`}
                    aria-describedby={`${id}-f${i}`}
                    onChange={() => act({ kind: 'fault', fault })}
                  />
                  {fault} <Kbd k={COMPARE_KEYS.fault(i)} />
                </label>
                <span id={`${id}-f${i}`} className="sr-only">
                  {FAULT_DESCRIPTIONS[fault]}
                </span>
              </Fragment>
            );
          })}
        </fieldset>
      </div>
      <div className="sbx-compare-sides">
        {(['left', 'right'] as const).map((side) => {
          const mode = props[side];
          const label = `${side === 'left' ? 'Left' : 'Right'}: ${mode}`;
          return (
            <div key={side} className="sbx-compare-side">
              <div className="sbx-compare-head">
                <h2 className="sbx-label">{label}</h2>
                <p className="sbx-mode-help">{MODE_DESCRIPTIONS[mode]}</p>
              </div>
              <Sandbox
                label={label}
                mode={mode}
                scenario={props.scenario}
                seed={seed}
                speed={speed}
                faults={faults}
                requests={requests}
                inputs={inputs}
                compact
                topologyLabels="fit"
                controls="none"
                onController={side === 'left' ? setLeftScene : undefined}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

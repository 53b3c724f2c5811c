import { useId } from 'react';
import { useShallow } from 'zustand/shallow';
import { FAULTS, FAULT_DESCRIPTIONS } from '../core/config.ts';
import { MODES, MODE_DESCRIPTIONS } from '../core/propagation/index.ts';
import { SCENARIOS, SCENARIO_DESCRIPTIONS } from '../core/scenarios.ts';
import { useScene, useSceneInputs, useSceneState } from './SceneContext.ts';
import { toggleFaultInput, togglePlayInput } from './sceneInput.ts';
import { KEYS } from './useShortcuts.ts';
import { count, formatUs } from './format.ts';
import { BurstSizeInput } from './BurstSizeInput.tsx';
import { Kbd } from './Kbd.tsx';
import { SeedInput } from './SeedInput.tsx';
import { SpeedSelect } from './SpeedSelect.tsx';

export interface ControlsProps {
  compact: boolean;
  burst: number;
  onBurstChange: (n: number) => void;
}

/** Send, burst, mode, play/pause/step/speed/reset, seed and faults: each with a shortcut. */
export function Controls({ compact, burst, onBurstChange }: ControlsProps) {
  const scene = useScene();
  const input = useSceneInputs();
  const id = useId();
  const s = useSceneState(
    useShallow((s) => ({
      mode: s.mode,
      scenario: s.scenario,
      seed: s.seed,
      speed: s.speed,
      faults: s.faults,
      playing: s.playing,
      view: s.view,
      importName: s.importName,
    })),
  );
  return (
    <div className="sbx-controls" role="group" aria-label="Scene controls">
      <div className="sbx-row sbx-row-main">
        <button
          type="button"
          className="sbx-primary"
          onClick={() => input({ kind: 'send', count: 1 })}
          aria-keyshortcuts="s"
        >
          Send request <Kbd k={KEYS.send} />
        </button>
        <span className="sbx-burst">
          <button
            type="button"
            onClick={() => input({ kind: 'send', count: burst })}
            aria-keyshortcuts="b"
          >
            Burst of {burst} <Kbd k={KEYS.burst} />
          </button>
          <BurstSizeInput burst={burst} onBurst={onBurstChange} />
        </span>
        <button type="button" onClick={() => input(togglePlayInput(scene))} aria-keyshortcuts="p">
          {s.playing ? 'Pause' : 'Play'} <Kbd k={KEYS.play} />
        </button>
        <button type="button" onClick={() => input({ kind: 'step' })} aria-keyshortcuts=".">
          Step <Kbd k={KEYS.step} />
        </button>
        <SpeedSelect speed={s.speed} onSpeed={(speed) => input({ kind: 'speed', speed })} />
        <button type="button" onClick={() => input({ kind: 'reset' })} aria-keyshortcuts="r">
          Reset <Kbd k={KEYS.reset} />
        </button>
      </div>
      <div className="sbx-row sbx-row-run">
        <SeedInput seed={s.seed} onSeed={(seed) => input({ kind: 'seed', seed })} />
        <button
          type="button"
          onClick={() => input({ kind: 'seed', seed: s.seed + 1 })}
          aria-keyshortcuts="n"
        >
          Next seed <Kbd k={KEYS.seed} />
        </button>
        {!compact && (
          <label className="sbx-inline">
            Scenario
            <select
              value={s.scenario}
              title={SCENARIO_DESCRIPTIONS[s.scenario]}
              onChange={(e) => input({ kind: 'scenario', scenario: e.target.value })}
            >
              {SCENARIOS.map((sc) => (
                <option key={sc} value={sc}>
                  {sc}
                </option>
              ))}
            </select>
          </label>
        )}
        {s.view === 'import' && (
          <button type="button" onClick={() => scene.showLive()}>
            Back to live run
          </button>
        )}
      </div>
      <fieldset className="sbx-modes">
        <legend>Propagation mode</legend>
        {MODES.map((mode, i) => (
          <label key={mode} className="sbx-mode" data-checked={s.mode === mode}>
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={s.mode === mode}
              onChange={() => input({ kind: 'mode', mode })}
              aria-keyshortcuts={String(i + 1)}
            />
            {mode} <Kbd k={KEYS.mode(i)} />
          </label>
        ))}
        <p className="sbx-mode-help" data-testid="mode-description">
          {s.view === 'import'
            ? // The file's mode is not known; the checked one is the live run's, not the file's.
              `Showing ${s.importName ?? 'a file'}: the mode and the faults set up the live run, not the file.`
            : MODE_DESCRIPTIONS[s.mode]}
        </p>
      </fieldset>
      <fieldset className="sbx-faults">
        <legend>Faults (on = broken)</legend>
        {FAULTS.map((fault, i) => {
          const on = s.faults.includes(fault);
          return (
            <label
              key={fault}
              className="sbx-fault"
              title={FAULT_DESCRIPTIONS[fault]}
              data-checked={on}
            >
              <input
                type="checkbox"
                checked={on}
                aria-keyshortcuts={`Shift+${i + 1}`}
                aria-describedby={`${id}-f${i}`}
                onChange={() => input(toggleFaultInput(scene, fault))}
              />
              {fault} <Kbd k={KEYS.fault(i)} />
            </label>
          );
        })}
        {!compact && (
          <details className="sbx-about">
            <summary>What they do</summary>
            <p>
              <strong>{s.scenario}</strong>: {SCENARIO_DESCRIPTIONS[s.scenario]}
            </p>
            <ul>
              {FAULTS.map((fault, i) => (
                <li key={fault} id={`${id}-f${i}`}>
                  <strong>{fault}</strong>: {FAULT_DESCRIPTIONS[fault]}
                </li>
              ))}
            </ul>
          </details>
        )}
      </fieldset>
    </div>
  );
}

/** Virtual time, counts, and the eviction notice. */
export function StatusLine() {
  const scene = useScene();
  const s = useSceneState(
    useShallow((s) => ({
      now: s.now,
      revision: s.revision,
      view: s.view,
      importName: s.importName,
      importNote: s.importNote,
      sent: s.sent,
    })),
  );
  const buffer = scene.buffer();
  const requests = buffer.requests.size;
  // Marks a live run with nothing left to do: every span sent so far has ended.
  const idle = s.view === 'live' && scene.simulation().isIdle();
  return (
    <div className="sbx-status" aria-live="off" data-idle={idle || undefined}>
      <span data-testid="trace-count">
        {count(buffer.traces.size, 'trace')}, {count(requests, 'request')}
      </span>
      <span>{count(buffer.size, 'span')}</span>
      {s.view === 'live' ? (
        <span>virtual time {formatUs(s.now)}</span>
      ) : (
        <span>imported: {s.importName}</span>
      )}
      {s.view === 'import' && s.importNote && (
        <span className="sbx-notice" role="status" data-testid="import-note">
          Import: {s.importNote}
        </span>
      )}
      {buffer.evictedTraces > 0 && (
        <span className="sbx-notice" role="status" data-testid="evicted">
          Evicted the {count(buffer.evictedTraces, 'oldest trace')} (
          {count(buffer.evictedSpans, 'span')}) to stay under {buffer.cap.toLocaleString('en')}{' '}
          spans.
        </span>
      )}
    </div>
  );
}

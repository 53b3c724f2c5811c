import { useState } from 'react';
import type { Fault } from '../core/config.ts';
import { MODES, MODE_DESCRIPTIONS, type PropagationMode } from '../core/propagation/index.ts';
import type { ScenarioName } from '../core/scenarios.ts';
import { Sandbox, type SandboxInput } from './Sandbox.tsx';

export interface CompareProps {
  left: PropagationMode;
  right: PropagationMode;
  scenario: ScenarioName;
  seed: number;
  speed: number;
  faults: readonly Fault[];
  requests: number;
  onModesChange?: (left: PropagationMode, right: PropagationMode) => void;
}

/** The same seed and the same requests, run under two modes side by side. */
export function Compare(props: CompareProps) {
  const [inputs, setInputs] = useState<SandboxInput[]>([]);
  const [burst, setBurst] = useState(4);
  const push = (input: SandboxInput) => setInputs((list) => [...list, input]);
  const modeSelect = (side: 'left' | 'right', value: PropagationMode) => (
    <label className="sbx-inline">
      {side === 'left' ? 'Left' : 'Right'} mode
      <select
        value={value}
        onChange={(e) => {
          const mode = e.target.value as PropagationMode;
          if (side === 'left') props.onModesChange?.(mode, props.right);
          else props.onModesChange?.(props.left, mode);
        }}
      >
        {MODES.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="sbx-compare" data-testid="compare">
      <div className="sbx-row sbx-compare-bar" role="group" aria-label="Compare controls">
        {modeSelect('left', props.left)}
        {modeSelect('right', props.right)}
        <button
          type="button"
          className="sbx-primary"
          onClick={() => push({ kind: 'send', count: 1 })}
        >
          Send request to both
        </button>
        <button type="button" onClick={() => push({ kind: 'send', count: burst })}>
          Burst of {burst} to both
        </button>
        <label className="sbx-small-label">
          <span className="sr-only">Requests per burst</span>
          <input
            type="number"
            min={1}
            max={100}
            value={burst}
            onChange={(e) => setBurst(Math.min(100, Math.max(1, Number(e.target.value) || 1)))}
          />
        </label>
        <button type="button" onClick={() => push({ kind: 'reset' })}>
          Reset both
        </button>
      </div>
      <div className="sbx-compare-sides">
        {([props.left, props.right] as const).map((mode, i) => (
          <div key={i} className="sbx-compare-side">
            <p className="sbx-mode-help">
              <strong>{mode}</strong>: {MODE_DESCRIPTIONS[mode]}
            </p>
            <Sandbox
              label={`${i === 0 ? 'Left' : 'Right'}: ${mode}`}
              mode={mode}
              scenario={props.scenario}
              seed={props.seed}
              speed={props.speed}
              faults={props.faults}
              requests={props.requests}
              inputs={inputs}
              compact
              controls="none"
            />
          </div>
        ))}
      </div>
    </div>
  );
}

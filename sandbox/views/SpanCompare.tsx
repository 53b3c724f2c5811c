import { useMemo, useState } from 'react';
import { FAULTS, type Fault } from '../core/config.ts';
import { MODES, type PropagationMode } from '../core/propagation/index.ts';
import { alignRuns, type StepSide } from '../model/alignRuns.ts';
import { useSceneState } from './SceneContext.ts';

const STATE_TEXT: Record<StepSide['state'], string> = {
  carried: 'context carried',
  inside: 'same process',
  linked: 'new trace, linked',
  cut: 'context lost',
  mixed: 'wrong request',
};

function Cell({ side }: { side: StepSide | undefined }) {
  if (!side) return <td className="sbx-muted">not run</td>;
  return (
    <td data-state={side.state}>
      {STATE_TEXT[side.state]}
      <span className="sbx-muted"> · trace {side.traceNumber}</span>
    </td>
  );
}

/**
 * One request under the scene's settings (A) and another mode or fault set (B), span by span,
 * aligned by the simulation's step (process, operation, occurrence), not by span id: the rows
 * where a hop connects in one run and breaks in the other are marked.
 */
export function SpanCompare() {
  const mode = useSceneState((s) => s.mode);
  const faults = useSceneState((s) => s.faults);
  const scenario = useSceneState((s) => s.scenario);
  const seed = useSceneState((s) => s.seed);
  const sent = useSceneState((s) => s.sent);
  const [modeB, setModeB] = useState<PropagationMode>(mode === 'metadata' ? 'process' : 'metadata');
  const [faultsB, setFaultsB] = useState<readonly Fault[]>([]);
  const requests = Math.max(1, Math.min(sent, 50));
  const [request, setRequest] = useState(1);
  const requestId = `req-${Math.min(request, requests)}`;
  const faultKey = faults.join(',');
  const steps = useMemo(
    () =>
      alignRuns({
        scenario,
        seed,
        requests,
        requestId,
        a: { mode, faults: faultKey ? (faultKey.split(',') as Fault[]) : [] },
        b: { mode: modeB, faults: faultsB },
      }),
    [scenario, seed, requests, requestId, mode, faultKey, modeB, faultsB],
  );
  const differs = steps.filter((s) => s.differs).length;
  return (
    <div className="sbx-span-compare" data-testid="span-compare">
      <div className="sbx-row">
        <label className="sbx-inline">
          Request{' '}
          <select
            value={Math.min(request, requests)}
            onChange={(e) => setRequest(Number(e.target.value))}
            aria-label="Request to compare"
          >
            {Array.from({ length: requests }, (_, i) => (
              <option key={i} value={i + 1}>
                req-{i + 1}
              </option>
            ))}
          </select>
        </label>
        <span>
          A: <strong>{mode}</strong>
          {faults.length > 0 ? ` + ${faults.join(', ')}` : ''}
        </span>
        <label className="sbx-inline">
          B:{' '}
          <select
            value={modeB}
            aria-label="Mode B"
            onChange={(e) => setModeB(e.target.value as PropagationMode)}
          >
            {MODES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="sbx-compare-faults-b">
        <legend>Faults in B</legend>
        {FAULTS.map((f) => (
          <label key={f} className="sbx-inline">
            <input
              type="checkbox"
              checked={faultsB.includes(f)}
              onChange={(e) =>
                setFaultsB(e.target.checked ? [...faultsB, f] : faultsB.filter((x) => x !== f))
              }
            />
            {f}
          </label>
        ))}
      </fieldset>
      <p role="status" data-testid="compare-summary">
        {requestId}: {steps.length} steps;{' '}
        {differs === 0 ? 'no hop' : `${differs} hop${differs === 1 ? '' : 's'}`} connect
        {differs === 1 ? 's' : ''} in one run and break{differs === 1 ? 's' : ''} in the other.
      </p>
      <table className="sbx-stats-table" aria-label="Steps of the request in A and B">
        <thead>
          <tr>
            <th scope="col">Step (process · operation)</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.step} data-differs={s.differs || undefined} data-testid="compare-step">
              <td>
                {s.differs ? '⚠ ' : ''}
                {s.step}
              </td>
              <Cell side={s.a} />
              <Cell side={s.b} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useMemo } from 'react';
import { nodeLabel } from '../core/topology.ts';
import { operationStats, runStats } from '../model/traceStats.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { count, formatUs } from './format.ts';

/**
 * Jaeger's "Trace Statistics" for the selected trace (per service and operation: count, total,
 * self time), and the run's: how many traces each request became, and where context broke.
 */
export function TraceStats() {
  const scene = useScene();
  const revision = useSceneState((s) => s.revision);
  const traceId = useSceneState((s) => s.selectedTraceId);
  const now = useSceneState((s) => s.now);
  const buffer = scene.buffer();
  const trace = traceId ? buffer.traces.get(traceId) : undefined;
  const version = trace?.version ?? -1;
  const ops = useMemo(
    () => (trace ? operationStats(buffer.spansOf(trace), now) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [buffer, trace, version],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useMemo(() => runStats(buffer, scene.hops()), [buffer, revision]);
  const perRequest = new Map<number, number>();
  for (const r of run.tracesPerRequest)
    perRequest.set(r.traces, (perRequest.get(r.traces) ?? 0) + 1);
  return (
    <div className="sbx-stats" data-testid="trace-stats">
      <h4>This trace, per service and operation</h4>
      {ops.length === 0 ? (
        <p className="sbx-muted">Select a trace.</p>
      ) : (
        <table className="sbx-stats-table" aria-label="Per service and operation">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Operation</th>
              <th scope="col">Count</th>
              <th scope="col">Total</th>
              <th scope="col">Self</th>
            </tr>
          </thead>
          <tbody>
            {ops.map((o) => (
              <tr key={`${o.service}\u0000${o.name}`}>
                <td>{o.service}</td>
                <td>{o.name}</td>
                <td className="sbx-num">{o.count}</td>
                <td className="sbx-num">{formatUs(o.totalUs)}</td>
                <td className="sbx-num">{formatUs(o.selfUs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>This run</h4>
      <p data-testid="run-stats">
        {run.requests} {run.requests === 1 ? 'request' : 'requests'} became {run.traces}{' '}
        {run.traces === 1 ? 'trace' : 'traces'}
        {run.requests > 0
          ? ` (${(run.traces / run.requests).toFixed(1)} per request; a request traced end to end makes 1)`
          : ''}
        .
        {run.tracesWithoutRequest > 0 &&
          ` ${count(run.tracesWithoutRequest, 'other trace')} ${run.tracesWithoutRequest === 1 ? 'names' : 'name'} no request: no span of ${run.tracesWithoutRequest === 1 ? 'it' : 'them'} records a request or correlation id.`}
      </p>
      {perRequest.size > 0 && (
        <ul className="sbx-list" aria-label="Traces per request">
          {[...perRequest]
            .sort((a, b) => a[0] - b[0])
            .map(([traces, requests]) => (
              <li key={traces}>
                {requests} {requests === 1 ? 'request' : 'requests'} in {traces}{' '}
                {traces === 1 ? 'trace' : 'traces'} each
              </li>
            ))}
        </ul>
      )}
      <h4>Broken hops, by edge</h4>
      {run.brokenHops.length === 0 ? (
        <p className="sbx-muted" data-testid="broken-hops">
          None: context crossed every hop.
        </p>
      ) : (
        <table className="sbx-stats-table" aria-label="Broken hops" data-testid="broken-hops">
          <thead>
            <tr>
              <th scope="col">Hop</th>
              <th scope="col">Context lost</th>
              <th scope="col">Requests mixed</th>
            </tr>
          </thead>
          <tbody>
            {run.brokenHops.map((h) => (
              <tr key={`${h.from}>${h.to}`}>
                <td>
                  {nodeLabel(h.from)} → {nodeLabel(h.to)}
                </td>
                <td className="sbx-num">{h.cut}</td>
                <td className="sbx-num">{h.mixed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

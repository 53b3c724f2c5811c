import { useMemo } from 'react';
import type { HopState } from '../model/contextHops.ts';
import { traceGraph } from '../model/traceGraph.ts';
import { labelWords } from './labelWords.ts';
import { useScene, useSceneState } from './SceneContext.ts';

const H = 44;
const GAP_Y = 22;
/** About one character of the graph's 600 13px text, a little over: labels must fit, not touch. */
const CHAR = 8.2;
const MIN_W = 150;

/**
 * A process name on one line when it fits a box, else on two, split where the topology's labels
 * split (spaces, CamelCase words): the split whose longer line is shortest.
 */
function nameLines(name: string): string[] {
  if (name.length * CHAR + 24 <= MIN_W) return [name];
  let best = [name];
  let from = 0;
  for (const word of labelWords(name)) {
    const at = name.indexOf(word, from);
    from = at + word.length;
    if (at <= 0) continue;
    const split = [name.slice(0, at).trim(), name.slice(at).trim()];
    if (Math.max(...split.map((l) => l.length)) < Math.max(...best.map((l) => l.length)))
      best = split;
  }
  return best;
}

const STROKE: Record<HopState, string> = {
  carried: '#006e3c',
  linked: '#0072b2',
  mixed: '#8a5a00',
  cut: '#b33c00',
};

/**
 * The selected trace as processes and hops: a carried hop is a whole line, a lost-context hop is
 * drawn cut (a gap and a ✂ with its label). The hop list under the picture says the same in text.
 */
export function TraceGraphView() {
  const scene = useScene();
  const revision = useSceneState((s) => s.revision);
  const traceId = useSceneState((s) => s.selectedTraceId);
  const buffer = scene.buffer();
  const trace = traceId ? buffer.traces.get(traceId) : undefined;
  const version = trace?.version ?? -1;
  const graph = useMemo(
    () => (trace ? traceGraph(buffer, trace) : null),
    // The other traces of the request change the picture too: recompute per frame's revision.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [buffer, trace, version, revision],
  );
  if (!trace || !graph) return <p className="sbx-empty">Select a trace to see its graph.</p>;
  if (graph.hops.length === 0)
    return (
      <p className="sbx-empty" data-testid="trace-graph">
        This trace crosses no process boundary: one process did all of its work.
      </p>
    );
  const at = new Map(graph.nodes.map((n) => [n.id, n]));
  // Names too long for a box go on two lines, split between their words ("PatientTimeline /
  // Projection"); gaps are as wide as the longest cut hop's label ("✂ context not read" ran over
  // its arrow in a fixed 70 px gap).
  const lines = new Map(graph.nodes.map((n) => [n.id, nameLines(n.id)]));
  const longest = Math.max(...[...lines.values()].flat().map((l) => l.length));
  const W = Math.max(MIN_W, Math.ceil(longest * CHAR + 24));
  const cutLabels = graph.hops.filter((h) => h.state === 'cut').map((h) => `✂ ${h.label}`.length);
  const GAP_X = Math.max(70, Math.ceil(Math.max(0, ...cutLabels) * CHAR + 24));
  const x = (c: number) => 10 + c * (W + GAP_X);
  const y = (r: number) => 10 + r * (H + GAP_Y);
  const width = x(graph.columns) - GAP_X + 10;
  const height = y(graph.rows) - GAP_Y + 10;
  return (
    <div className="sbx-graph" data-testid="trace-graph">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={`Processes and hops of trace ${trace.traceId.slice(0, 8)}`}
      >
        <defs>
          {(Object.keys(STROKE) as HopState[]).map((s) => (
            <marker
              key={s}
              id={`sbx-arrow-${s}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0 0L10 5L0 10z" fill={STROKE[s]} />
            </marker>
          ))}
        </defs>
        {graph.hops.map((h) => {
          const a = at.get(h.from);
          const b = at.get(h.to);
          if (!a || !b) return null;
          const x1 = x(a.column) + W;
          const y1 = y(a.row) + H / 2;
          const back = b.column <= a.column;
          const x2 = back ? x(b.column) + W / 2 : x(b.column);
          const y2 = back ? y(b.row) + H : y(b.row) + H / 2;
          const mx = (x1 + x2) / 2;
          const my = back ? Math.max(y1, y2) + 16 : (y1 + y2) / 2;
          const path = back
            ? `M${x1} ${y1} C${x1 + 30} ${my} ${x2} ${my + 10} ${x2} ${y2}`
            : `M${x1} ${y1} C${mx} ${y1} ${mx} ${y2} ${x2} ${y2}`;
          const cut = h.state === 'cut';
          return (
            <g key={h.key} data-hop={h.key} data-state={h.state}>
              <title>{`${h.from} → ${h.to}: ${h.label}`}</title>
              <path
                d={path}
                fill="none"
                stroke={STROKE[h.state]}
                strokeWidth={cut ? 3 : 2.5}
                // A cut hop has a hole in its middle: the context did not get across.
                strokeDasharray={cut ? `${Math.hypot(x2 - x1, y2 - y1) * 0.4} 18` : undefined}
                markerEnd={`url(#sbx-arrow-${h.state})`}
              />
              {cut && (
                <text x={mx} y={my - 6} textAnchor="middle" className="sbx-graph-cut">
                  ✂ {h.label}
                </text>
              )}
            </g>
          );
        })}
        {graph.nodes.map((n) => (
          <g key={n.id}>
            <rect
              x={x(n.column)}
              y={y(n.row)}
              width={W}
              height={H}
              rx={6}
              fill="#fff"
              stroke="#444"
              strokeWidth={1.5}
            />
            <text x={x(n.column) + W / 2} y={y(n.row) + H / 2 + 5} textAnchor="middle">
              {(lines.get(n.id) ?? [n.id]).map((line, k, all) => (
                <tspan key={k} x={x(n.column) + W / 2} dy={k === 0 ? (1 - all.length) * 7.5 : 15}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
      </svg>
      <ul className="sbx-list sbx-graph-hops" aria-label="Hops">
        {graph.hops.map((h) => (
          <li key={h.key} data-state={h.state}>
            {h.from} → {h.to}: <strong>{h.label}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

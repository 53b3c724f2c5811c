import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { nodeLabel } from '../core/topology.ts';
import type { HopState } from '../model/contextHops.ts';
import type { SpanRecord } from '../model/SpanRecord.ts';
import { traceGraph, type TraceGraph } from '../model/traceGraph.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { BOX_H, LINE_H, layoutTraceGraph } from './traceGraphLayout.ts';

const STROKE: Record<HopState, string> = {
  carried: '#006e3c',
  linked: '#0072b2',
  mixed: '#8a5a00',
  cut: '#b33c00',
};

/**
 * The selected trace as processes and hops: a carried hop is a whole line, a lost-context hop is
 * drawn cut (a gap and a ✂ with its label), a hop where requests got mixed has a ⚠ and its label.
 * The hop list under the picture says the same in text.
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
  if (graph.hops.length === 0 && !recordsProcesses(buffer.spansOf(trace)))
    return (
      <p className="sbx-empty" data-testid="trace-graph">
        This file does not record which process ran each span (the simulator writes{' '}
        <code>elixir.process</code>; other backends do not), so it has no graph of process hops. The
        list in place of the picture shows where its request was cut into traces.
      </p>
    );
  if (graph.hops.length === 0)
    return (
      <p className="sbx-empty" data-testid="trace-graph">
        This trace crosses no process boundary: one process did all of its work.
      </p>
    );
  return <TraceGraphPicture graph={graph} traceId={trace.traceId} />;
}

/** Whether any span says which process ran it, or which message it handled: a graph can be drawn. */
function recordsProcesses(spans: readonly SpanRecord[]): boolean {
  return spans.some((s) => typeof s.attributes['elixir.process'] === 'string' || !!s.message);
}

/** The graph laid out for the width its panel has, re-laid when that width changes. */
function TraceGraphPicture({ graph, traceId }: { graph: TraceGraph; traceId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useContentWidth(ref);
  const layout = useMemo(() => layoutTraceGraph(graph, width), [graph, width]);
  return (
    <div
      ref={ref}
      className="sbx-graph"
      data-testid="trace-graph"
      data-direction={layout.direction}
      data-scale={layout.scale.toFixed(2)}
    >
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width * layout.scale}
        height={layout.height * layout.scale}
        role="img"
        aria-label={`Processes and hops of trace ${traceId.slice(0, 8)}`}
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
        {layout.hops.map(({ hop: h, d, label, chord }) => {
          const cut = h.state === 'cut';
          return (
            <g key={h.key} data-hop={h.key} data-state={h.state}>
              <title>{`${nodeLabel(h.from)} → ${nodeLabel(h.to)}: ${h.label}`}</title>
              <path
                d={d}
                fill="none"
                stroke={STROKE[h.state]}
                strokeWidth={cut ? 3 : 2.5}
                // A cut hop has a hole in its middle: the context did not get across.
                strokeDasharray={cut ? `${chord * 0.4} 18` : undefined}
                markerEnd={`url(#sbx-arrow-${h.state})`}
              />
              {label && (
                <text x={label.x} y={label.y} textAnchor={label.anchor} className="sbx-graph-label">
                  {label.lines.map((line, k, all) => (
                    <tspan key={k} x={label.x} dy={k === 0 ? (1 - all.length) * LINE_H : LINE_H}>
                      {line}
                    </tspan>
                  ))}
                </text>
              )}
            </g>
          );
        })}
        {layout.boxes.map((b) => (
          <g key={b.id}>
            <rect
              x={b.x}
              y={b.y}
              width={b.width}
              height={BOX_H}
              rx={6}
              fill="#fff"
              stroke="#444"
              strokeWidth={1.5}
            />
            <text x={b.x + b.width / 2} y={b.y + BOX_H / 2 + 5} textAnchor="middle">
              {b.lines.map((line, k, all) => (
                <tspan
                  key={k}
                  x={b.x + b.width / 2}
                  dy={k === 0 ? ((1 - all.length) * LINE_H) / 2 : LINE_H}
                >
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
            {nodeLabel(h.from)} → {nodeLabel(h.to)}: <strong>{h.label}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The content width of `ref`'s element, kept by a ResizeObserver; 0 until it is measured. */
function useContentWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    setWidth(el.clientWidth - (padding || 0));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

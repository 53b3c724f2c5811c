import { contextHops, type HopMark } from './contextHops.ts';
import type { SpanRecord } from './SpanRecord.ts';
import type { TraceBuffer, TraceInfo } from './TraceBuffer.ts';

export interface GraphNode {
  id: string;
  column: number;
  row: number;
}

export interface TraceGraph {
  nodes: GraphNode[];
  hops: HopMark[];
  columns: number;
  rows: number;
}

/**
 * One trace as processes and hops, for its graph: the hops its own spans arrived by, and the hops
 * out of it where its request's context was lost (the first span of each other trace of the same
 * request arrived by one of those). The marks are contextHops' own: the topology and the slides
 * read the same answer. Nodes are laid out in columns by hop distance from where the trace enters.
 */
export function traceGraph(buffer: TraceBuffer, trace: TraceInfo): TraceGraph {
  const spans: SpanRecord[] = buffer.spansOf(trace);
  const nodes = new Set<string>();
  const pids = new Set<string>();
  for (const s of spans) {
    if (s.message?.toNode) nodes.add(s.message.toNode);
    const pid = s.attributes['elixir.process'];
    if (typeof pid === 'string') pids.add(pid);
  }
  // Where the request went on without this trace's context, when the message came from a process
  // this trace ran in: the roots of its other traces (context lost), and its spans flagged in
  // other traces (global mode: they hang under another request's spans, mixed).
  const fromHere = (span: SpanRecord | undefined) => {
    const m = span?.message;
    return !!m && ((!!m.fromPid && pids.has(m.fromPid)) || (!!m.fromNode && nodes.has(m.fromNode)));
  };
  const seen = new Set<string>([trace.traceId]);
  for (const request of trace.requestIds)
    for (const other of buffer.requests.get(request) ?? []) {
      const t = buffer.traces.get(other);
      if (!t || seen.has(other)) continue;
      seen.add(other);
      for (const id of t.spanIds) {
        if (id !== t.rootSpanId && !buffer.flags.has(id)) continue;
        const span = buffer.spans.get(id);
        if (span && trace.requestIds.has(span.requestId) && fromHere(span)) spans.push(span);
      }
    }
  const { hops } = contextHops(buffer, { spans });
  const ids = [...new Set(hops.flatMap((h) => [h.from, h.to]))];
  const column = new Map<string, number>();
  const incoming = new Set(hops.map((h) => h.to));
  for (const id of ids) if (!incoming.has(id)) column.set(id, 0);
  if (column.size === 0 && ids[0] !== undefined) column.set(ids[0], 0);
  // Hop distance from the entry (breadth first): a cycle (Router -> ... -> Router) cannot loop.
  const queue = [...column.keys()];
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i] as string;
    const c = column.get(from) ?? 0;
    for (const h of hops)
      if (h.from === from && !column.has(h.to)) {
        column.set(h.to, c + 1);
        queue.push(h.to);
      }
  }
  for (const id of ids) if (!column.has(id)) column.set(id, 0);
  const perColumn = new Map<number, number>();
  const laid: GraphNode[] = ids.map((id) => {
    const c = column.get(id) ?? 0;
    const row = perColumn.get(c) ?? 0;
    perColumn.set(c, row + 1);
    return { id, column: c, row };
  });
  return {
    nodes: laid,
    hops,
    columns: Math.max(1, ...laid.map((n) => n.column + 1)),
    rows: Math.max(1, ...perColumn.values()),
  };
}

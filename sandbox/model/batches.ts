import { nodeLabel } from '../core/topology.ts';
import type { SpanRecord } from './SpanRecord.ts';
import type { TraceBuffer } from './TraceBuffer.ts';

/** One span that handled the messages of several simulated requests at once. */
export interface BatchSpan {
  spanId: string;
  traceId: string;
  /** The request the span's own context belongs to (its first message's). */
  requestId: string;
  /** Every request whose message the batch handled, in order, each once. */
  requests: string[];
  /** "LabWorklist commanded.event.handle" */
  label: string;
}

/** A request's span that ended up in another request's batch, in that request's trace. */
export interface LostSpan {
  /** The request that lost the span. */
  requestId: string;
  /** The batch span that did its work, and the trace that holds it. */
  batch: BatchSpan;
}

export interface BatchIndex {
  batches: Map<string, BatchSpan>;
  /** Trace id -> what it lost into other requests' batches. */
  lostByTrace: Map<string, LostSpan[]>;
}

const EMPTY: BatchIndex = { batches: new Map(), lostByTrace: new Map() };

function batchOf(span: SpanRecord): BatchSpan | null {
  const ids = span.attributes['sim.batch.request_ids'];
  if (!Array.isArray(ids)) return null;
  const requests = [...new Set(ids.map(String))];
  if (requests.length < 2) return null;
  return {
    spanId: span.spanId,
    traceId: span.traceId,
    requestId: span.requestId,
    requests,
    label: `${span.message ? nodeLabel(span.message.toNode) : span.service} ${span.name}`,
  };
}

const cache = new WeakMap<TraceBuffer, { version: number; index: BatchIndex }>();

/**
 * Which spans handled several requests' messages (the `batch-projection` fault), and which traces
 * lost their span into another request's batch. A request loses the span when the batch neither
 * sits in one of its traces nor links to one: its trace looks whole, but a hop is missing.
 * Recomputed only when the buffer changed.
 */
export function batchIndex(buffer: TraceBuffer): BatchIndex {
  const hit = cache.get(buffer);
  if (hit && hit.version === buffer.version) return hit.index;
  let index = EMPTY;
  // Only flagged spans can be batches (explainSpan flags every batch of more than one message):
  // a pass over the flags, not over every span, each frame the buffer changes.
  for (const [spanId, flags] of buffer.flags) {
    if (!flags.some((f) => f.kind === 'batch')) continue;
    const span = buffer.spans.get(spanId);
    const batch = span ? batchOf(span) : null;
    if (!span || !batch) continue;
    if (index === EMPTY) index = { batches: new Map(), lostByTrace: new Map() };
    index.batches.set(batch.spanId, batch);
    const linked = new Set(span.links.map((l) => l.traceId));
    for (const request of batch.requests) {
      if (request === batch.requestId) continue;
      const traces = buffer.requests.get(request);
      if (!traces || traces.has(batch.traceId)) continue;
      if ([...traces].some((t) => linked.has(t))) continue;
      // The request's first trace is where its story starts: that is the one missing a hop.
      const first = traces.values().next().value;
      if (first === undefined) continue;
      let list = index.lostByTrace.get(first);
      if (!list) index.lostByTrace.set(first, (list = []));
      list.push({ requestId: request, batch });
    }
  }
  cache.set(buffer, { version: buffer.version, index });
  return index;
}

/** "lost its LabWorklist commanded.event.handle span into req-3's batch (trace 1a2b3c4d)" */
export function describeLost(lost: LostSpan): string {
  return `${lost.requestId} lost its ${lost.batch.label} span into ${lost.batch.requestId}'s batch (trace ${lost.batch.traceId.slice(0, 8)})`;
}

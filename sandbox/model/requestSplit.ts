import type { SpanRecord } from './SpanRecord.ts';
import type { TraceBuffer } from './TraceBuffer.ts';

/** How a trace of a split request began. */
export type TraceStart =
  /** The request's first trace. */
  | { kind: 'first' }
  /**
   * The context was lost coming from `from` (another trace's span), when the file says which;
   * or, `sibling`, `from` is another handler of the same event, in another trace.
   */
  | { kind: 'lost'; from?: SpanRecord; fromStep?: number; sibling?: boolean }
  /** A new trace by design, linked to the span it continues. */
  | { kind: 'linked'; from?: SpanRecord; fromStep?: number }
  /** Nothing says how: a root with no flag (no correlation id on it, say). */
  | { kind: 'unknown' };

/** One trace of a request, in the order the request's traces started. */
export interface RequestStep {
  /** 1-based place in the request's traces. */
  step: number;
  traceId: string;
  root: SpanRecord | undefined;
  spans: number;
  start: TraceStart;
}

/**
 * A request's traces in the order they started, each with how it began: the first, or where
 * the context was lost (or linked) coming from a span of an earlier trace. What a file from
 * another backend shows where the simulated backend's picture would be: the request, cut into
 * pieces, and the hops that cut it.
 */
export function requestSplit(buffer: TraceBuffer, requestId: string): RequestStep[] {
  const traces = [...(buffer.requests.get(requestId) ?? [])]
    .map((id) => buffer.traces.get(id))
    .filter((t) => t !== undefined)
    .sort((a, b) => a.startUs - b.startUs || a.index - b.index);
  const stepOf = new Map(traces.map((t, i) => [t.traceId, i + 1]));
  return traces.map((trace, i) => {
    const root = trace.rootSpanId ? buffer.spans.get(trace.rootSpanId) : undefined;
    return {
      step: i + 1,
      traceId: trace.traceId,
      root,
      spans: trace.spanIds.length,
      start: i === 0 ? { kind: 'first' } : startOf(buffer, root, stepOf),
    };
  });
}

function startOf(
  buffer: TraceBuffer,
  root: SpanRecord | undefined,
  stepOf: ReadonlyMap<string, number>,
): TraceStart {
  const flags = root ? (buffer.flags.get(root.spanId) ?? []) : [];
  const lost = flags.find((f) => f.kind === 'new-trace');
  if (lost) {
    const from = lost.related ? buffer.spans.get(lost.related.spanId) : undefined;
    return {
      kind: 'lost',
      from,
      fromStep: from ? stepOf.get(from.traceId) : undefined,
      sibling: lost.related?.sibling === true,
    };
  }
  if (flags.some((f) => f.kind === 'linked-root') && root) {
    const link = root.links[0];
    const from = link ? buffer.spans.get(link.spanId) : undefined;
    return { kind: 'linked', from, fromStep: from ? stepOf.get(from.traceId) : undefined };
  }
  return { kind: 'unknown' };
}

/**
 * The request a view should show split: the selected trace's, when it has more than one trace;
 * else the one split into the most traces (the first of them on a tie); none when no request is.
 */
export function splitRequestToShow(
  buffer: TraceBuffer,
  selectedTraceId: string | null,
): string | undefined {
  const selected = selectedTraceId ? buffer.traces.get(selectedTraceId) : undefined;
  for (const id of selected?.requestIds ?? [])
    if ((buffer.requests.get(id)?.size ?? 0) > 1) return id;
  let best: string | undefined;
  let most = 1;
  for (const [id, traces] of buffer.requests)
    if (traces.size > most) {
      best = id;
      most = traces.size;
    }
  return best;
}

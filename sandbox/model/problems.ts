import { batchIndex } from './batches.ts';
import { buildTraceTree } from './buildTraceTree.ts';
import type { TraceBuffer, TraceInfo } from './TraceBuffer.ts';

/** A place the learner should look: a span in a trace. */
export interface Problem {
  traceId: string;
  spanId: string;
}

const memo = new WeakMap<TraceInfo, { key: string; spans: string[] }>();

/**
 * The spans of a trace that show a problem, in the waterfall's (depth-first) order: a break in
 * propagation, an orphan, or a batch handling several requests. A trace that lost a span into
 * another request's batch has none of those; its root stands for the problem, where the waterfall
 * says what went missing.
 */
export function problemSpans(buffer: TraceBuffer, trace: TraceInfo): readonly string[] {
  const index = batchIndex(buffer);
  const lost = index.lostByTrace.get(trace.traceId)?.length ?? 0;
  const key = `${trace.version}:${lost}:${index.batches.size}`;
  const hit = memo.get(trace);
  if (hit && hit.key === key) return hit.spans;
  let any = lost > 0;
  for (const id of trace.spanIds)
    if (buffer.flags.get(id)?.some((f) => f.breaks) || index.batches.has(id)) any = true;
  const spans: string[] = [];
  if (any) {
    for (const row of buildTraceTree(buffer.spansOf(trace)).rows) {
      const id = row.span.spanId;
      if (row.orphan || buffer.flags.get(id)?.some((f) => f.breaks) || index.batches.has(id))
        spans.push(id);
    }
    if (spans.length === 0 && lost > 0) {
      const root = buffer.rootOf(trace);
      if (root) spans.push(root.spanId);
    }
  }
  memo.set(trace, { key, spans });
  return spans;
}

/** The first problem of a trace: where opening it should land. */
export const firstProblem = (buffer: TraceBuffer, trace: TraceInfo): string | undefined =>
  problemSpans(buffer, trace)[0];

/**
 * The next (dir 1) or previous (dir -1) problem after `from`, across `traceIds` in the order the
 * list shows them, wrapping around. Undefined when there is no problem anywhere.
 */
export function stepProblem(
  buffer: TraceBuffer,
  traceIds: readonly string[],
  from: { traceId: string | null; spanId: string | null },
  dir: 1 | -1,
): Problem | undefined {
  const n = traceIds.length;
  if (n === 0) return undefined;
  let at = from.traceId ? traceIds.indexOf(from.traceId) : -1;
  // Within the current trace first.
  if (at >= 0) {
    const trace = buffer.traces.get(traceIds[at] as string);
    const spans = trace ? problemSpans(buffer, trace) : [];
    const pos = from.spanId ? spans.indexOf(from.spanId) : -1;
    const next = pos < 0 ? (dir === 1 ? 0 : spans.length - 1) : pos + dir;
    const hereFirst = pos < 0 && dir === 1 && !from.spanId;
    if ((pos >= 0 || hereFirst) && next >= 0 && next < spans.length)
      return { traceId: traceIds[at] as string, spanId: spans[next] as string };
  } else at = dir === 1 ? -1 : n;
  for (let k = 1; k <= n; k++) {
    const i = (((at + dir * k) % n) + n) % n;
    const id = traceIds[i] as string;
    const trace = buffer.traces.get(id);
    const spans = trace ? problemSpans(buffer, trace) : [];
    if (spans.length > 0)
      return { traceId: id, spanId: (dir === 1 ? spans[0] : spans[spans.length - 1]) as string };
  }
  return undefined;
}

/** How many problems the listed traces hold, and the position of `spanId` among them (1-based). */
export function problemCount(
  buffer: TraceBuffer,
  traceIds: readonly string[],
  at: { traceId: string | null; spanId: string | null },
): { total: number; position: number } {
  let total = 0;
  let position = 0;
  for (const id of traceIds) {
    const trace = buffer.traces.get(id);
    if (!trace) continue;
    const spans = problemSpans(buffer, trace);
    if (id === at.traceId && at.spanId) {
      const pos = spans.indexOf(at.spanId);
      if (pos >= 0) position = total + pos + 1;
    }
    total += spans.length;
  }
  return { total, position };
}

import { childrenOf } from './buildTraceTree.ts';
import type { SpanRecord } from './SpanRecord.ts';

/** A stretch of time one span spent on the critical path. */
export interface CriticalSection {
  spanId: string;
  startUs: number;
  endUs: number;
}

const endOf = (s: SpanRecord, now: number) => s.endUs ?? Math.max(now, s.startUs);

/**
 * The critical path of a trace, the way Jaeger UI computes it: from the end backwards, each span
 * is critical while none of its children runs; where one does, the path moves into the child that
 * finished last before that moment. Unlike Jaeger, children that outlive their parent are not
 * trimmed: in an event-sourced system the projections and handlers that run after the HTTP reply
 * (the eventual-consistency tail) are exactly what the learner should see costing time. The path
 * starts at the span that ends last. Iterative: deep traces do not overflow the stack.
 */
export function criticalPath(spans: readonly SpanRecord[], now = 0): CriticalSection[] {
  if (spans.length === 0) return [];
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const { children, roots } = childrenOf(spans);
  // Latest end first, as Jaeger sorts children.
  const byEnd = (a: SpanRecord, b: SpanRecord) => endOf(b, now) - endOf(a, now);
  for (const list of children.values()) list.sort(byEnd);
  roots.sort(byEnd);

  const path: CriticalSection[] = [];
  // The walk goes back in time, and no moment is on the path twice: each stretch ends at or
  // before the start of the one found after it. A span whose wrong parent (global mode) started
  // after it, or a later root's child that outlives it, would otherwise be counted over again.
  let frontier = Infinity;
  const push = (spanId: string, startUs: number, endUs: number) => {
    const end = Math.min(endUs, frontier);
    if (end > startUs) path.push({ spanId, startUs, endUs: end });
    frontier = Math.min(frontier, startUs);
  };
  // A trace with several roots (a broken one) is followed from the root that ends last, then
  // on through the earlier roots, as if one invisible root held them all.
  const visitedRoots = new Set<string>();
  let blockedAt: number | undefined;
  // Start where the trace ends: the span that finishes last, wherever it sits in the tree.
  let current: SpanRecord | undefined = spans.reduce((a, b) =>
    endOf(b, now) > endOf(a, now) ? b : a,
  );
  let guard = spans.length * 4 + 16;
  while (current && guard-- > 0) {
    // A child that started after its parent ended (an async consumer) leaves the parent at its end:
    // the wait in between is queueing, on no span.
    const end = Math.min(blockedAt ?? endOf(current, now), endOf(current, now), frontier);
    const limit = Math.min(blockedAt ?? Infinity, frontier);
    const kids: SpanRecord[] = children.get(current.spanId) ?? [];
    const last: SpanRecord | undefined = kids.find(
      (k) => limit === Infinity || endOf(k, now) < limit,
    );
    if (last && endOf(last, now) > current.startUs) {
      push(current.spanId, Math.min(endOf(last, now), end), end);
      current = last;
      blockedAt = undefined;
      continue;
    }
    push(current.spanId, current.startUs, end);
    const parent: SpanRecord | undefined = current.parentSpanId
      ? byId.get(current.parentSpanId)
      : undefined;
    if (parent && parent.spanId !== current.spanId) {
      blockedAt = current.startUs;
      current = parent;
      continue;
    }
    visitedRoots.add(current.spanId);
    const at: number = current.startUs;
    current = roots.find((r) => !visitedRoots.has(r.spanId) && endOf(r, now) <= at);
    blockedAt = undefined;
  }
  return path.reverse();
}

/** Critical time per span, summed over its sections. */
export function criticalBySpan(path: readonly CriticalSection[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of path) out.set(s.spanId, (out.get(s.spanId) ?? 0) + s.endUs - s.startUs);
  return out;
}

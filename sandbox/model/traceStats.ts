import { contextHopsOf } from './contextHopsOf.ts';
import { spanLabel } from './sameMessage.ts';
import type { SpanRecord } from './SpanRecord.ts';
import type { TraceBuffer, TraceInfo } from './TraceBuffer.ts';

/** Per service and operation, as Jaeger's "Trace Statistics" table: count, total and self time. */
export interface OpStats {
  service: string;
  name: string;
  count: number;
  totalUs: number;
  /** Time not covered by any child span (children's overlapping stretches counted once). */
  selfUs: number;
}

const endOf = (s: SpanRecord, now: number) => s.endUs ?? Math.max(now, s.startUs);

/** How long a span ran with none of its children running, within its own bounds. */
export function selfTime(span: SpanRecord, children: readonly SpanRecord[], now = 0): number {
  const start = span.startUs;
  const end = endOf(span, now);
  const cut = children
    .map((c) => [Math.max(start, c.startUs), Math.min(end, endOf(c, now))] as const)
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = start;
  for (const [a, b] of cut) {
    if (b <= reach) continue;
    covered += b - Math.max(a, reach);
    reach = b;
  }
  return Math.max(0, end - start - covered);
}

/** The statistics of one trace's spans, busiest (by total time) first. */
export function operationStats(spans: readonly SpanRecord[], now = 0): OpStats[] {
  const children = new Map<string, SpanRecord[]>();
  for (const s of spans) {
    if (!s.parentSpanId) continue;
    let list = children.get(s.parentSpanId);
    if (!list) children.set(s.parentSpanId, (list = []));
    list.push(s);
  }
  const rows = new Map<string, OpStats>();
  for (const s of spans) {
    const key = `${s.service}\u0000${s.name}`;
    let row = rows.get(key);
    if (!row)
      rows.set(key, (row = { service: s.service, name: s.name, count: 0, totalUs: 0, selfUs: 0 }));
    row.count++;
    row.totalUs += endOf(s, now) - s.startUs;
    row.selfUs += selfTime(s, children.get(s.spanId) ?? [], now);
  }
  return [...rows.values()].sort((a, b) => b.totalUs - a.totalUs);
}

/** What the whole run looks like: how many traces each request became, and where context broke. */
export interface RunStats {
  requests: number;
  /** Traces that hold spans of some request. */
  traces: number;
  /** Traces whose spans name no request (another backend's spans without a correlation id). */
  tracesWithoutRequest: number;
  /** Traces per request: the ideal is 1. */
  tracesPerRequest: { requestId: string; traces: number }[];
  /** Hops (sender > receiver) where context was cut or requests got mixed, with counts. */
  brokenHops: { from: string; to: string; cut: number; mixed: number }[];
}

/** `hops`: the run's contextHops; by default read from the buffer (contextHopsOf). */
export function runStats(buffer: TraceBuffer, hops = contextHopsOf(buffer)): RunStats {
  const tracesPerRequest = [...buffer.requests].map(([requestId, ids]) => ({
    requestId,
    traces: ids.size,
  }));
  const brokenHops = (
    hops.hops.length > 0
      ? hops.hops
          .filter((h) => h.counts.cut + h.counts.mixed > 0)
          .map((h) => ({ from: h.from, to: h.to, cut: h.counts.cut, mixed: h.counts.mixed }))
      : brokenHopsByName(buffer)
  ).sort((a, b) => b.cut + b.mixed - (a.cut + a.mixed));
  const inRequests = new Set<string>();
  for (const ids of buffer.requests.values()) for (const id of ids) inRequests.add(id);
  return {
    requests: buffer.requests.size,
    traces: inRequests.size,
    tracesWithoutRequest: buffer.traces.size - inRequests.size,
    tracesPerRequest,
    brokenHops,
  };
}

/**
 * Another backend's file records no processes or messages, so it has no hops to count: its
 * breaks are counted by span names instead, from the span before the break (the sender
 * sameMessage.ts found, or the wrong parent) to the span after it.
 */
function brokenHopsByName(buffer: TraceBuffer): RunStats['brokenHops'] {
  const rows = new Map<string, RunStats['brokenHops'][number]>();
  const count = (from: string, to: string, kind: 'cut' | 'mixed') => {
    const key = `${from}\u0000${to}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { from, to, cut: 0, mixed: 0 }));
    row[kind]++;
  };
  for (const [spanId, flags] of buffer.flags) {
    const span = buffer.spans.get(spanId);
    if (!span) continue;
    for (const flag of flags)
      if (flag.kind === 'new-trace')
        count(
          // Another handler of the same event is not where the context came from.
          flag.related && !flag.related.sibling ? flag.related.name : 'an unknown sender',
          spanLabel(span),
          'cut',
        );
      else if (flag.kind === 'cross-request' && span.parentSpanId)
        count(parentLabel(buffer, span.parentSpanId), spanLabel(span), 'mixed');
  }
  return [...rows.values()];
}

function parentLabel(buffer: TraceBuffer, parentId: string): string {
  const parent = buffer.spans.get(parentId);
  return parent ? spanLabel(parent) : 'an unknown parent';
}

export const traceSpans = (buffer: TraceBuffer, trace: TraceInfo) => buffer.spansOf(trace);

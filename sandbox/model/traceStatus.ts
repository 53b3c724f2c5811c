import { batchIndex, describeLost, type LostSpan } from './batches.ts';
import type { TraceBuffer, TraceInfo } from './TraceBuffer.ts';

/**
 * What a trace tells a learner at a glance:
 * - connected: one request, every hop carried;
 * - linked: a new trace by design, linked to its producer;
 * - broken: context was lost (here, or the request continues in another trace);
 * - orphan: a span whose parent was never recorded;
 * - mixed: requests mixed up: a parent from another request, a batch covering several requests,
 *   or a span lost into another request's batch.
 */
export type ReadStatus = 'connected' | 'linked' | 'broken' | 'orphan' | 'mixed';

export const READ_STATUSES: readonly ReadStatus[] = [
  'connected',
  'linked',
  'broken',
  'orphan',
  'mixed',
];

export interface TraceReading {
  status: ReadStatus;
  /** What the trace lost into other requests' batches. */
  lost: readonly LostSpan[];
  /** Batch spans in this trace that handled several requests: span id -> those requests. */
  batches: readonly { spanId: string; requests: readonly string[] }[];
  /** One sentence for why the status is not "connected", or '' when it is. */
  why: string;
}

const memo = new WeakMap<TraceInfo, { key: string; reading: TraceReading }>();

/** Reads a trace's status from its spans' flags and the run's batches. Memoized per version. */
export function readTrace(buffer: TraceBuffer, trace: TraceInfo): TraceReading {
  const index = batchIndex(buffer);
  const base = buffer.statusOf(trace);
  const lost = index.lostByTrace.get(trace.traceId) ?? [];
  // The base status depends on the request's other traces; key on it too.
  const key = `${trace.version}:${base}:${lost.length}:${index.batches.size}`;
  const hit = memo.get(trace);
  if (hit && hit.key === key) return hit.reading;

  let orphans = 0;
  let crossRequest = 0;
  const batches: { spanId: string; requests: readonly string[] }[] = [];
  for (const id of trace.spanIds) {
    for (const flag of buffer.flags.get(id) ?? []) {
      if (flag.kind === 'missing-parent') orphans++;
      else if (flag.kind === 'cross-request') crossRequest++;
    }
    const batch = index.batches.get(id);
    if (batch) batches.push({ spanId: id, requests: batch.requests });
  }
  let status: ReadStatus;
  let why = '';
  if (crossRequest > 0 || batches.length > 0 || lost.length > 0) {
    status = 'mixed';
    const parts: string[] = [];
    if (crossRequest > 0) parts.push(`${crossRequest} span(s) have a parent from another request`);
    for (const b of batches) parts.push(`one span handles ${b.requests.join(', ')} in one batch`);
    for (const l of lost) parts.push(describeLost(l));
    why = `${parts.join('; ')}.`;
  } else if (orphans > 0) {
    status = 'orphan';
    why = `${orphans} span(s) name a parent that was never recorded.`;
  } else if (base === 'broken') {
    status = 'broken';
    why = 'Context was lost: this request continues in another trace.';
  } else status = base;
  const reading: TraceReading = { status, lost, batches, why };
  memo.set(trace, { key, reading });
  return reading;
}

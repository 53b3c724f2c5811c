import { KIND_NAMES, type KindName, type SpanRecord } from './SpanRecord.ts';
import type { TraceBuffer, TraceInfo } from './TraceBuffer.ts';
import { readTrace, READ_STATUSES, type ReadStatus } from './traceStatus.ts';

/**
 * A trace filter, typed as a query like Jaeger's search form in one line:
 * `status:broken req:req-3 service:LabWorklist op:handle kind:consumer dur>2ms dur<1s key=value`,
 * and bare words that match a request id, a service, an operation or an attribute value.
 * Span terms (service, op, kind, key=value, words) must all hold for one span of the trace.
 */
export interface TraceQuery {
  statuses: ReadStatus[];
  requests: string[];
  minUs: number | null;
  maxUs: number | null;
  span: SpanTerms;
  /** Each problem with the query, in words; the rest of the query still applies. */
  errors: string[];
  /** The query as typed, trimmed: the cache key. */
  text: string;
}

export interface SpanTerms {
  services: string[];
  ops: string[];
  kinds: KindName[];
  attrs: { key: string; value: string }[];
  words: string[];
}

const UNITS: Record<string, number> = { us: 1, µs: 1, ms: 1000, s: 1_000_000 };

/** "2ms", "500us", "1.5s", "3" (milliseconds) to microseconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(us|µs|ms|s)?$/i.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * (UNITS[(m[2] ?? 'ms').toLowerCase()] ?? 1000);
}

export const EMPTY_QUERY: TraceQuery = parseQuery('');

export function parseQuery(input: string): TraceQuery {
  const q: TraceQuery = {
    statuses: [],
    requests: [],
    minUs: null,
    maxUs: null,
    span: { services: [], ops: [], kinds: [], attrs: [], words: [] },
    errors: [],
    text: input.trim(),
  };
  for (const token of q.text.split(/\s+/).filter(Boolean)) {
    const dur = /^(?:dur|duration)(>=?|<=?)(.+)$/i.exec(token);
    if (dur) {
      const us = parseDuration(dur[2] as string);
      if (us === null) q.errors.push(`"${dur[2]}" is not a duration (try 2ms, 500us or 1.5s).`);
      else if (dur[1]?.startsWith('>')) q.minUs = us;
      else q.maxUs = us;
      continue;
    }
    const eq = /^([^=:]+)=(.*)$/.exec(token);
    if (eq) {
      q.span.attrs.push({ key: eq[1] as string, value: eq[2] as string });
      continue;
    }
    const kv = /^(\w+):(.+)$/.exec(token);
    if (!kv) {
      q.span.words.push(token.toLowerCase());
      continue;
    }
    const key = (kv[1] as string).toLowerCase();
    const value = kv[2] as string;
    if (key === 'status') {
      const s = value.toLowerCase() as ReadStatus;
      if (READ_STATUSES.includes(s)) q.statuses.push(s);
      else q.errors.push(`status:${value}: a status is one of ${READ_STATUSES.join(', ')}.`);
    } else if (key === 'req' || key === 'request') q.requests.push(value);
    else if (key === 'service') q.span.services.push(value.toLowerCase());
    else if (key === 'op' || key === 'operation' || key === 'name')
      q.span.ops.push(value.toLowerCase());
    else if (key === 'kind') {
      const k = value.toUpperCase() as KindName;
      if (KIND_NAMES.includes(k)) q.span.kinds.push(k);
      else q.errors.push(`kind:${value}: a span kind is one of ${KIND_NAMES.join(', ')}.`);
    } else
      q.errors.push(
        `"${key}:" is not a filter; use status:, req:, service:, op:, kind:, dur>, dur< or key=value.`,
      );
  }
  return q;
}

export const hasSpanTerms = (t: SpanTerms): boolean =>
  t.services.length + t.ops.length + t.kinds.length + t.attrs.length + t.words.length > 0;

export const isEmptyQuery = (q: TraceQuery): boolean =>
  q.statuses.length === 0 &&
  q.requests.length === 0 &&
  q.minUs === null &&
  q.maxUs === null &&
  !hasSpanTerms(q.span);

/** Whether one span satisfies every span term (case-insensitive substrings; key=value exact). */
export function spanMatches(span: SpanRecord, t: SpanTerms): boolean {
  const service = span.service.toLowerCase();
  const name = span.name.toLowerCase();
  if (!t.services.every((s) => service.includes(s))) return false;
  if (!t.ops.every((o) => name.includes(o))) return false;
  if (t.kinds.length > 0 && !t.kinds.includes(span.kind)) return false;
  for (const { key, value } of t.attrs) {
    const v = span.attributes[key] ?? span.resource[key];
    if (v === undefined) return false;
    const values = Array.isArray(v) ? v.map(String) : [String(v)];
    if (!values.includes(value)) return false;
  }
  for (const word of t.words) {
    if (service.includes(word) || name.includes(word)) continue;
    if (span.requestId.toLowerCase().includes(word) || span.spanId.startsWith(word)) continue;
    if (Object.values(span.attributes).some((v) => String(v).toLowerCase().includes(word)))
      continue;
    return false;
  }
  return true;
}

const memo = new WeakMap<TraceInfo, { key: string; match: boolean }>();

/** Whether a trace passes the query. Memoized per trace version and query text. */
export function traceMatches(buffer: TraceBuffer, trace: TraceInfo, q: TraceQuery, now: number) {
  if (isEmptyQuery(q)) return true;
  const open = trace.open > 0;
  const duration = (open ? Math.max(trace.endUs, now) : trace.endUs) - trace.startUs;
  if (q.minUs !== null && duration < q.minUs) return false;
  if (q.maxUs !== null && duration > q.maxUs) return false;
  if (q.statuses.length > 0 && !q.statuses.includes(readTrace(buffer, trace).status)) return false;
  if (q.requests.length > 0 && !q.requests.some((r) => trace.requestIds.has(r))) return false;
  if (!hasSpanTerms(q.span)) return true;
  const key = `${q.text}@${trace.version}`;
  const hit = memo.get(trace);
  if (hit && hit.key === key) return hit.match;
  let match = false;
  for (const id of trace.spanIds) {
    const span = buffer.spans.get(id);
    if (span && spanMatches(span, q.span)) {
      match = true;
      break;
    }
  }
  memo.set(trace, { key, match });
  return match;
}

const listMemo = new WeakMap<TraceBuffer, { key: string; traces: TraceInfo[] }>();

/**
 * The traces that pass the query, in arrival order. Cached per buffer version and query, so the
 * list, the problem navigator and the shortcuts share one pass per frame.
 */
export function filterTraces(buffer: TraceBuffer, q: TraceQuery, now: number): TraceInfo[] {
  const timed = q.minUs !== null || q.maxUs !== null;
  const key = `${buffer.version}|${q.text}|${timed ? now : ''}`;
  const hit = listMemo.get(buffer);
  if (hit && hit.key === key) return hit.traces;
  const traces: TraceInfo[] = [];
  for (const trace of buffer.traces.values())
    if (traceMatches(buffer, trace, q, now)) traces.push(trace);
  listMemo.set(buffer, { key, traces });
  return traces;
}

const queryMemo = new Map<string, TraceQuery>();

/** parseQuery, remembered for the last few queries typed. */
export function queryOf(text: string): TraceQuery {
  let q = queryMemo.get(text);
  if (!q) {
    if (queryMemo.size > 32) queryMemo.clear();
    queryMemo.set(text, (q = parseQuery(text)));
  }
  return q;
}

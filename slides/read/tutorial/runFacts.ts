import type { SpanRecord } from '../../../sandbox/model/SpanRecord.ts';
import type { TraceBuffer, TraceInfo } from '../../../sandbox/model/TraceBuffer.ts';

/**
 * What a reader's run of a scene produced, read from the scene's own buffer: the numbers the
 * tutorial quotes back ("your request became 17 traces"). Pure: the same spans give the same facts.
 */
export interface RunFacts {
  seed: number;
  requests: number;
  traces: number;
  spans: number;
  /** Traces by status, as the trace list marks them. */
  broken: number;
  linked: number;
  connected: number;
  /** From the first span's start to the last span's end, in ms (virtual time). */
  durationMs: number;
  /** The first trace of the run: its root span's name, span count and length. */
  first?: { traceId: string; root: string; spans: number; durationMs: number; names: string[] };
  /** The earliest span that started a new trace although its request was already traced. */
  firstBreak?: BreakFact;
  /** Every span whose parent belongs to another request (a shared "current span"). */
  mixed: MixFact[];
  /** Traces whose root starts with a link to the producer, by design. */
  linkedRoots: LinkFact[];
  /** The first W3C traceparent a message carried, taken apart. */
  traceparent?: TraceparentFact;
  /** Distinct services (OpenTelemetry service.name) that took part. */
  services: string[];
}

export interface BreakFact {
  span: string;
  service: string;
  from: string;
  to: string;
  message: string;
  /** Spans in the trace that started there. */
  spansAfter: number;
}

export interface MixFact {
  span: string;
  request: string;
  parent: string;
  parentRequest: string;
}

export interface LinkFact {
  span: string;
  service: string;
  linkedSpan: string;
  linkedTrace: string;
}

export interface TraceparentFact {
  value: string;
  version: string;
  traceId: string;
  parentId: string;
  flags: string;
  sampled: boolean;
  /** The message that carried it ("command PlaceLabOrder"), from where to where. */
  message: string;
  from: string;
  to: string;
  /** The span whose id is the parent id: the sender's span. */
  parentSpan?: string;
  /** The span the receiver started as its child. */
  childSpan: string;
}

const ms = (us: number) => Math.round(us / 10) / 100;

export function runFacts(buffer: TraceBuffer, seed: number): RunFacts {
  const spans = [...buffer.spans.values()];
  const traces = [...buffer.traces.values()];
  const count = { broken: 0, linked: 0, connected: 0 };
  for (const t of traces) count[buffer.statusOf(t)]++;
  const start = Math.min(...spans.map((s) => s.startUs));
  const end = Math.max(...spans.map((s) => s.endUs ?? s.startUs));
  const byStart = [...spans].sort((a, b) => a.startUs - b.startUs);

  let firstBreak: BreakFact | undefined;
  const mixed: MixFact[] = [];
  const linkedRoots: LinkFact[] = [];
  for (const span of byStart) {
    for (const flag of buffer.flags.get(span.spanId) ?? []) {
      if (flag.kind === 'new-trace' && !firstBreak) {
        const trace = buffer.traces.get(span.traceId);
        firstBreak = {
          span: span.name,
          service: span.service,
          from: span.message?.fromNode ?? 'another process',
          to: span.message?.toNode ?? span.service,
          message: span.message?.summary ?? 'a message',
          spansAfter: trace?.spanIds.length ?? 1,
        };
      }
      if (flag.kind === 'cross-request') {
        const parent = span.parentSpanId ? buffer.spans.get(span.parentSpanId) : undefined;
        mixed.push({
          span: span.name,
          request: span.requestId,
          parent: parent?.name ?? '?',
          parentRequest: parent?.requestId ?? '?',
        });
      }
      if (flag.kind === 'linked-root') {
        const link = span.links[0];
        linkedRoots.push({
          span: span.name,
          service: span.service,
          linkedSpan: link?.spanId ?? '',
          linkedTrace: link?.traceId ?? '',
        });
      }
    }
  }

  return {
    seed,
    requests: buffer.requests.size,
    traces: traces.length,
    spans: spans.length,
    ...count,
    durationMs: spans.length ? ms(end - start) : 0,
    first: traces[0] ? firstTrace(buffer, traces[0]) : undefined,
    firstBreak,
    mixed,
    linkedRoots,
    traceparent: firstTraceparent(buffer, byStart),
    services: [...new Set(spans.map((s) => s.service))],
  };
}

function firstTrace(buffer: TraceBuffer, trace: TraceInfo): RunFacts['first'] {
  const spans = buffer.spansOf(trace).sort((a, b) => a.startUs - b.startUs);
  return {
    traceId: trace.traceId,
    root: buffer.rootOf(trace)?.name ?? '?',
    spans: spans.length,
    durationMs: ms(trace.endUs - trace.startUs),
    names: spans.map((s) => s.name),
  };
}

/** A traceparent is `version-traceid-parentid-flags`, 2, 32, 16 and 2 hex digits. */
export function decodeTraceparent(
  value: string,
): Pick<TraceparentFact, 'version' | 'traceId' | 'parentId' | 'flags' | 'sampled'> | undefined {
  const m = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(value);
  if (!m) return undefined;
  const [, version = '', traceId = '', parentId = '', flags = ''] = m;
  return { version, traceId, parentId, flags, sampled: (parseInt(flags, 16) & 1) === 1 };
}

function firstTraceparent(
  buffer: TraceBuffer,
  byStart: readonly SpanRecord[],
): TraceparentFact | undefined {
  for (const span of byStart) {
    const value = span.message?.traceparent;
    const parts = value ? decodeTraceparent(value) : undefined;
    if (!value || !parts || !span.message) continue;
    return {
      value,
      ...parts,
      message: span.message.summary,
      from: span.message.fromNode ?? 'another process',
      to: span.message.toNode,
      parentSpan: buffer.spans.get(parts.parentId)?.name,
      childSpan: span.name,
    };
  }
  return undefined;
}

// The sandbox's own wording, so the tutorial quotes ids and counts as the scene shows them.
export { count, shortId } from '../../../sandbox/views/format.ts';

import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** The shape of a run's traces, as the CLI prints it and the tests assert it. */
export interface TraceSummary {
  spans: number;
  traces: number;
  requests: number;
  /** The mean number of traces a request's spans are spread over: 1 when each is connected. */
  tracesPerRequest: number;
  /** Root spans (no parent). */
  roots: number;
  /** Spans whose parent span belongs to a different simulated request. */
  crossRequestParents: number;
  /** Spans whose parent id points at no span in the set (not exported, not sampled, never ended). */
  missingParents: number;
  /** Per request: how many traces its spans are spread over. */
  tracesByRequest: Map<string, number>;
}

export const requestIdOf = (span: ReadableSpan): string =>
  String(span.attributes['sim.request.id'] ?? '');

/** Measures how connected a set of spans is, using the simulator's ground-truth request ids. */
export function summarizeTraces(spans: readonly ReadableSpan[]): TraceSummary {
  const byId = new Map<string, ReadableSpan>();
  for (const span of spans) byId.set(span.spanContext().spanId, span);
  const traces = new Set<string>();
  const traceSetsByRequest = new Map<string, Set<string>>();
  let roots = 0;
  let crossRequestParents = 0;
  let missingParents = 0;
  for (const span of spans) {
    const { traceId } = span.spanContext();
    traces.add(traceId);
    const request = requestIdOf(span);
    let set = traceSetsByRequest.get(request);
    if (!set) traceSetsByRequest.set(request, (set = new Set()));
    set.add(traceId);
    const parentId = span.parentSpanContext?.spanId;
    if (!parentId) {
      roots++;
      continue;
    }
    const parent = byId.get(parentId);
    if (!parent) missingParents++;
    else if (requestIdOf(parent) !== request) crossRequestParents++;
  }
  const tracesByRequest = new Map<string, number>();
  let spread = 0;
  for (const [request, set] of traceSetsByRequest) {
    tracesByRequest.set(request, set.size);
    spread += set.size;
  }
  const requests = traceSetsByRequest.size;
  return {
    spans: spans.length,
    traces: traces.size,
    requests,
    tracesPerRequest: requests === 0 ? 0 : spread / requests,
    roots,
    crossRequestParents,
    missingParents,
    tracesByRequest,
  };
}

/** The CLI's one-line summary. */
export function formatSummary(s: TraceSummary, lingering?: number): string {
  const parts = [
    `spans=${s.spans}`,
    `traces=${s.traces}`,
    `requests=${s.requests}`,
    `traces_per_request=${s.tracesPerRequest.toFixed(2)}`,
    `cross_request_parents=${s.crossRequestParents}`,
  ];
  if (s.missingParents > 0) parts.push(`missing_parents=${s.missingParents}`);
  if (lingering !== undefined && lingering > 0) parts.push(`lingering_global_entries=${lingering}`);
  return parts.join(' ');
}

import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { requestIdOf, type TraceSummary } from '../telemetry/traceSummary.ts';

interface RequestState {
  traces: Set<string>;
  /** Span ids started in this request, forgotten with it. */
  spans: string[];
  /** Ended spans' parent ids, checked when the request leaves the window. */
  parents: string[];
}

interface SpanState {
  request: string;
  ended: boolean;
}

/**
 * The CLI's summary (traceSummary.ts) computed while spans stream past, in bounded memory: a run of
 * a million requests cannot keep its spans. It remembers the requests of a sliding window (the
 * last `window` requests to start) and settles each request's figures as it leaves the window.
 * The figures equal summarizeTraces' whenever no span's parent, and no trace, reaches back more
 * than `window` requests; in the simulation a request reaches at most the requests in flight with
 * it, and the CLI's window is ten times those.
 */
export class StreamingSummary {
  private readonly requests = new Map<string, RequestState>();
  private readonly spans = new Map<string, SpanState>();
  /** Traces seen in the window, with the number of window requests that hold each. */
  private readonly traceRefs = new Map<string, number>();
  /**
   * Span ids of requests settled but still remembered for one more window: a younger request's
   * span may have a parent in them (global mode borrows a concurrent request's context).
   */
  private readonly retired: string[][] = [];
  private spanCount = 0;
  private traceCount = 0;
  private requestCount = 0;
  private spread = 0;
  private roots = 0;
  private crossRequestParents = 0;
  private missingParents = 0;

  constructor(private readonly window: number) {}

  onStart(span: ReadableSpan): void {
    const request = this.request(requestIdOf(span));
    const { spanId } = span.spanContext();
    this.spans.set(spanId, { request: requestIdOf(span), ended: false });
    request.spans.push(spanId);
  }

  onEnd(span: ReadableSpan): void {
    const id = requestIdOf(span);
    const request = this.request(id);
    const { traceId, spanId } = span.spanContext();
    const own = this.spans.get(spanId);
    if (own) own.ended = true;
    this.spanCount++;
    if (!request.traces.has(traceId)) {
      request.traces.add(traceId);
      const refs = this.traceRefs.get(traceId) ?? 0;
      if (refs === 0) this.traceCount++;
      this.traceRefs.set(traceId, refs + 1);
    }
    const parentId = span.parentSpanContext?.spanId;
    if (!parentId) this.roots++;
    else request.parents.push(parentId);
  }

  /** The figures so far, with every request settled (call once the run is over). */
  finish(): TraceSummary {
    while (this.requests.size > 0) this.settleOldest();
    return {
      spans: this.spanCount,
      traces: this.traceCount,
      requests: this.requestCount,
      tracesPerRequest: this.requestCount === 0 ? 0 : this.spread / this.requestCount,
      roots: this.roots,
      crossRequestParents: this.crossRequestParents,
      missingParents: this.missingParents,
      // Per-request detail is what a streaming run cannot keep.
      tracesByRequest: new Map(),
    };
  }

  private request(id: string): RequestState {
    let state = this.requests.get(id);
    if (state) return state;
    state = { traces: new Set(), spans: [], parents: [] };
    this.requests.set(id, state);
    if (this.requests.size > this.window) this.settleOldest();
    return state;
  }

  /** Counts the oldest request's figures and retires it. */
  private settleOldest(): void {
    const [id, state] = this.requests.entries().next().value as [string, RequestState];
    for (const parentId of state.parents) {
      const parent = this.spans.get(parentId);
      if (!parent || !parent.ended) this.missingParents++;
      else if (parent.request !== id) this.crossRequestParents++;
    }
    // Only requests that ended a span count, as in summarizeTraces.
    if (state.traces.size > 0) {
      this.requestCount++;
      this.spread += state.traces.size;
    }
    for (const traceId of state.traces) {
      const refs = (this.traceRefs.get(traceId) ?? 1) - 1;
      if (refs === 0) this.traceRefs.delete(traceId);
      else this.traceRefs.set(traceId, refs);
    }
    this.requests.delete(id);
    this.retired.push(state.spans);
    if (this.retired.length > this.window)
      for (const spanId of this.retired.shift() ?? []) this.spans.delete(spanId);
  }
}

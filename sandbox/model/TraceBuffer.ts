import type { SpanRecord } from './SpanRecord.ts';
import { explainSpan, type SpanFlag } from './explainSpan.ts';
import { RecentIds } from './RecentIds.ts';
import { MessageIndex } from './sameMessage.ts';

/** One trace as the list shows it; mutated in place as spans arrive. */
export interface TraceInfo {
  traceId: string;
  /** Order of arrival, used for the trace's colour. */
  index: number;
  spanIds: string[];
  rootSpanId?: string;
  startUs: number;
  /** Latest end among ended spans. */
  endUs: number;
  open: number;
  /** Spans with a breaking flag. */
  breaks: number;
  linkedRoot: boolean;
  requestIds: Set<string>;
  /** Bumped on every change, so views can memoize per trace. */
  version: number;
}

export type TraceStatus = 'connected' | 'linked' | 'broken';

/**
 * The spans a scene holds before it evicts. Main-thread cost per span streamed is the same at
 * 25,000, 50,000 and 100,000 held (npm run bench:ui -- --cap N): eviction no longer depends on
 * the cap. The heap does, about 0.8 KB per span held, and Compare runs two scenes: 50,000 keeps
 * a scene near 40 MiB.
 */
export const DEFAULT_SPAN_CAP = 50_000;

/**
 * Past the cap, eviction frees this share of it at once (down to 98% of the cap), instead of one
 * trace for every trace that arrives. A streaming scene then changes its oldest traces a few
 * times a second, not every frame, so the views above them (the trace list starts with the
 * oldest) can skip re-rendering in between. The cap itself is never exceeded.
 */
export const EVICTION_SLACK = 0.02;

/**
 * How many evicted traces a buffer remembers, so that their late spans are dropped instead of
 * starting a trace anew: streaming 5,000 spans/s in 37-span traces, the last 74 seconds' evictions.
 */
export const EVICTED_IDS_KEPT = 10_000;

/**
 * Every span the scene holds, indexed by span, trace and simulated request, with each span's
 * flags computed once when it arrives. Plain mutable data outside React: the views read it after
 * the once-per-frame revision bump. Beyond `cap` spans, whole traces are evicted, oldest first.
 */
export class TraceBuffer {
  readonly spans = new Map<string, SpanRecord>();
  readonly flags = new Map<string, SpanFlag[]>();
  readonly traces = new Map<string, TraceInfo>();
  /** Request id -> its trace ids, in order of appearance. */
  readonly requests = new Map<string, Set<string>>();
  evictedTraces = 0;
  /**
   * Recently evicted traces: late spans of theirs are dropped, not shown as new traces. Made at
   * the first eviction (most buffers never evict), with a fixed footprint from then on (see
   * RecentIds), so a stream's heap does not climb while it fills.
   */
  private evictedIds: RecentIds | null = null;
  evictedSpans = 0;
  /** Bumped on every change. */
  version = 0;
  private nextIndex = 0;
  /** The trace a person is looking at: eviction passes over it. */
  private pinned: string | null = null;
  /** Another backend's spans by the messages they record (sameMessage.ts). */
  private readonly messages = new MessageIndex();
  // Bound once: a span's arrival allocates no closure for a question rarely asked.
  private readonly holds = (span: SpanRecord) => this.spans.get(span.spanId) === span;
  private readonly findSameMessage = (span: SpanRecord) => this.messages.find(span, this.holds);

  constructor(public cap = DEFAULT_SPAN_CAP) {}

  get size(): number {
    return this.spans.size;
  }

  /** A span started (or arrived complete, from an import). */
  add(span: SpanRecord): void {
    // Only a span that would start a trace can belong to an evicted one: the fingerprint lookup
    // (several times a Map lookup's cost) runs once per trace, not once per span.
    if (!this.traces.has(span.traceId) && this.evictedIds?.has(span.traceId)) return;
    if (this.spans.has(span.spanId)) {
      this.update(span);
      return;
    }
    const parent = span.parentSpanId ? this.spans.get(span.parentSpanId) : undefined;
    const earlier = span.requestId ? this.requests.get(span.requestId) : undefined;
    const flags = explainSpan(span, {
      parent,
      earlierTraces: earlier ?? new Set(),
      sameMessage: this.findSameMessage,
    });
    this.spans.set(span.spanId, span);
    this.messages.add(span);
    if (flags.length > 0) this.flags.set(span.spanId, flags);

    let trace = this.traces.get(span.traceId);
    if (!trace) {
      trace = {
        traceId: span.traceId,
        index: this.nextIndex++,
        spanIds: [],
        startUs: span.startUs,
        endUs: span.startUs,
        open: 0,
        breaks: 0,
        linkedRoot: false,
        requestIds: new Set(),
        version: 0,
      };
      this.traces.set(span.traceId, trace);
    }
    trace.spanIds.push(span.spanId);
    trace.version++;
    if (span.endUs === null) trace.open++;
    else trace.endUs = Math.max(trace.endUs, span.endUs);
    trace.startUs = Math.min(trace.startUs, span.startUs);
    if (flags.some((f) => f.breaks)) trace.breaks++;
    if (!span.parentSpanId && !trace.rootSpanId) {
      trace.rootSpanId = span.spanId;
      trace.linkedRoot = flags.some((f) => f.kind === 'linked-root');
    }
    if (span.requestId) {
      trace.requestIds.add(span.requestId);
      let set = this.requests.get(span.requestId);
      if (!set) this.requests.set(span.requestId, (set = new Set()));
      set.add(span.traceId);
    }
    this.version++;
    this.evict();
  }

  /** A span ended, or changed (attributes set after start). */
  update(span: SpanRecord): void {
    const old = this.spans.get(span.spanId);
    if (!old) {
      this.add(span);
      return;
    }
    // The message the span started from was captured at start; keep it.
    this.spans.set(span.spanId, { ...span, message: span.message ?? old.message });
    const trace = this.traces.get(span.traceId);
    if (trace) {
      if (old.endUs === null && span.endUs !== null) trace.open--;
      if (span.endUs !== null) trace.endUs = Math.max(trace.endUs, span.endUs);
      trace.version++;
    }
    this.version++;
  }

  /**
   * Keeps one trace (the selected one) out of eviction, so the waterfall a person reads does not
   * vanish under a steady stream; null unpins.
   */
  pin(traceId: string | null): void {
    this.pinned = traceId;
  }

  /** The span a trace starts at: its root, or its earliest span when the root is missing. */
  rootOf(trace: TraceInfo): SpanRecord | undefined {
    if (trace.rootSpanId) return this.spans.get(trace.rootSpanId);
    let first: SpanRecord | undefined;
    for (const id of trace.spanIds) {
      const s = this.spans.get(id);
      if (s && (!first || s.startUs < first.startUs)) first = s;
    }
    return first;
  }

  /** Connected, linked by design, or broken (itself, or its request continues elsewhere). */
  statusOf(trace: TraceInfo): TraceStatus {
    if (trace.breaks > 0) return 'broken';
    for (const request of trace.requestIds) {
      for (const other of this.requests.get(request) ?? []) {
        const t = other === trace.traceId ? undefined : this.traces.get(other);
        if (t && t.breaks > 0) return 'broken';
      }
    }
    return trace.linkedRoot ? 'linked' : 'connected';
  }

  spansOf(trace: TraceInfo): SpanRecord[] {
    const out: SpanRecord[] = [];
    for (const id of trace.spanIds) {
      const s = this.spans.get(id);
      if (s) out.push(s);
    }
    return out;
  }

  clear(): void {
    this.spans.clear();
    this.flags.clear();
    this.traces.clear();
    this.requests.clear();
    this.evictedTraces = 0;
    this.evictedIds?.clear();
    this.evictedSpans = 0;
    this.nextIndex = 0;
    this.pinned = null;
    this.version++;
  }

  private evict(): void {
    if (this.spans.size <= this.cap) return;
    const target = Math.floor(this.cap * (1 - EVICTION_SLACK));
    // The last trace stays, however big: a view needs something to show.
    while (this.spans.size > target && this.traces.size > 1) {
      const oldest = this.oldestEvictable();
      if (!oldest) return; // only the pinned trace is left
      this.drop(oldest);
    }
  }

  /** The oldest finished, unpinned trace among the first 64; else the oldest unpinned one. */
  private oldestEvictable(): TraceInfo | undefined {
    let fallback: TraceInfo | undefined;
    let looked = 0;
    for (const t of this.traces.values()) {
      if (t.traceId === this.pinned) continue;
      fallback ??= t;
      if (t.open === 0) return t;
      if (++looked > 64) break;
    }
    return fallback;
  }

  private drop(trace: TraceInfo): void {
    this.traces.delete(trace.traceId);
    for (const id of trace.spanIds) {
      this.spans.delete(id);
      this.flags.delete(id);
    }
    for (const request of trace.requestIds) {
      const set = this.requests.get(request);
      set?.delete(trace.traceId);
      if (set && set.size === 0) this.requests.delete(request);
    }
    this.evictedTraces++;
    (this.evictedIds ??= new RecentIds(EVICTED_IDS_KEPT)).add(trace.traceId);
    this.evictedSpans += trace.spanIds.length;
  }
}

/** Loads complete spans (an import) in start order, so flags read as they would have live. */
export function bufferFrom(spans: readonly SpanRecord[], cap?: number): TraceBuffer {
  const buffer = new TraceBuffer(Math.max(cap ?? DEFAULT_SPAN_CAP, spans.length));
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const sorted = [...spans].sort((a, b) => a.startUs - b.startUs);
  // Parents first, even when a child starts in the same microsecond.
  const visit = (span: SpanRecord, depth: number): void => {
    if (buffer.spans.has(span.spanId)) return;
    const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
    if (parent && depth < 10_000) visit(parent, depth + 1);
    buffer.add(span);
  };
  for (const span of sorted) visit(span, 0);
  return buffer;
}

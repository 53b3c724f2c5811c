import { CLIENT_NODE } from './SceneRecorder.ts';
import type { SpanRecord } from './SpanRecord.ts';
import { simNodeOf } from './simAttributes.ts';
import type { TraceBuffer } from './TraceBuffer.ts';
import type { SpanFlag } from './explainSpan.ts';

/**
 * What happened to trace context on one process → process hop, worst first:
 * - `cut`: the receiving span started a new trace (the context never arrived, or was not read);
 * - `mixed`: the receiving span got a parent from another request;
 * - `linked`: a new trace by design, linked to the producer (links mode);
 * - `carried`: the receiving span continued the sender's trace.
 */
export type HopState = 'cut' | 'mixed' | 'linked' | 'carried';

const WORST: readonly HopState[] = ['cut', 'mixed', 'linked', 'carried'];

/** One topology edge as a run used it: how often context crossed it, and how. */
export interface HopMark {
  /** Topology node ids (see sandbox/core/topology.ts; the HTTP client is `Client`). */
  from: string;
  to: string;
  /** `from>to`, as `data-break-hop` and the layout's edges name it. */
  key: string;
  /** The worst that happened on this hop. */
  state: HopState;
  counts: Record<HopState, number>;
  /** A few words for the picture: "no trace context", "context carried", … */
  label: string;
  /** The first span that received a message over this hop in its worst state. */
  spanId: string;
  /** Virtual time that span started: hops sort by it. */
  atUs: number;
}

/** A span that was handed another request's span as its parent. */
export interface MixMark {
  spanId: string;
  traceId: string;
  name: string;
  /** The topology node the span ran on, when known. */
  node: string | undefined;
  /** The request the span works for. */
  requestId: string;
  /** The request its parent belongs to. */
  parentRequestId: string;
  /** "req-3 under req-2's span" */
  label: string;
}

/** The trace a person should look at first, and the span in it to select. */
export interface Focus {
  traceId: string;
  /** The first flagged span of that trace; absent when nothing in it is flagged. */
  spanId?: string;
  /** Why this trace: a break, a mix-up, a linked trace by design, or the connected request. */
  reason: 'cut' | 'mixed' | 'orphan' | 'linked' | 'batch' | 'connected';
  /** The selected span's explanation (explainSpan's sentence), when there is a span. */
  text?: string;
}

export interface ContextHops {
  /** Every hop a message carried a span's context over (or failed to), by time of first use. */
  hops: HopMark[];
  byKey: ReadonlyMap<string, HopMark>;
  /** The hop where context was first lost (the focus span's own hop when it has one). */
  breakHop: HopMark | undefined;
  mixes: MixMark[];
  focus: Focus | null;
  /**
   * Per topology node, the traces its spans went to, the latest last (at most NODE_TRACES): what
   * a box shows once its process is idle, so that after the run the picture still says whether
   * every box joined one trace or each started its own.
   */
  nodeTraces: ReadonlyMap<string, readonly string[]>;
}

/** The traces a node remembers: a box has room for a few rows, and a long run makes thousands. */
export const NODE_TRACES = 8;

export interface ContextHopsOptions {
  /** The topology node of an Erlang pid (`elixir.process`), for spans that received no message. */
  nodeOfPid?: (pid: string) => string | undefined;
  /** Read only these spans (one trace's graph); by default every span of the buffer. */
  spans?: Iterable<SpanRecord>;
}

const LABELS: Record<HopState, string> = {
  cut: 'no trace context',
  mixed: 'requests mixed',
  linked: 'new trace, linked',
  carried: 'context carried',
};

/** The label of a cut hop says whether the context travelled and was not read. */
function cutLabel(span: SpanRecord, flags: readonly SpanFlag[]): string {
  if (flags.some((f) => f.kind === 'missing-parent')) return 'parent never recorded';
  if (span.message?.traceparent || span.attributes['sim.context.carried'] === true)
    return 'context not read';
  return LABELS.cut;
}

/** How a span's context arrived, when it arrived by a message; undefined when it did not. */
export function hopStateOf(span: SpanRecord, flags: readonly SpanFlag[]): HopState | undefined {
  if (flags.some((f) => f.kind === 'cross-request')) return 'mixed';
  if (flags.some((f) => f.kind === 'new-trace' || f.kind === 'missing-parent')) return 'cut';
  if (flags.some((f) => f.kind === 'linked-root')) return 'linked';
  return span.parentSpanId ? 'carried' : 'cut';
}

const nodeName = (node: string | null | undefined): string | undefined =>
  node === 'the HTTP client' ? CLIENT_NODE : (node ?? undefined);

function nodeOf(span: SpanRecord, opts: ContextHopsOptions): string | undefined {
  if (span.message) return nodeName(span.message.toNode);
  // An imported run names its spans' nodes itself (simAttributes.ts); its pids may be the live
  // run's pids of other processes.
  const pid = span.attributes['elixir.process'];
  return (
    simNodeOf(span.attributes) ?? (typeof pid === 'string' ? opts.nodeOfPid?.(pid) : undefined)
  );
}

const NO_FLAGS: readonly SpanFlag[] = [];

/** The earliest span that breaks (or is noted), with the flag that says so, kept when read. */
interface Earliest {
  span: SpanRecord;
  flag: SpanFlag;
}

/**
 * Reads spans one at a time for where trace context crossed a process boundary, where it was
 * lost, and where two requests got mixed; `result` picks the trace and span to show first. One
 * pass, no sorting, so a large buffer can be read a slice per frame (contextHopsOf).
 */
export class HopsReader {
  private readonly byKey = new Map<string, HopMark>();
  private readonly mixes: MixMark[] = [];
  private readonly nodeTraces = new Map<string, string[]>();
  private firstBreak: Earliest | undefined;
  private firstNote: Earliest | undefined;

  constructor(
    private readonly buffer: TraceBuffer,
    private readonly opts: ContextHopsOptions = {},
  ) {}

  read(span: SpanRecord): void {
    this.readNode(span);
    const flags = this.buffer.flags.get(span.spanId) ?? NO_FLAGS;
    if (flags.length > 0) this.readFlags(span, flags);
    const from = nodeName(span.message?.fromNode);
    const to = nodeName(span.message?.toNode);
    if (!from || !to || !('sim.context.carried' in span.attributes)) return;
    const state = hopStateOf(span, flags) as HopState;
    const key = `${from}>${to}`;
    const hop = this.byKey.get(key);
    if (!hop) {
      this.byKey.set(key, {
        from,
        to,
        key,
        state,
        counts: { cut: 0, mixed: 0, linked: 0, carried: 0, [state]: 1 },
        label: state === 'cut' ? cutLabel(span, flags) : LABELS[state],
        spanId: span.spanId,
        atUs: span.startUs,
      });
      return;
    }
    if (WORST.indexOf(state) < WORST.indexOf(hop.state)) {
      hop.state = state;
      hop.label = state === 'cut' ? cutLabel(span, flags) : LABELS[state];
      hop.spanId = span.spanId;
      hop.atUs = span.startUs;
    } else if (state === hop.state && span.startUs < hop.atUs) {
      hop.spanId = span.spanId;
      hop.atUs = span.startUs;
    }
    hop.counts[state]++;
  }

  /** Which trace the span's node worked in: moved to the end of the node's list. */
  private readNode(span: SpanRecord): void {
    const node = nodeOf(span, this.opts);
    if (!node) return;
    let traces = this.nodeTraces.get(node);
    if (!traces) this.nodeTraces.set(node, (traces = []));
    if (traces[traces.length - 1] === span.traceId) return;
    const at = traces.indexOf(span.traceId);
    if (at >= 0) traces.splice(at, 1);
    traces.push(span.traceId);
    if (traces.length > NODE_TRACES) traces.shift();
  }

  private readFlags(span: SpanRecord, flags: readonly SpanFlag[]): void {
    const breaking = flags.find((f) => f.breaks);
    if (breaking && (!this.firstBreak || span.startUs < this.firstBreak.span.startUs))
      this.firstBreak = { span, flag: breaking };
    const noted =
      flags.find((f) => f.kind === 'batch') ?? flags.find((f) => f.kind === 'linked-root');
    if (noted && (!this.firstNote || span.startUs < this.firstNote.span.startUs))
      this.firstNote = { span, flag: noted };
    if (!flags.some((f) => f.kind === 'cross-request')) return;
    const parent = span.parentSpanId ? this.buffer.spans.get(span.parentSpanId) : undefined;
    const parentRequestId = parent?.requestId ?? '';
    this.mixes.push({
      spanId: span.spanId,
      traceId: span.traceId,
      name: span.name,
      node: nodeOf(span, this.opts),
      requestId: span.requestId,
      parentRequestId,
      label: `${span.requestId} under ${parentRequestId}\u2019s span`,
    });
  }

  result(): ContextHops {
    const byKey = this.byKey;
    const hops = [...byKey.values()].sort((a, b) => a.atUs - b.atUs);
    const focus = pickFocus(this.buffer, this.firstBreak, this.firstNote);
    const focusSpan = this.firstBreak?.span ?? this.firstNote?.span;
    const ownHop =
      focus?.spanId && focusSpan?.message
        ? byKey.get(`${nodeName(focusSpan.message.fromNode)}>${nodeName(focusSpan.message.toNode)}`)
        : undefined;
    const breakHop =
      ownHop && ownHop.state === 'cut' ? ownHop : hops.find((h) => h.state === 'cut');
    return { hops, byKey, breakHop, mixes: this.mixes, focus, nodeTraces: this.nodeTraces };
  }
}

/**
 * Reads a run's spans for where trace context crossed a process boundary, where it was lost, and
 * where two requests got mixed, and picks the trace and span to show first. Pure; the sandbox's
 * topology, trace list and the slides' scenes all read the same answer.
 */
export function contextHops(buffer: TraceBuffer, opts: ContextHopsOptions = {}): ContextHops {
  const reader = new HopsReader(buffer, opts);
  for (const span of opts.spans ?? buffer.spans.values()) reader.read(span);
  return reader.result();
}

/**
 * The trace that matters: the one holding the run's first breaking span (for a mixed-up global
 * run, the trace a request's span wrongly joined, not the connected one); else the first span
 * that is new or linked by design; else the biggest trace of the first request, whole.
 */
function pickFocus(
  buffer: TraceBuffer,
  firstBreak: Earliest | undefined,
  firstNote: Earliest | undefined,
): Focus | null {
  if (firstBreak) {
    const { span, flag } = firstBreak;
    const reason =
      flag.kind === 'cross-request' ? 'mixed' : flag.kind === 'missing-parent' ? 'orphan' : 'cut';
    return { traceId: span.traceId, spanId: span.spanId, reason, text: flag.text };
  }
  if (firstNote) {
    const { span, flag } = firstNote;
    const reason = flag.kind === 'batch' ? 'batch' : 'linked';
    return { traceId: span.traceId, spanId: span.spanId, reason, text: flag.text };
  }
  let best: { traceId: string; size: number } | null = null;
  for (const trace of buffer.traces.values()) {
    const size = trace.spanIds.length;
    if (!best || size > best.size) best = { traceId: trace.traceId, size };
  }
  return best ? { traceId: best.traceId, reason: 'connected' } : null;
}

import { nodeLabel } from '../core/topology.ts';
import { shortRequest } from './requestOf.ts';
import { spanLabel, type SameMessage } from './sameMessage.ts';
import type { SpanRecord } from './SpanRecord.ts';

/**
 * Why a span looks the way it does. `breaks` mark lost or wrong context; the others explain
 * what is there on purpose (links, batches).
 */
export type SpanFlagKind =
  'new-trace' | 'cross-request' | 'missing-parent' | 'linked-root' | 'batch';

export interface SpanFlag {
  kind: SpanFlagKind;
  /** A break in propagation, as opposed to a note. */
  breaks: boolean;
  /** One plain sentence, shown where the break happens. */
  text: string;
  /**
   * The span at the other end of the break, when it is known: the view offers to show it. A
   * `sibling` is another receiver of the same event, not the span the context came from.
   */
  related?: { spanId: string; traceId: string; name: string; sibling?: boolean };
}

export interface ExplainContext {
  /** The parent span, when it is known. */
  parent?: SpanRecord;
  /** Traces the span's request already had before this span started. */
  earlierTraces: ReadonlySet<string>;
  /**
   * The span of an earlier trace that recorded the same message, for another backend's spans
   * (which say nothing of their messages' metadata); asked only of a span that lost its context.
   */
  sameMessage?: (span: SpanRecord) => SameMessage | undefined;
}

const short = (id: string) => id.slice(0, 8);

/** Explains one span from its parent and its request's earlier traces. Pure. */
export function explainSpan(span: SpanRecord, ctx: ExplainContext): SpanFlag[] {
  const flags: SpanFlag[] = [];
  const carried = span.attributes['sim.context.carried'];
  if (!span.parentSpanId) {
    const otherTraces = [...ctx.earlierTraces].filter((t) => t !== span.traceId);
    // A real backend's spans say nothing of carrying (`sim.context.carried` is the simulator's):
    // there, a root with links is linked on purpose too.
    if (span.links.length > 0 && carried !== false) {
      const link = span.links[0];
      flags.push({
        kind: 'linked-root',
        breaks: false,
        text: `New trace by design: this consumer starts its own trace and links to the producer span ${short(link?.spanId ?? '')} in trace ${short(link?.traceId ?? '')}.`,
      });
    } else if (span.requestId && otherTraces.length > 0) {
      // Named as the topology names it: the learner sees "Phoenix request", not RequestProcess.
      const fromNode = span.message?.fromNode;
      const from = fromNode ? `the ${nodeLabel(fromNode)}` : undefined;
      const text = span.message?.traceparent
        ? `New trace started here: the message from ${from ?? 'its sender'} carried trace context in its metadata, but the handler did not read it.`
        : from
          ? `New trace started here: the message from ${from} carried no trace context.`
          : carried === false
            ? `New trace started here: the message that reached ${span.service} carried no trace context.`
            : span.attributes['sim.request.id'] === undefined
              ? undefined
              : `New trace started here, although request ${span.requestId} is already traced in ${otherTraces.length} other trace(s).`;
      flags.push(
        text
          ? { kind: 'new-trace', breaks: true, text }
          : foreignNewTrace(span, otherTraces.length, ctx.sameMessage?.(span)),
      );
    }
  } else if (!ctx.parent) {
    flags.push({
      kind: 'missing-parent',
      breaks: true,
      text: `Orphan: the parent span ${short(span.parentSpanId)} was never recorded (not sampled, never ended or never exported).`,
    });
  } else if (span.requestId && ctx.parent.requestId && ctx.parent.requestId !== span.requestId) {
    flags.push({
      kind: 'cross-request',
      breaks: true,
      text: `Wrong parent: this span works for ${span.requestId}, but its parent "${ctx.parent.name}" belongs to ${ctx.parent.requestId}. A shared "current span" handed it another request's span.`,
    });
  }
  const batch = span.attributes['messaging.batch.message_count'];
  if (typeof batch === 'number' && batch > 1) {
    const ids = span.attributes['sim.batch.request_ids'];
    const requests = Array.isArray(ids) ? new Set(ids).size : undefined;
    flags.push({
      kind: 'batch',
      breaks: false,
      text: `One span for a batch of ${batch} messages${requests ? ` from ${requests} request(s)` : ''}: it can have one parent only${span.links.length > 0 ? `, so it links to all ${span.links.length} producers` : ', the first message\u2019s; the others are lost unless linked'}.`,
    });
  }
  return flags;
}

/**
 * A real backend's span that started a new trace in a request already traced: read by its
 * correlation id, and, where an earlier trace recorded the same message, pinned to the hop.
 */
function foreignNewTrace(span: SpanRecord, others: number, same?: SameMessage): SpanFlag {
  const lead = `New trace started here, although its correlation id ${short(span.requestId)}… is already traced in ${others} other trace(s)`;
  if (!same)
    return {
      kind: 'new-trace',
      breaks: true,
      text: `${lead}: the context did not reach this span.`,
    };
  const other = same.span;
  const name = spanLabel(other);
  const message = `${same.what} (${same.key} ${shortRequest(same.value)})`;
  const text = !same.sibling
    ? `${lead}. The same ${message} is in trace ${short(other.traceId)}, at ${name}: the context was lost between that span and this one. The message\u2019s metadata did not carry it, or this handler did not read it.`
    : other.parentSpanId
      ? // Another handler of the same event continued the trace: the event carried the context.
        `${lead}. The same ${message} also reached ${name} in trace ${short(other.traceId)}, which continued the request\u2019s trace: the event\u2019s metadata carried the context, and this handler did not read it.`
      : // Both handlers started traces of their own: the event itself came without context.
        `${lead}. The same ${message} also reached ${name}, which started a trace of its own (${short(other.traceId)}) too: the event carried no context, so it was lost before the event was written.`;
  return {
    kind: 'new-trace',
    breaks: true,
    text,
    related: {
      spanId: other.spanId,
      traceId: other.traceId,
      name,
      ...(same.sibling ? { sibling: true } : {}),
    },
  };
}

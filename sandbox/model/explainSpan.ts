import { nodeLabel } from '../core/topology.ts';
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
}

export interface ExplainContext {
  /** The parent span, when it is known. */
  parent?: SpanRecord;
  /** Traces the span's request already had before this span started. */
  earlierTraces: ReadonlySet<string>;
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
              ? `New trace started here, although its correlation id ${short(span.requestId)}… is already traced in ${otherTraces.length} other trace(s): the context did not reach this span.`
              : `New trace started here, although request ${span.requestId} is already traced in ${otherTraces.length} other trace(s).`;
      flags.push({ kind: 'new-trace', breaks: true, text });
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

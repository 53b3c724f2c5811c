import { ROOT_CONTEXT, trace, type Context, type Link, type Span } from '@opentelemetry/api';
import type { Metadata } from '../core/envelope.ts';
import { extractFrom, injectInto } from '../core/propagation/carrier.ts';
import { SeededIdGenerator } from '../telemetry/SeededIdGenerator.ts';
import { StreamingSpanProcessor } from '../telemetry/StreamingSpanProcessor.ts';
import { toHrTime } from '../telemetry/simTime.ts';
import { createTracers } from '../telemetry/tracerProviders.ts';
import type { SpanShape } from './shape.ts';

/**
 * The same spans, parents and attributes as `requests` simulated requests, straight through the
 * SDK: no processes, no messages, no scheduler. What the simulation's speed is measured against.
 *
 * With `propagate`, every parent that ran in another process reaches its child through a W3C
 * carrier, injected and extracted with the propagator the simulation uses (`carrier.ts`): the
 * work metadata and links modes must do at each hop, and nothing else. Its rate is the most a
 * propagating mode could reach if the simulation itself cost nothing.
 */
export function bareSpansPerSecond(
  shape: readonly SpanShape[],
  requests: number,
  propagate = false,
): number {
  let ended = 0;
  const tracers = createTracers({
    idGenerator: new SeededIdGenerator(1),
    processor: new StreamingSpanProcessor((phase) => {
      if (phase === 'end') ended++;
    }),
    unsampledParent: false,
  });
  const t0 = performance.now();
  let us = 0;
  for (let r = 0; r < requests; r++) {
    const contexts: Context[] = [];
    const spans: Span[] = [];
    for (const s of shape) {
      let parent = s.parent >= 0 ? (contexts[s.parent] as Context) : ROOT_CONTEXT;
      if (propagate && s.hop) {
        const metadata: Metadata = {};
        injectInto(parent, metadata);
        parent = extractFrom(metadata) ?? ROOT_CONTEXT;
      }
      const links: Link[] =
        s.links > 0
          ? [
              {
                context: trace.getSpanContext(parent) ?? {
                  traceId: '0',
                  spanId: '0',
                  traceFlags: 1,
                },
              },
            ]
          : [];
      const span = tracers[s.service].startSpan(
        s.name,
        { kind: s.kind, attributes: s.attributes, links, startTime: toHrTime(us++) },
        parent,
      );
      spans.push(span);
      contexts.push(trace.setSpan(parent, span));
    }
    for (let i = spans.length - 1; i >= 0; i--) (spans[i] as Span).end(toHrTime(us++));
  }
  const seconds = (performance.now() - t0) / 1000;
  if (ended !== shape.length * requests) throw new Error('bare loop lost spans');
  return ended / seconds;
}

/** Process hops per request in a shape: where a propagating mode injects and extracts. */
export function hopsOf(shape: readonly SpanShape[]): number {
  return shape.filter((s) => s.hop).length;
}

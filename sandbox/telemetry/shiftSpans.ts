import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { TimeShift } from './simTime.ts';

/**
 * Spans as the serializer should see them, their times moved by `shift` (to wall-clock time).
 * The SDK's spans stay untouched: a thin view per span, read once by the serializer.
 */
export function shiftSpans(
  spans: readonly ReadableSpan[],
  shift: TimeShift | null,
): ReadableSpan[] {
  if (!shift) return spans as ReadableSpan[];
  return spans.map((s) => ({
    name: s.name,
    kind: s.kind,
    spanContext: () => s.spanContext(),
    parentSpanContext: s.parentSpanContext,
    startTime: shift(s.startTime),
    endTime: shift(s.endTime),
    status: s.status,
    attributes: s.attributes,
    links: s.links,
    events: s.events.map((e) => ({ ...e, time: shift(e.time) })),
    duration: s.duration,
    ended: s.ended,
    resource: s.resource,
    instrumentationScope: s.instrumentationScope,
    droppedAttributesCount: s.droppedAttributesCount,
    droppedEventsCount: s.droppedEventsCount,
    droppedLinksCount: s.droppedLinksCount,
  }));
}

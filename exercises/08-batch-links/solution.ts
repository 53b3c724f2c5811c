// Exercise 8: projections, child or link?
//
// LabWorklistProjection now handles events in batches: one span
// for several events, which came from several requests. A span
// has one parent, so which one? None: the batch span starts a
// trace of its own and links to every event's producer, as
// OpenTelemetry's messaging conventions recommend. Return one
// link per event.
import { ROOT_CONTEXT, propagation, trace, type Link } from '@opentelemetry/api';
import type { EventEnvelope, ProcessApi } from '../lib/types.ts';

export function batchLinks(events: readonly EventEnvelope[], api: ProcessApi): Link[] {
  const links: Link[] = [];
  for (const event of events) {
    const carrier = (event.metadata.trace_ctx ?? {}) as Record<string, string>;
    const producer = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, carrier));
    if (producer)
      links.push({ context: producer, attributes: { 'messaging.message.id': event.eventId } });
  }
  return links;
}

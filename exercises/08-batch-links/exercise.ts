// Exercise 8: projections, child or link?
//
// LabWorklistProjection now handles events in batches: one span for several events, which
// came from several requests. A span has one parent, so which one? None: the batch span starts
// a trace of its own and links to every event's producer, as OpenTelemetry's messaging
// conventions recommend. Return one link per event.
import { ROOT_CONTEXT, propagation, trace, type Link } from '@opentelemetry/api';
import type { EventEnvelope, ProcessApi } from '../lib/types.ts';

export function batchLinks(events: readonly EventEnvelope[], api: ProcessApi): Link[] {
  // Your code here: for each event, extract event.metadata.trace_ctx, take its span context
  // (trace.getSpanContext) and return it as a link: { context, attributes? }.
  return [];
}

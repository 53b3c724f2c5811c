// Exercise 4: extract.
//
// Every command and event now carries `metadata.trace_ctx`.
// When a process starts handling one (the router, an aggregate,
// the event store, a projection, the process manager), it asks
// you which context to continue from. Read the carrier back
// with OpenTelemetry's propagator.
import { ROOT_CONTEXT, propagation, type Context } from '@opentelemetry/api';
import type { Metadata, ProcessApi } from '../lib/types.ts';

export function extractContext(metadata: Metadata, api: ProcessApi): Context {
  const carrier = (metadata.trace_ctx ?? {}) as Record<string, string>;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

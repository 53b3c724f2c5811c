// Exercise 3: inject.
//
// Otter has no carriers, so Alexander makes his own: a dispatch
// middleware that writes the current trace context into the
// command's metadata before the command leaves the process. Use
// OpenTelemetry's propagator: it writes a W3C `traceparent`
// into a plain object.
import { context, propagation } from '@opentelemetry/api';
import type { CommandEnvelope, ProcessApi } from '../lib/types.ts';

export function beforeDispatch(command: CommandEnvelope, api: ProcessApi): void {
  // Your code here: the command is about to leave this process.
  // Write the current trace context into
  // command.metadata.trace_ctx, the key opentelemetry_commanded
  // uses.
}

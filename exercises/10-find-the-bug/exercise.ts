// Exercise 10: find the bug.
//
// This is the tracing code of the whole app, as a colleague
// left it: the dispatch middleware, the handlers' extraction,
// the handler that dispatches a follow-up command, and the SMS
// Task. Each piece looks reasonable. Yet the trace breaks at
// one hop. Run the check, read the trace (which span starts a
// new trace? in which process? handling what?), then find the
// code for that hop below and fix it. Change as little as you
// can.
import { ROOT_CONTEXT, context, propagation, type Context } from '@opentelemetry/api';
import type { CommandEnvelope, EventEnvelope, Metadata, ProcessApi } from '../lib/types.ts';

/**
 * The dispatch middleware: the current context rides in the
 * command's metadata.
 */
export function beforeDispatch(command: CommandEnvelope, api: ProcessApi): void {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  command.metadata.trace_ctx = carrier;
}

/**
 * Every handler continues from the context its message carries.
 */
export function extractContext(metadata: Metadata, api: ProcessApi): Context {
  const carrier = metadata.trace_ctx;
  if (!carrier || typeof carrier !== 'object') return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier as Record<string, string>);
}

// What a follow-up command may take from the event's metadata:
// stray keys stay out of the store.
const FORWARDED_KEYS = ['user_id', 'request_id', 'tenant'];

/**
 * NotificationHandler's follow-up command: caused by the event,
 * in the same conversation.
 */
export function copyToFollowUp(
  event: EventEnvelope,
  command: CommandEnvelope,
  api: ProcessApi,
): void {
  command.causationId = event.eventId;
  command.correlationId = event.correlationId;
  command.metadata = Object.fromEntries(
    Object.entries(event.metadata).filter(([key]) => FORWARDED_KEYS.includes(key)),
  );
}

/**
 * The SMS Task gets the handler's context and makes it its own.
 */
export const taskHandoff = {
  beforeStart(api: ProcessApi): unknown {
    return context.active();
  },
  inTask(handed: unknown, api: ProcessApi): void {
    api.attach(handed as Context);
  },
};

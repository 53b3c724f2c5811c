import type { Attrs } from './SpanRecord.ts';

/**
 * Attributes that say which request a span worked for, most specific first: the simulator's
 * ground truth, then the correlation id Commanded gives every command and event of one request
 * (the messaging conventions' conversation id, as the sandbox and newer instrumentation write it,
 * then as opentelemetry_commanded writes it today).
 *
 * With it, an imported trace from a real Commanded backend is read like a simulated one: a
 * consumer that starts a new trace for a conversation already traced elsewhere is where context
 * was lost. Spans without any of these (an HTTP server span, a database call) belong to no known
 * request, and are judged by their parents alone.
 */
export const REQUEST_KEYS = [
  'sim.request.id',
  'messaging.message.conversation_id',
  'messaging.conversation_id',
  'commanded.correlation_id',
] as const;

/** The request a span's attributes name, or '' when they name none. */
export function requestOf(attributes: Attrs): string {
  for (const key of REQUEST_KEYS) {
    const value = attributes[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return '';
}

/**
 * A request (or any long id) as a trace row names it: the simulator's `req-12` whole, a
 * correlation id from a real backend (a UUID) by its first 8 digits, which keep rows apart as
 * well as the whole would.
 */
export const shortRequest = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

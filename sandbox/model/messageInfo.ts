import type { MessageInfo } from './SpanRecord.ts';

interface EnvelopeLike {
  from: string | null;
  to: string;
  body: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The metadata a simulated message carries: a command's or event's, a batch's first, a task's. */
export function metadataOf(body: unknown): Obj | undefined {
  if (!isObj(body)) return undefined;
  if (isObj(body.metadata)) return body.metadata;
  if (Array.isArray(body.events) && isObj(body.events[0]) && isObj(body.events[0].metadata))
    return body.events[0].metadata;
  return undefined;
}

/** The W3C traceparent in a message's metadata (`metadata.trace_ctx.traceparent`), if any. */
export function traceparentOf(body: unknown): string | undefined {
  const ctx = metadataOf(body)?.trace_ctx;
  return isObj(ctx) && typeof ctx.traceparent === 'string' ? ctx.traceparent : undefined;
}

/** The trace id a message carries, or null when it travels without context. */
export function carriedTraceId(body: unknown): string | null {
  const tp = traceparentOf(body);
  const m = tp ? /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(tp) : null;
  return m?.[1] ?? null;
}

/** A short description of a message body for people. */
export function describeBody(body: unknown): string {
  if (!isObj(body)) return 'a message';
  if (body.kind === 'http') return `HTTP ${String(body.method)} ${String(body.path)}`;
  if (body.kind === 'command') return `command ${String(body.type)}`;
  if (body.kind === 'event') return `event ${String(body.type)}`;
  if (body.kind === 'append' && Array.isArray(body.events))
    return `append of ${body.events.length} event(s)`;
  if (body.kind === 'sms') return 'Task start (send SMS)';
  if ('reply' in body) return 'reply';
  return 'a message';
}

/** A JSON-safe deep copy, so that the views never hold live simulation objects. */
function plain(value: unknown): Obj | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Obj);
}

export function messageInfo(
  envelope: EnvelopeLike,
  nodeOf: (pid: string) => string | undefined,
): MessageInfo {
  return {
    fromPid: envelope.from,
    fromNode: envelope.from === null ? 'the HTTP client' : (nodeOf(envelope.from) ?? null),
    toPid: envelope.to,
    toNode: nodeOf(envelope.to) ?? envelope.to,
    summary: describeBody(envelope.body),
    metadata: plain(metadataOf(envelope.body)),
    traceparent: traceparentOf(envelope.body),
  };
}

/**
 * The message a consumer span handled, if it is one: consumer spans say whether their message
 * carried context (`sim.context.carried`), and the views show that message beside the verdict.
 */
export function consumedMessage(
  attributes: Readonly<Record<string, unknown>>,
  envelope: EnvelopeLike | undefined,
  nodeOf: (pid: string) => string | undefined,
): MessageInfo | undefined {
  if (!envelope || !('sim.context.carried' in attributes)) return undefined;
  return messageInfo(envelope, nodeOf);
}

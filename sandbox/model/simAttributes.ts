import type { ReadableSpan, Span } from '@opentelemetry/sdk-trace-base';
import type { SimProcess } from '../core/process.ts';
import { consumedMessage } from './messageInfo.ts';
import type { Attrs, MessageInfo, SpanRecord } from './SpanRecord.ts';

/**
 * What the sandbox knows of a simulated span beyond OpenTelemetry's fields, written into the
 * file it exports as `sim.*` attributes (the simulator's ground truth, like `sim.request.id`), so
 * that an exported run imported again (by a workshop's facilitator, say, or from Jaeger) draws the
 * same picture: the box each span ran in, and for a consumer the message it handled, from which
 * box, and what its metadata carried.
 */
const KEY = {
  node: 'sim.node',
  from: 'sim.message.from',
  to: 'sim.message.to',
  summary: 'sim.message.summary',
  traceparent: 'sim.message.traceparent',
  metadata: 'sim.message.metadata',
} as const;

/** The topology node a span ran in, as an imported file names it. */
export function simNodeOf(attributes: Attrs): string | undefined {
  const node = attributes[KEY.node];
  return typeof node === 'string' ? node : undefined;
}

/** `record`'s attributes with its node and message written in. */
export function withSimAttributes(record: SpanRecord, node: string | undefined): Attrs {
  const out: Attrs = { ...record.attributes };
  if (node) out[KEY.node] = node;
  if (record.message) writeMessage(record.message, (key, value) => (out[key] = value));
  return out;
}

function writeMessage(m: MessageInfo, set: (key: string, value: string) => void): void {
  if (m.fromNode) set(KEY.from, m.fromNode);
  set(KEY.to, m.toNode);
  set(KEY.summary, m.summary);
  if (m.traceparent) set(KEY.traceparent, m.traceparent);
  if (m.metadata) set(KEY.metadata, JSON.stringify(m.metadata));
}

/**
 * The same attributes, written into a span as a process starts it (`annotate` of
 * createSimulation): what the CLI's files carry, so that they import with the picture a live run
 * draws, and say in Jaeger which box each span ran in and which message it handled.
 */
export function annotateSpan(
  span: Span,
  proc: SimProcess,
  nodeOf: (pid: string) => string | undefined,
): void {
  span.setAttribute(KEY.node, proc.node);
  const consumed = consumedMessage(
    (span as ReadableSpan).attributes,
    proc.current ?? undefined,
    nodeOf,
  );
  if (consumed) writeMessage(consumed, (key, value) => span.setAttribute(key, value));
}

/** The message an exported span's attributes describe; undefined for any other span. */
export function messageOf(attributes: Attrs): MessageInfo | undefined {
  const to = attributes[KEY.to];
  const summary = attributes[KEY.summary];
  if (typeof to !== 'string' || typeof summary !== 'string') return undefined;
  const from = attributes[KEY.from];
  const traceparent = attributes[KEY.traceparent];
  return {
    fromNode: typeof from === 'string' ? from : null,
    fromPid: null,
    toNode: to,
    toPid: String(attributes['elixir.process'] ?? ''),
    summary,
    metadata: metadataOf(attributes[KEY.metadata]),
    traceparent: typeof traceparent === 'string' ? traceparent : undefined,
  };
}

function metadataOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The node each span ran in: its message's target, else its process's node while the recorder
 * still knows that process, else the node of its nearest ancestor in the same process (a request
 * process exits, and the recorder forgets it, long before a long run is exported). Records come
 * in start order, so a parent is placed before its children.
 */
export function spanNodes(
  records: Iterable<SpanRecord>,
  nodeOfPid: (pid: string) => string | undefined,
): Map<string, string> {
  const nodes = new Map<string, string>();
  const pidOf = new Map<string, unknown>();
  for (const r of records) {
    const pid = r.attributes['elixir.process'];
    pidOf.set(r.spanId, pid);
    const fromParent =
      r.parentSpanId && pidOf.get(r.parentSpanId) === pid ? nodes.get(r.parentSpanId) : undefined;
    const node =
      r.message?.toNode ?? (typeof pid === 'string' ? nodeOfPid(pid) : undefined) ?? fromParent;
    if (node) nodes.set(r.spanId, node);
  }
  return nodes;
}

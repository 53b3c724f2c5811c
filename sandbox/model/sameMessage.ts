import type { AttrValue, Attrs, SpanRecord } from './SpanRecord.ts';

/**
 * Attributes that name one message (a command, an event), as the messaging conventions and
 * opentelemetry_commanded record them. Two spans of one request that record the same value are
 * two ends of one message: its sender and a receiver, or two receivers of one event.
 * `commanded.causation_id` is shared by every message one message caused, so it only counts
 * together with the message's type (see `typeOf`).
 */
const ID_KEYS = [
  'messaging.message.id',
  'commanded.command_uuid',
  'commanded.event_id',
  'messaging.commanded.event_id',
  // opentelemetry_commanded writes the causation id under this name.
  'messaging.message_id',
] as const;
const CAUSATION_KEY = 'commanded.causation_id';

/** Attributes that name a message's type: a command's module, an event's, a destination. */
const TYPE_KEYS = [
  'commanded.command',
  'commanded.event',
  'messaging.commanded.command',
  'messaging.commanded.event',
  'messaging.destination.name',
] as const;

/** Operation types (messaging conventions) and span kinds of the side that sends a message. */
const SENDING_OPERATIONS = new Set(['send', 'create', 'publish']);

export interface SameMessage {
  /** The other span that recorded the message. */
  span: SpanRecord;
  /** The attribute both spans share, and its value. */
  key: string;
  value: string;
  /** "command Shop.PlaceOrder", "event Shop.OrderPlaced", or "message" when the type is unknown. */
  what: string;
  /**
   * The other span is another receiver of the same event (another handler), not the end that
   * sent it: the context did not travel from it to this span.
   */
  sibling: boolean;
}

/** Keys that name an event: every handler of it records the same value. */
const EVENT_KEYS = new Set(['commanded.event_id', 'messaging.commanded.event_id']);

const text = (v: AttrValue | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

function typeOf(attrs: Attrs): string | undefined {
  for (const key of TYPE_KEYS) {
    const value = text(attrs[key]);
    if (value) return value;
  }
  return undefined;
}

/** How the text names the message: by kind and type where the attributes say. */
export function describeMessage(attrs: Attrs): string {
  const command = text(attrs['commanded.command']) ?? text(attrs['messaging.commanded.command']);
  if (command) return `command ${command}`;
  const event = text(attrs['commanded.event']) ?? text(attrs['messaging.commanded.event']);
  if (event) return `event ${event}`;
  const type = text(attrs['messaging.destination.name']);
  return type ? `message ${type}` : 'message';
}

/**
 * Which handler or aggregate ran a span, where its attributes say (opentelemetry_commanded's
 * handler name, or the older `messaging.destination`, the module): every handler's span has the
 * same name, `commanded.event.handle`, so the name alone does not tell two of them apart.
 */
export function handlerOf(attrs: Attrs): string | undefined {
  return text(attrs['commanded.handler_name']) ?? text(attrs['messaging.destination']);
}

/** A span's name, with its handler where the attributes name one. */
export function spanLabel(span: SpanRecord): string {
  const handler = handlerOf(span.attributes);
  return handler ? `${span.name} (${handler})` : span.name;
}

/** Whether a span's attributes name a message it sent or handled. */
export function recordsMessage(attrs: Attrs): boolean {
  return typeOf(attrs) !== undefined || ID_KEYS.some((key) => text(attrs[key]) !== undefined);
}

function sends(span: SpanRecord): boolean {
  const op = text(span.attributes['messaging.operation.type']);
  return op ? SENDING_OPERATIONS.has(op) : span.kind === 'PRODUCER' || span.kind === 'CLIENT';
}

/** The index keys a span is found by: its request, and each message attribute it records. */
function keysOf(span: SpanRecord): { key: string; value: string; index: string }[] {
  const keys: { key: string; value: string; index: string }[] = [];
  const type = typeOf(span.attributes);
  for (const key of ID_KEYS) {
    const value = text(span.attributes[key]);
    if (value) keys.push({ key, value, index: `${span.requestId}\u0001${key}\u0001${value}` });
  }
  const causation = text(span.attributes[CAUSATION_KEY]);
  if (causation && type)
    keys.push({
      key: CAUSATION_KEY,
      value: causation,
      index: `${span.requestId}\u0001${CAUSATION_KEY}\u0001${causation}\u0001${type}`,
    });
  return keys;
}

/**
 * Spans from another backend's file, found by the message they record. A span that started a
 * new trace although its request was already traced lost its context somewhere; the span of an
 * earlier trace that recorded the same message is the other end of the hop where it was lost.
 * Only a real backend's spans are indexed (the simulator's own spans say which message carried
 * what), so a live run pays one attribute check per span.
 */
export class MessageIndex {
  private readonly byKey = new Map<string, SpanRecord[]>();

  /** Indexes a span of a request, if it records a message. */
  add(span: SpanRecord): void {
    if (!span.requestId || span.attributes['sim.request.id'] !== undefined) return;
    for (const { index } of keysOf(span)) {
      const list = this.byKey.get(index);
      if (list) list.push(span);
      else this.byKey.set(index, [span]);
    }
  }

  /**
   * The span of another trace that recorded the same message as `span`, before it started (or
   * with it): a sender first, else the latest. `alive` says whether a span is still held.
   */
  find(span: SpanRecord, alive: (s: SpanRecord) => boolean): SameMessage | undefined {
    if (!span.requestId) return undefined;
    let best: { found: SpanRecord; key: string; value: string } | undefined;
    const type = typeOf(span.attributes);
    for (const { key, value, index } of keysOf(span)) {
      for (const other of this.byKey.get(index) ?? []) {
        if (other.traceId === span.traceId || other.startUs > span.startUs || !alive(other))
          continue;
        const otherType = typeOf(other.attributes);
        if (type && otherType && type !== otherType) continue;
        if (!best || better(other, best.found)) best = { found: other, key, value };
      }
    }
    if (!best) return undefined;
    return {
      span: best.found,
      key: best.key,
      value: best.value,
      what: describeMessage(span.attributes),
      sibling: EVENT_KEYS.has(best.key) && !sends(best.found),
    };
  }
}

/**
 * A sender beats a receiver; then a span that continued a trace (it had the context) beats one
 * that started its own; among equals, the later one is the nearer end of the hop.
 */
function better(a: SpanRecord, b: SpanRecord): boolean {
  if (sends(a) !== sends(b)) return sends(a);
  if (!a.parentSpanId !== !b.parentSpanId) return !!a.parentSpanId;
  return a.startUs > b.startUs;
}

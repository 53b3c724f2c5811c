import type { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { fromHrTime } from '../telemetry/simTime.ts';

export type AttrScalar = string | number | boolean;
export type AttrValue = AttrScalar | readonly (AttrScalar | null)[];
export type Attrs = Record<string, AttrValue>;

export const KIND_NAMES = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** The message a consumer span was handling: what carried its context, or failed to. */
export interface MessageInfo {
  fromNode: string | null;
  fromPid: string | null;
  toNode: string;
  toPid: string;
  /** "command PlaceLabOrder", "event LabOrderPlaced", "HTTP POST /lab-orders", … */
  summary: string;
  /** The message metadata, as plain JSON-safe data. */
  metadata?: Record<string, unknown>;
  traceparent?: string;
}

export interface SpanEventRecord {
  name: string;
  timeUs: number;
  attributes: Attrs;
}

export interface SpanLinkRecord {
  traceId: string;
  spanId: string;
  remote?: boolean;
  attributes: Attrs;
}

/**
 * One span as the sandbox's views see it. Live SDK spans and imported OTLP/JSON spans both map to
 * this, so that every view and every check works on either. Times are virtual microseconds
 * (see sandbox/telemetry/simTime.ts); `endUs` is null while the span is open.
 */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  /** The parent came from another process through a carrier (an extracted context). */
  parentRemote?: boolean;
  name: string;
  kind: KindName;
  service: string;
  startUs: number;
  endUs: number | null;
  attributes: Attrs;
  resource: Attrs;
  scope: { name: string; version?: string };
  events: SpanEventRecord[];
  links: SpanLinkRecord[];
  status: { code: number; message?: string };
  traceFlags: number;
  /** The simulator's ground truth, `sim.request.id`; '' when unknown. */
  requestId: string;
  message?: MessageInfo;
}

function copyAttrs(attrs: Readonly<Record<string, unknown>>): Attrs {
  const out: Attrs = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[key] = value.map((v) => (v ?? null) as AttrScalar | null);
    else out[key] = value as AttrScalar;
  }
  return out;
}

/** Maps a live SDK span (open or ended) to a record. */
export function fromReadableSpan(span: ReadableSpan, ended: boolean): SpanRecord {
  const sc = span.spanContext();
  const attributes = copyAttrs(span.attributes);
  const resource = copyAttrs(span.resource.attributes);
  return {
    traceId: sc.traceId,
    spanId: sc.spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    parentRemote: span.parentSpanContext ? span.parentSpanContext.isRemote === true : undefined,
    name: span.name,
    kind: KIND_NAMES[span.kind] ?? 'INTERNAL',
    service: String(resource['service.name'] ?? 'unknown'),
    startUs: fromHrTime(span.startTime),
    endUs: ended ? fromHrTime(span.endTime) : null,
    attributes,
    resource,
    scope: { name: span.instrumentationScope.name, version: span.instrumentationScope.version },
    events: span.events.map((e) => ({
      name: e.name,
      timeUs: fromHrTime(e.time),
      attributes: copyAttrs(e.attributes ?? {}),
    })),
    links: span.links.map((l) => ({
      traceId: l.context.traceId,
      spanId: l.context.spanId,
      remote: l.context.isRemote === true,
      attributes: copyAttrs(l.attributes ?? {}),
    })),
    status: { code: span.status.code, message: span.status.message },
    traceFlags: sc.traceFlags,
    requestId: String(attributes['sim.request.id'] ?? ''),
  };
}

/** The OpenTelemetry API's SpanKind for a kind name. */
export const kindValue = (kind: KindName): SpanKind => KIND_NAMES.indexOf(kind) as SpanKind;

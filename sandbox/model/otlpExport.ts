import type { Attributes, HrTime, SpanContext } from '@opentelemetry/api';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { toOtlpJson } from '../telemetry/otlpJson.ts';
import { shiftTo, toHrTime, type TimeShift } from '../telemetry/simTime.ts';
import { kindValue, type Attrs, type SpanRecord } from './SpanRecord.ts';
import { withSimAttributes } from './simAttributes.ts';

// Records hold the same values the SDK accepted; only the array element types are looser.
const otel = (a: Attrs) => a as unknown as Attributes;

const span = (
  traceId: string,
  spanId: string,
  traceFlags: number,
  isRemote?: boolean,
): SpanContext => ({ traceId, spanId, traceFlags, isRemote });

function duration(startUs: number, endUs: number): HrTime {
  const us = Math.max(0, endUs - startUs);
  return [Math.floor(us / 1_000_000), (us % 1_000_000) * 1000];
}

/**
 * Ended records as ReadableSpans, so that OpenTelemetry's own serializer writes them: the same
 * OTLP/JSON the CLI writes. One Resource object per distinct resource, since the serializer
 * groups spans by resource identity. `epochMs` places virtual time 0 (default: the talk's epoch).
 */
export function toReadableSpans(
  records: readonly SpanRecord[],
  epochMs?: number,
  /** The node each span ran in (simAttributes.ts): with it, nodes and messages go in as `sim.*`. */
  nodes?: ReadonlyMap<string, string>,
): ReadableSpan[] {
  const shift: TimeShift = (epochMs === undefined ? null : shiftTo(epochMs)) ?? ((t) => t);
  const at = (us: number) => shift(toHrTime(us));
  const resources = new Map<string, Resource>();
  const out: ReadableSpan[] = [];
  for (const r of records) {
    if (r.endUs === null) continue;
    const key = JSON.stringify(r.resource);
    let resource = resources.get(key);
    if (!resource) resources.set(key, (resource = resourceFromAttributes(otel(r.resource))));
    const ctx = span(r.traceId, r.spanId, r.traceFlags);
    out.push({
      name: r.name,
      kind: kindValue(r.kind),
      spanContext: () => ctx,
      parentSpanContext: r.parentSpanId
        ? span(r.traceId, r.parentSpanId, r.traceFlags, r.parentRemote)
        : undefined,
      startTime: at(r.startUs),
      endTime: at(r.endUs),
      status: { code: r.status.code, message: r.status.message },
      attributes: otel(nodes ? withSimAttributes(r, nodes.get(r.spanId)) : r.attributes),
      links: r.links.map((l) => ({
        context: span(l.traceId, l.spanId, 1, l.remote),
        attributes: otel(l.attributes),
      })),
      events: r.events.map((e) => ({
        name: e.name,
        time: at(e.timeUs),
        attributes: otel(e.attributes),
      })),
      duration: duration(r.startUs, r.endUs),
      ended: true,
      resource,
      instrumentationScope: { name: r.scope.name, version: r.scope.version },
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    });
  }
  return out;
}

/**
 * The OTLP/JSON ExportTraceServiceRequest for the ended spans among `records`, virtual time 0 at
 * `epochMs` (Unix milliseconds; default: the talk's epoch, for byte-identical output); with
 * `nodes`, each span's node and message as `sim.*` attributes.
 */
export function recordsToOtlpJson(
  records: readonly SpanRecord[],
  epochMs?: number,
  nodes?: ReadonlyMap<string, string>,
): string {
  return toOtlpJson(toReadableSpans(records, epochMs, nodes));
}

import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/**
 * An OTLP/JSON ExportTraceServiceRequest for `spans`, from OpenTelemetry's own serializer: the
 * payload that an OTLP/HTTP JSON receiver (a Collector, Jaeger) accepts at /v1/traces.
 */
export function toOtlpJson(spans: readonly ReadableSpan[]): string {
  const bytes = JsonTraceSerializer.serializeRequest(spans as ReadableSpan[]);
  if (!bytes) throw new Error('the OTLP serializer produced nothing');
  return new TextDecoder().decode(bytes);
}

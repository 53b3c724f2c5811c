import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/**
 * An OTLP/JSON ExportTraceServiceRequest for `spans`, from OpenTelemetry's own serializer: the
 * payload that an OTLP/HTTP JSON receiver (a Collector, Jaeger) accepts at /v1/traces.
 */
export function toOtlpJson(spans: readonly ReadableSpan[]): string {
  return new TextDecoder().decode(toOtlpJsonBytes(spans));
}

const NEWLINE = 0x0a;

/** The same request as UTF-8 bytes; `line` ends it with a newline (a JSON Lines record). */
export function toOtlpJsonBytes(spans: readonly ReadableSpan[], line = false): Uint8Array {
  const bytes = JsonTraceSerializer.serializeRequest(spans as ReadableSpan[]);
  if (!bytes) throw new Error('the OTLP serializer produced nothing');
  if (!line) return bytes;
  const out = new Uint8Array(bytes.byteLength + 1);
  out.set(bytes);
  out[bytes.byteLength] = NEWLINE;
  return out;
}

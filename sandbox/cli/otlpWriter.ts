import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { toOtlpJson, toOtlpJsonBytes } from '../telemetry/otlpJson.ts';

/**
 * 'jsonl': one ExportTraceServiceRequest per line, a batch each: what the OpenTelemetry
 * Collector's otlpjsonfile receiver and file exporter read and write, and the sandbox imports.
 * 'json': one ExportTraceServiceRequest for the whole run, for readers that take a single
 * document (Jaeger UI's Upload; the sandbox's import of a single document).
 */
export type OutputFormat = 'jsonl' | 'json';

const HEAD = '{"resourceSpans":[';
const TAIL = ']}';

/** The resourceSpans of one serialized request, without the brackets around them. */
function resourceSpansOf(json: string): string {
  if (json.startsWith(HEAD) && json.endsWith(TAIL)) return json.slice(HEAD.length, -TAIL.length);
  const doc = JSON.parse(json) as { resourceSpans?: unknown[] };
  return (doc.resourceSpans ?? []).map((r) => JSON.stringify(r)).join(',');
}

/**
 * Writes batches of spans to a stream as they come, waiting for the stream to drain when its
 * buffer is full, so a run's output never has to fit in memory: a single document too is written
 * a batch at a time.
 */
export function createOtlpWriter(out: Writable, format: OutputFormat) {
  let first = true;
  let bytes = 0;
  async function write(chunk: string | Uint8Array): Promise<void> {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  return {
    bytes: () => bytes,
    async write(spans: readonly ReadableSpan[]): Promise<void> {
      // JSON Lines: the serializer's UTF-8 as it is, no decoding to a string and back.
      if (format === 'jsonl') return write(toOtlpJsonBytes(spans, true));
      const json = toOtlpJson(spans);
      const inner = resourceSpansOf(json);
      if (inner === '') return;
      await write(`${first ? HEAD : ','}${inner}`);
      first = false;
    },
    /** Closes the document (for 'json'). */
    async end(): Promise<void> {
      if (format === 'json') await write(first ? `${HEAD}${TAIL}\n` : `${TAIL}\n`);
    },
  };
}

export type OtlpWriter = ReturnType<typeof createOtlpWriter>;

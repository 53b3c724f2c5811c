import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

export type OtlpProtocol = 'json' | 'protobuf';

export interface SenderOptions {
  url: string;
  protocol: OtlpProtocol;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts after the first, on 429, 502, 503, 504, a timeout or a dropped connection. */
  retries: number;
  /** Batches in flight at once; the run waits for a free slot (backpressure). */
  inFlight: number;
  /** First backoff; doubled on each retry, with jitter, capped at 30 s. */
  backoffMs: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** A line for people, on each retry. */
  log?: (line: string) => void;
}

export interface SendReport {
  batches: number;
  sent: number;
  /** Spans the receiver took: sent minus what it reported rejected (OTLP partial success). */
  accepted: number;
  rejected: number;
  retries: number;
  /** Why the receiver rejected some spans, when it said. */
  rejectionMessage?: string;
}

/** Sending stopped: the message says why, in words. */
export class SendError extends Error {}

/** Statuses OTLP/HTTP says to retry (the specification's "retryable" list). */
const RETRYABLE = new Set([429, 502, 503, 504]);
const MAX_BACKOFF_MS = 30_000;

const SERIALIZERS = { json: JsonTraceSerializer, protobuf: ProtobufTraceSerializer } as const;
const CONTENT_TYPES = { json: 'application/json', protobuf: 'application/x-protobuf' } as const;

function retryAfterMs(res: Response): number | null {
  const raw = res.headers.get('retry-after');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}

/** Why fetch threw, for people: a refused connection, a timeout, a name that does not resolve. */
function networkProblem(err: unknown, url: string, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `${url} did not answer within ${timeoutMs / 1000} s`;
  const code = e.cause?.code ?? '';
  if (code === 'ECONNREFUSED')
    return `nothing is listening at ${url} (connection refused): is the Collector or Jaeger running, with OTLP/HTTP on that port (4318 by default)?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `the host of ${url} cannot be found (${code})`;
  return `cannot reach ${url}: ${e.cause?.message ?? (err as Error).message}${code ? ` (${code})` : ''}`;
}

function refusal(status: number, statusText: string, body: string, opts: SenderOptions): string {
  const text = body.replace(/\s+/g, ' ').trim().slice(0, 200);
  const hint =
    status === 404
      ? ' An OTLP/HTTP trace receiver listens at /v1/traces (http://localhost:4318/v1/traces).'
      : status === 415 || status === 400
        ? ` Does the receiver take OTLP ${opts.protocol === 'json' ? 'JSON' : 'protobuf'}? Try --protocol ${opts.protocol === 'json' ? 'protobuf' : 'json'}.`
        : status === 413
          ? ' The batch is larger than the receiver accepts; try a smaller --batch.'
          : '';
  return `${opts.url} refused a batch: ${status} ${statusText}${text ? ` (${text})` : ''}.${hint}`;
}

/**
 * Sends batches of spans to an OTLP/HTTP trace receiver with OpenTelemetry's own serializers,
 * keeping at most `inFlight` requests open: `send` resolves once the batch has a slot, so the
 * producer waits for a slow receiver instead of queueing without end.
 */
export function createSender(opts: SenderOptions) {
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const report: SendReport = { batches: 0, sent: 0, accepted: 0, rejected: 0, retries: 0 };
  const pending = new Set<Promise<void>>();
  let failure: SendError | null = null;

  async function attempt(body: Uint8Array<ArrayBuffer>, spans: number): Promise<void> {
    for (let tryNo = 0; ; tryNo++) {
      let res: Response;
      let wait: number | null = null;
      let problem: string;
      try {
        res = await doFetch(opts.url, {
          method: 'POST',
          headers: { 'Content-Type': CONTENT_TYPES[opts.protocol] },
          body,
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        if (res.ok) {
          const bytes = new Uint8Array(await res.arrayBuffer());
          settle(bytes, spans);
          return;
        }
        const text = await res.text().catch(() => '');
        if (!RETRYABLE.has(res.status))
          throw new SendError(refusal(res.status, res.statusText, text, opts));
        problem = `${opts.url} answered ${res.status} ${res.statusText}`;
        wait = retryAfterMs(res);
      } catch (err) {
        if (err instanceof SendError) throw err;
        problem = networkProblem(err, opts.url, opts.timeoutMs);
      }
      if (tryNo >= opts.retries)
        throw new SendError(`${problem}; gave up after ${tryNo + 1} attempts.`);
      const backoff = Math.min(MAX_BACKOFF_MS, opts.backoffMs * 2 ** tryNo);
      const ms = Math.min(MAX_BACKOFF_MS, wait ?? backoff * (0.5 + Math.random() / 2));
      report.retries++;
      opts.log?.(`simulate: ${problem}; retrying in ${(ms / 1000).toFixed(1)} s`);
      await sleep(ms);
    }
  }

  /** Counts what the receiver took: all of it, unless it reports a partial success. */
  function settle(bytes: Uint8Array, spans: number): void {
    let rejected = 0;
    if (bytes.length > 0) {
      try {
        const response = SERIALIZERS[opts.protocol].deserializeResponse(bytes);
        rejected = Number(response.partialSuccess?.rejectedSpans ?? 0);
        const message = response.partialSuccess?.errorMessage;
        if (message) report.rejectionMessage = message;
      } catch {
        // A receiver that answers 2xx with a body that is not OTLP still took the batch.
      }
    }
    report.accepted += spans - rejected;
    report.rejected += rejected;
  }

  return {
    report: (): SendReport => ({ ...report }),
    /** Queues a batch; resolves when another may be queued. Rejects once sending has failed. */
    async send(spans: readonly ReadableSpan[]): Promise<void> {
      if (failure) throw failure;
      const body = SERIALIZERS[opts.protocol].serializeRequest(spans as ReadableSpan[]);
      if (!body) throw new SendError('the OTLP serializer produced nothing');
      report.batches++;
      report.sent += spans.length;
      const p = attempt(body as Uint8Array<ArrayBuffer>, spans.length)
        .catch((err: unknown) => {
          failure ??= err instanceof SendError ? err : new SendError(String(err));
        })
        .finally(() => pending.delete(p));
      pending.add(p);
      while (pending.size >= opts.inFlight) await Promise.race(pending);
      if (failure) throw failure;
    },
    /** Waits for every batch in flight; rejects if any failed. */
    async drain(): Promise<void> {
      await Promise.all(pending);
      if (failure) throw failure;
    },
  };
}

export type Sender = ReturnType<typeof createSender>;

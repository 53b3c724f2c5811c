import type { Context } from '@opentelemetry/api';

/** W3C traceparent: version, 32 hex trace id, 16 hex span id, flags. */
export const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[0-9a-f]$/;

const keysOf = (o: object) =>
  Object.keys(o)
    .map((k) => `\`${k}\``)
    .join(', ');

/** A short, printable form of a value a learner put somewhere. */
export function shortValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined || typeof value === 'function') return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 70 ? `${json.slice(0, 67)}...` : json;
}

/**
 * What is wrong with the carrier in a command's or event's metadata, in the learner's terms, or
 * null when `metadata.trace_ctx` holds a W3C `traceparent`. Says what was expected and what was
 * found.
 */
export function carrierProblem(metadata: Record<string, unknown>): string | null {
  const carrier = metadata.trace_ctx;
  if (carrier === undefined) {
    if ('traceparent' in metadata)
      return 'metadata has a top-level `traceparent`; the carrier goes under `trace_ctx`';
    const keys = Object.keys(metadata);
    return keys.length === 0
      ? 'metadata is empty: there is no `trace_ctx`'
      : `metadata has ${keysOf(metadata)} but no \`trace_ctx\``;
  }
  if (typeof carrier === 'string')
    return `metadata.trace_ctx is the string ${shortValue(carrier)}; expected a map of headers, { traceparent: "00-..." }`;
  if (carrier === null || typeof carrier !== 'object' || Array.isArray(carrier))
    return `metadata.trace_ctx is ${shortValue(carrier)}; expected a map of headers, { traceparent: "00-..." }`;
  const headers = carrier as Record<string, unknown>;
  if (isContext(headers))
    return 'metadata.trace_ctx is a Context object; expected the headers propagation.inject writes from one';
  if (Object.keys(headers).length === 0)
    return 'metadata.trace_ctx is an empty map: propagation.inject wrote nothing, so the context it got held no span';
  if (typeof headers.traceparent !== 'string')
    return `metadata.trace_ctx has ${keysOf(headers)} but no \`traceparent\``;
  if (!TRACEPARENT.test(headers.traceparent))
    return `metadata.trace_ctx.traceparent is ${shortValue(headers.traceparent)}, not a W3C traceparent (00-<trace id>-<span id>-<flags>)`;
  return null;
}

/** The span id a W3C carrier names, if it holds one. */
export function carriedSpanId(carrier: unknown): string | undefined {
  const tp = (carrier as { traceparent?: unknown } | null | undefined)?.traceparent;
  return typeof tp === 'string' ? TRACEPARENT.exec(tp)?.[2] : undefined;
}

/** A JSON copy, so that what a hook wrote is kept as it was at that moment. */
export function snapshot<T>(value: T): T {
  try {
    return JSON.parse(JSON.stringify(value ?? null)) as T;
  } catch {
    return value;
  }
}

/** Whether learner code gave back an OpenTelemetry Context (and not, say, a Span or a carrier). */
export const isContext = (value: unknown): value is Context =>
  !!value && typeof (value as { getValue?: unknown }).getValue === 'function';

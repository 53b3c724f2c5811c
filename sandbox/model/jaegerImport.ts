import { EPOCH_SECONDS } from '../telemetry/simTime.ts';
import { fail, hexId, ImportError, isObj, list, quote, type Obj } from './importChecks.ts';
import {
  KIND_NAMES,
  type AttrScalar,
  type AttrValue,
  type Attrs,
  type KindName,
  type SpanRecord,
} from './SpanRecord.ts';
import { requestOf } from './requestOf.ts';
import { messageOf } from './simAttributes.ts';

/**
 * Jaeger's own JSON: what its UI downloads and its query API (`/api/traces`, `/api/traces/{id}`)
 * answers, `{"data": [trace, …]}`, or one trace on its own, `{"traceID", "spans", "processes"}`.
 * The talk's backend is Jaeger, so this is what a learner most likely has of their own system.
 *
 * Jaeger stored the spans from OTLP by the OpenTelemetry-to-Jaeger mapping (the Collector's
 * `pkg/translator/jaeger`), and this reads them back by it: the first CHILD_OF reference is the
 * parent, the other references were links; kind, status and scope became the tags `span.kind`,
 * `otel.status_code`, `otel.status_description` and `otel.scope.*`; events became logs with the
 * name in `event`; resource attributes became the process's tags; times are microseconds.
 */
export function isJaegerDocument(doc: unknown): doc is Obj {
  if (Array.isArray(doc)) return doc.length > 0 && doc.every(isJaegerTrace);
  return (
    isObj(doc) &&
    (('data' in doc && 'errors' in doc) || Array.isArray(doc.data) || isJaegerTrace(doc))
  );
}

function isJaegerTrace(value: unknown): boolean {
  return isObj(value) && Array.isArray(value.spans) && 'processes' in value;
}

/** Reads every span of a Jaeger document into `out`; throws ImportError on the first problem. */
export function readJaegerDocument(doc: unknown, out: SpanRecord[]): void {
  if (Array.isArray(doc)) {
    doc.forEach((trace, t) => readTrace(trace, `[${t}]`, out));
    return;
  }
  if (!isObj(doc)) return;
  if (isJaegerTrace(doc)) return readTrace(doc, 'the trace', out);
  const errors = Array.isArray(doc.errors) ? doc.errors : [];
  if (!Array.isArray(doc.data) && errors.length > 0) {
    const first = errors[0];
    throw new ImportError(
      `this is an error from Jaeger, not traces: ${quote(isObj(first) ? (first.msg ?? first) : first)}`,
    );
  }
  list(doc.data, 'data', true).forEach((trace, t) => readTrace(trace, `data[${t}]`, out));
}

function readTrace(trace: unknown, path: string, out: SpanRecord[]): void {
  if (!isObj(trace)) fail(path, 'should be a Jaeger trace object.');
  const processes = isObj(trace.processes) ? trace.processes : {};
  list(trace.spans, `${path}.spans`, true).forEach((raw, i) => {
    const p = `${path}.spans[${i}]`;
    if (!isObj(raw)) fail(p, 'should be an object.');
    out.push(readSpan(raw, p, processes));
  });
}

/** Tags that the mapping made out of span fields: read back into those fields, not attributes. */
const MAPPED_TAGS = new Set([
  'span.kind',
  'otel.status_code',
  'otel.status_description',
  'otel.scope.name',
  'otel.scope.version',
  'otel.library.name',
  'otel.library.version',
  // Jaeger's own bookkeeping of which format a span arrived in.
  'internal.span.format',
]);

function readSpan(raw: Obj, p: string, processes: Obj): SpanRecord {
  const traceId = jaegerId(raw.traceID, 32, `${p}.traceID`, 'trace id');
  const spanId = jaegerId(raw.spanID, 16, `${p}.spanID`, 'span id');
  if (typeof raw.operationName !== 'string') fail(`${p}.operationName`, 'should be a string.');
  const startUs = unixMicros(raw.startTime, `${p}.startTime`);
  const duration = micros(raw.duration ?? 0, `${p}.duration`);
  const tags = tagsOf(raw.tags, `${p}.tags`);
  const refs = list(raw.references, `${p}.references`, false).map((r, i) => {
    const rp = `${p}.references[${i}]`;
    if (!isObj(r)) fail(rp, 'should be an object.');
    return {
      type: r.refType === 'FOLLOWS_FROM' ? 'FOLLOWS_FROM' : 'CHILD_OF',
      traceId: jaegerId(r.traceID ?? raw.traceID, 32, `${rp}.traceID`, 'trace id'),
      spanId: jaegerId(r.spanID, 16, `${rp}.spanID`, 'span id'),
    };
  });
  // The parent is the first reference, a CHILD_OF in the span's own trace; the rest were links.
  const first = refs[0];
  const parent =
    first && first.type === 'CHILD_OF' && first.traceId === traceId ? first : undefined;
  const processId = typeof raw.processID === 'string' ? raw.processID : '';
  const process = isObj(processes[processId])
    ? processes[processId]
    : isObj(raw.process)
      ? raw.process
      : {};
  const service = typeof process.serviceName === 'string' ? process.serviceName : 'unknown';
  const resource: Attrs = { ...tagsOf(process.tags, `process ${quote(processId)}.tags`) };
  resource['service.name'] = service;

  const status = statusOf(tags);
  const attributes: Attrs = {};
  for (const [key, value] of Object.entries(tags)) {
    if (MAPPED_TAGS.has(key)) continue;
    // The mapping added `error: true` for an ERROR status; the status says it already.
    if (key === 'error' && status.code === 2 && value === true) continue;
    attributes[key] = value;
  }
  const scopeName = tags['otel.scope.name'] ?? tags['otel.library.name'];
  const scopeVersion = tags['otel.scope.version'] ?? tags['otel.library.version'];
  return {
    traceId,
    spanId,
    parentSpanId: parent?.spanId,
    name: raw.operationName,
    kind: kindOf(tags['span.kind']),
    service,
    startUs,
    endUs: startUs + duration,
    attributes,
    resource,
    scope: {
      name: typeof scopeName === 'string' ? scopeName : '',
      version: typeof scopeVersion === 'string' ? scopeVersion : undefined,
    },
    events: list(raw.logs, `${p}.logs`, false).map((log, i) => {
      const lp = `${p}.logs[${i}]`;
      if (!isObj(log)) fail(lp, 'should be an object.');
      const fields = tagsOf(log.fields, `${lp}.fields`);
      const { event, ...rest } = fields;
      return {
        name: typeof event === 'string' ? event : 'log',
        timeUs: unixMicros(log.timestamp, `${lp}.timestamp`),
        attributes: rest,
      };
    }),
    links: refs
      .filter((r) => r !== parent)
      .map((r) => ({ traceId: r.traceId, spanId: r.spanId, attributes: {} })),
    status,
    traceFlags: typeof raw.flags === 'number' ? raw.flags & 0xff : 1,
    requestId: requestOf(attributes),
    message: messageOf(attributes),
  };
}

/**
 * A Jaeger id as 32 or 16 hex digits. Jaeger prints a 64-bit trace id (old clients made them)
 * as 16 digits, and may drop leading zeros: both are padded back.
 */
function jaegerId(value: unknown, digits: 16 | 32, path: string, what: string): string {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]+$/.test(value) || value.length > digits)
    fail(path, `is ${quote(value)}: a ${what} must be up to ${digits} hex digits.`);
  return hexId(value.padStart(digits, '0'), digits, path, what);
}

const EPOCH_US = EPOCH_SECONDS * 1_000_000;

/** A count of microseconds, as Jaeger writes times and durations (a number, or a string). */
function micros(value: unknown, path: string): number {
  const n = typeof value === 'string' && /^\d{1,17}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
    fail(path, `is ${quote(value)}: Jaeger writes times and durations as microseconds.`);
  return Math.round(n);
}

/** Unix microseconds to virtual microseconds (sandbox/telemetry/simTime.ts). */
const unixMicros = (value: unknown, path: string) => micros(value, path) - EPOCH_US;

function tagsOf(value: unknown, path: string): Attrs {
  const out: Attrs = {};
  list(value, path, false).forEach((tag, i) => {
    const tp = `${path}[${i}]`;
    if (!isObj(tag) || typeof tag.key !== 'string')
      fail(tp, 'should be {key, type, value} with a string key.');
    out[tag.key] = tagValue(tag.type, tag.value);
  });
  return out;
}

function tagValue(type: unknown, value: unknown): AttrValue {
  if (type === 'bool') return value === true || value === 'true';
  if (type === 'int64' || type === 'float64') return Number(value);
  const text = String(value ?? '');
  return arrayFromJson(text) ?? text;
}

/**
 * The mapping wrote array attributes as JSON lists in string tags; a string that is a JSON list of
 * scalars is read back as the list (a batch span's request ids, for one, are a list).
 */
function arrayFromJson(text: string): AttrScalar[] | undefined {
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      Array.isArray(parsed) &&
      parsed.every((v) => ['string', 'number', 'boolean'].includes(typeof v))
    )
      return parsed as AttrScalar[];
  } catch {
    // a string that only looks like a list
  }
  return undefined;
}

function kindOf(tag: AttrValue | undefined): KindName {
  const name = typeof tag === 'string' ? (tag.toUpperCase() as KindName) : 'INTERNAL';
  return KIND_NAMES.includes(name) ? name : 'INTERNAL';
}

/** OTLP status codes: 0 unset, 1 ok, 2 error. */
function statusOf(tags: Attrs): SpanRecord['status'] {
  const code = tags['otel.status_code'];
  const message = tags['otel.status_description'];
  const error = code === 'ERROR' || (code === undefined && tags.error === true);
  return {
    code: error ? 2 : code === 'OK' ? 1 : 0,
    message: typeof message === 'string' && message ? message : undefined,
  };
}

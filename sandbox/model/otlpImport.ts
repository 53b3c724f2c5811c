import { EPOCH_SECONDS } from '../telemetry/simTime.ts';
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
import { fail, hexId, ImportError, isObj, list, quote, type Obj } from './importChecks.ts';
import { isJaegerDocument, readJaegerDocument } from './jaegerImport.ts';

export type ImportResult = { ok: true; spans: SpanRecord[] } | { ok: false; error: string };

/** Larger files are refused before parsing: the tab would stall. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const EPOCH_US = BigInt(EPOCH_SECONDS) * 1_000_000n;

/** Unix nanoseconds (a string, as OTLP/JSON writes 64-bit integers, or a number) to virtual µs. */
function timeUs(value: unknown, path: string): number {
  let nanos: bigint;
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) nanos = BigInt(value);
  else if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
    nanos = BigInt(Math.round(value));
  else fail(path, `is ${quote(value)}: a time must be Unix nanoseconds.`);
  return Number(nanos / 1000n - EPOCH_US);
}

/** OTLP span flags bits 8 and 9: "is-remote is known" and "is remote". */
function remoteFlag(flags: number): boolean | undefined {
  return flags & 0x100 ? (flags & 0x200) !== 0 : undefined;
}

function anyValue(value: unknown, path: string): AttrValue {
  if (!isObj(value)) fail(path, 'should be an OTLP AnyValue object.');
  if ('stringValue' in value) return String(value.stringValue);
  if ('boolValue' in value) return value.boolValue === true || value.boolValue === 'true';
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return Number(value.doubleValue);
  if ('arrayValue' in value) {
    const values = isObj(value.arrayValue) ? list(value.arrayValue.values, path, false) : [];
    return values.map((v, i) => {
      const item = anyValue(v, `${path}.arrayValue.values[${i}]`);
      return Array.isArray(item) ? JSON.stringify(item) : (item as AttrScalar);
    });
  }
  if ('kvlistValue' in value || 'bytesValue' in value)
    return JSON.stringify(value.kvlistValue ?? value.bytesValue);
  return '';
}

function attributes(value: unknown, path: string): Attrs {
  const out: Attrs = {};
  list(value, path, false).forEach((kv, i) => {
    const p = `${path}[${i}]`;
    if (!isObj(kv) || typeof kv.key !== 'string')
      fail(p, 'should be {key, value} with a string key.');
    out[kv.key] = anyValue(kv.value ?? {}, `${p}.value`);
  });
  return out;
}

function kindOf(value: unknown, path: string): KindName {
  if (value === undefined || value === 0) return 'INTERNAL';
  if (typeof value === 'number' && value >= 1 && value <= 5)
    return KIND_NAMES[value - 1] ?? 'INTERNAL';
  if (typeof value === 'string') {
    const name = value.replace(/^SPAN_KIND_/, '') as KindName;
    if (KIND_NAMES.includes(name)) return name;
  }
  fail(path, `is ${quote(value)}: not an OTLP span kind.`);
}

/**
 * Reads a trace file: OTLP/JSON ExportTraceServiceRequests (what the CLI and "Export OTLP JSON"
 * write, and what a Collector's file exporter writes, one request per line, also as Jaeger v2's
 * `/api/v3` wraps them in `result`), or Jaeger's own JSON (its UI's downloads and `/api/traces`:
 * jaegerImport.ts). Every problem is reported with where it is, in words; nothing is rendered,
 * so hostile text stays text.
 */
export function parseTraceJson(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES)
    return {
      ok: false,
      error: 'The file is larger than 50 MB; the sandbox does not load files that big.',
    };
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  let docs: unknown[];
  try {
    docs = [JSON.parse(text)];
  } catch (e) {
    // A Collector file exporter writes JSON Lines: one request per line.
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    try {
      if (lines.length < 2) throw e;
      docs = lines.map((l) => JSON.parse(l) as unknown);
    } catch {
      return { ok: false, error: `This file is not JSON: ${(e as Error).message}` };
    }
  }
  const jaeger = docs.some(isJaegerDocument);
  try {
    const spans: SpanRecord[] = [];
    docs.forEach((doc) => readDocument(doc, spans));
    if (spans.length === 0)
      return {
        ok: false,
        error: `The file is ${jaeger ? 'Jaeger JSON' : 'OTLP/JSON'}, but it holds no spans.`,
      };
    return { ok: true, spans };
  } catch (e) {
    if (e instanceof ImportError)
      return {
        ok: false,
        error: `Not a valid ${jaeger ? 'Jaeger JSON' : 'OTLP/JSON'} trace file: ${e.message}`,
      };
    throw e;
  }
}

function readDocument(doc: unknown, out: SpanRecord[]): void {
  if (isJaegerDocument(doc)) return readJaegerDocument(doc, out);
  // Jaeger v2's /api/v3 answers with the request inside `result`, or with an `error`; Grafana
  // Tempo's /api/v2/traces with it inside `trace`, and its /api/traces names the list `batches`.
  if (isObj(doc) && isObj(doc.result)) return readRequest(doc.result, out);
  if (isObj(doc) && isObj(doc.trace)) return readRequest(doc.trace, out);
  if (isObj(doc) && Array.isArray(doc.batches) && !('resourceSpans' in doc))
    return readRequest({ resourceSpans: doc.batches }, out);
  if (isObj(doc) && isObj(doc.error) && !('resourceSpans' in doc))
    throw new ImportError(
      `this is an error from the trace store, not traces: ${quote(doc.error.message ?? doc.error)}`,
    );
  readRequest(doc, out);
}

function readRequest(doc: unknown, out: SpanRecord[]): void {
  if (!isObj(doc) || !Array.isArray(doc.resourceSpans))
    throw new ImportError(
      'there is no "resourceSpans" list at the top level, nor Jaeger\'s "data" list of traces (is this a trace export?).',
    );
  doc.resourceSpans.forEach((rs, r) => {
    const rp = `resourceSpans[${r}]`;
    if (!isObj(rs)) fail(rp, 'should be an object.');
    const resource = attributes(
      isObj(rs.resource) ? rs.resource.attributes : undefined,
      `${rp}.resource.attributes`,
    );
    const service = String(resource['service.name'] ?? 'unknown');
    list(rs.scopeSpans ?? rs.instrumentationLibrarySpans, `${rp}.scopeSpans`, true).forEach(
      (ss, s) => {
        const sp = `${rp}.scopeSpans[${s}]`;
        if (!isObj(ss)) fail(sp, 'should be an object.');
        const scopeObj = isObj(ss.scope) ? ss.scope : {};
        const scope = {
          name: typeof scopeObj.name === 'string' ? scopeObj.name : '',
          version: typeof scopeObj.version === 'string' ? scopeObj.version : undefined,
        };
        list(ss.spans, `${sp}.spans`, true).forEach((raw, i) => {
          const p = `${sp}.spans[${i}]`;
          if (!isObj(raw)) fail(p, 'should be an object.');
          out.push(readSpan(raw, p, resource, service, scope));
        });
      },
    );
  });
}

function readSpan(
  raw: Obj,
  p: string,
  resource: Attrs,
  service: string,
  scope: SpanRecord['scope'],
): SpanRecord {
  const traceId = hexId(raw.traceId, 32, `${p}.traceId`, 'trace id');
  const spanId = hexId(raw.spanId, 16, `${p}.spanId`, 'span id');
  const parentSpanId =
    raw.parentSpanId === undefined || raw.parentSpanId === ''
      ? undefined
      : hexId(raw.parentSpanId, 16, `${p}.parentSpanId`, 'parent span id');
  if (typeof raw.name !== 'string') fail(`${p}.name`, 'should be a string.');
  const startUs = timeUs(raw.startTimeUnixNano, `${p}.startTimeUnixNano`);
  const endUs = timeUs(raw.endTimeUnixNano, `${p}.endTimeUnixNano`);
  if (endUs < startUs) fail(`${p}.endTimeUnixNano`, 'is before its start.');
  const attrs = attributes(raw.attributes, `${p}.attributes`);
  const status = isObj(raw.status) ? raw.status : {};
  const flags = typeof raw.flags === 'number' ? raw.flags : 0;
  return {
    traceId,
    spanId,
    parentSpanId,
    parentRemote: parentSpanId ? remoteFlag(flags) : undefined,
    name: raw.name,
    kind: kindOf(raw.kind, `${p}.kind`),
    service,
    startUs,
    endUs,
    attributes: attrs,
    resource,
    scope,
    events: list(raw.events, `${p}.events`, false).map((e, i) => {
      const ep = `${p}.events[${i}]`;
      if (!isObj(e)) fail(ep, 'should be an object.');
      return {
        name: String(e.name ?? ''),
        timeUs: timeUs(e.timeUnixNano, `${ep}.timeUnixNano`),
        attributes: attributes(e.attributes, `${ep}.attributes`),
      };
    }),
    links: list(raw.links, `${p}.links`, false).map((l, i) => {
      const lp = `${p}.links[${i}]`;
      if (!isObj(l)) fail(lp, 'should be an object.');
      return {
        traceId: hexId(l.traceId, 32, `${lp}.traceId`, 'trace id'),
        spanId: hexId(l.spanId, 16, `${lp}.spanId`, 'span id'),
        remote: remoteFlag(typeof l.flags === 'number' ? l.flags : 0),
        attributes: attributes(l.attributes, `${lp}.attributes`),
      };
    }),
    status: {
      code: typeof status.code === 'number' ? status.code : 0,
      message: typeof status.message === 'string' && status.message ? status.message : undefined,
    },
    traceFlags: typeof raw.flags === 'number' ? raw.flags & 0xff : 1,
    requestId: requestOf(attrs),
    message: messageOf(attrs),
  };
}

import type { SpanRecord } from './SpanRecord.ts';

/** What an import did about span ids that were not unique, to say in words. */
export interface IdRepairs {
  /** Spans whose id another trace already used: kept under a new id, counted here. */
  renamed: number;
  /** Spans that repeat the same trace and span id exactly: the first copy is kept. */
  duplicates: number;
  /** One sentence for the learner, or '' when every id was unique. */
  message: string;
}

/** A 16-hex-digit id derived from a trace id, a span id and a counter: stable for one file. */
function newId(
  traceId: string,
  spanId: string,
  n: number,
  taken: { has(id: string): boolean },
): string {
  let h = 0x811c9dc5;
  let h2 = 0x01000193;
  const text = `${traceId}:${spanId}:${n}`;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 2246822519) >>> 0;
  }
  const id = `${h.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
  return taken.has(id) || id === '0000000000000000' ? newId(traceId, spanId, n + 1, taken) : id;
}

/**
 * The views key spans by span id. OTLP only asks span ids to be unique within their trace, so
 * files where ids repeat across traces (generated load, a Collector merging runs) would lose
 * spans. Each such span is kept under a new id, its own trace's parent references and links are
 * moved along, and the original id is kept as the attribute `sandbox.original_span_id`. Exact
 * repeats of a span (same trace and span id) are dropped, and counted.
 */
export function repairSpanIds(spans: readonly SpanRecord[]): {
  spans: SpanRecord[];
  repairs: IdRepairs;
} {
  const owner = new Map<string, string>();
  const seen = new Set<string>();
  /** `${traceId}:${oldSpanId}` -> the id the span has now. */
  const renames = new Map<string, string>();
  const out: SpanRecord[] = [];
  let duplicates = 0;
  for (const span of spans) {
    const key = `${span.traceId}:${span.spanId}`;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const first = owner.get(span.spanId);
    if (first === undefined) {
      owner.set(span.spanId, span.traceId);
      out.push(span);
      continue;
    }
    const id = newId(span.traceId, span.spanId, 0, owner);
    owner.set(id, span.traceId);
    renames.set(key, id);
    out.push({
      ...span,
      spanId: id,
      attributes: { ...span.attributes, 'sandbox.original_span_id': span.spanId },
    });
  }
  if (renames.size > 0) {
    for (let i = 0; i < out.length; i++) {
      const s = out[i] as SpanRecord;
      const parent = s.parentSpanId ? renames.get(`${s.traceId}:${s.parentSpanId}`) : undefined;
      const links = s.links.some((l) => renames.has(`${l.traceId}:${l.spanId}`))
        ? s.links.map((l) => ({
            ...l,
            spanId: renames.get(`${l.traceId}:${l.spanId}`) ?? l.spanId,
          }))
        : s.links;
      if (parent || links !== s.links)
        out[i] = { ...s, parentSpanId: parent ?? s.parentSpanId, links };
    }
  }
  const parts: string[] = [];
  if (renames.size > 0)
    parts.push(
      `${renames.size.toLocaleString('en')} span${renames.size === 1 ? '' : 's'} reused a span id that another trace already had; each is kept under a new id (its original id is in the attribute sandbox.original_span_id)`,
    );
  if (duplicates > 0)
    parts.push(
      `${duplicates.toLocaleString('en')} exact repeat${duplicates === 1 ? '' : 's'} of a span (same trace and span id) ${duplicates === 1 ? 'was' : 'were'} left out`,
    );
  return {
    spans: out,
    repairs: {
      renamed: renames.size,
      duplicates,
      message: parts.length > 0 ? `${parts.join('; ')}.` : '',
    },
  };
}

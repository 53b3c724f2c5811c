import { buildTraceTree } from '../../sandbox/model/buildTraceTree.ts';
import type { SpanRecord } from '../../sandbox/model/SpanRecord.ts';
import type { TraceBuffer } from '../../sandbox/model/TraceBuffer.ts';

/** One row of a trace drawn small: a span, or every span one process added to the trace. */
export interface CompactRow {
  /** The span the row is named after (the process's entry span when collapsed). */
  span: SpanRecord;
  /** Every span the row stands for, the named one first. */
  spanIds: string[];
  /** 0 for the trace's root. */
  depth: number;
  /** The topology node the row's spans ran on, when known. */
  node: string | undefined;
  /** A span in the row is flagged as a break. */
  flagged: boolean;
}

export interface CompactTrace {
  traceId: string;
  rows: CompactRow[];
  /** Spans in the trace (every one of them is in some row). */
  spans: number;
  /** Whether rows stand for a process's spans together. */
  collapsed: boolean;
}

/** Whether a span entered its process by a message: where a trace crosses a process boundary. */
const entersProcess = (span: SpanRecord) => !span.parentSpanId || span.parentRemote === true;

/**
 * A trace as rows that fit a slide. Up to `maxRows` spans, a row per span; beyond, a row per
 * process visit: the span that received the message, and the spans that process added under it.
 * The 37-span connected request becomes 17 rows, one per hop, so the room sees it whole.
 */
export function compactTrace(
  buffer: TraceBuffer,
  traceId: string,
  maxRows: number,
  nodeOf: (span: SpanRecord) => string | undefined,
): CompactTrace | null {
  const trace = buffer.traces.get(traceId);
  if (!trace) return null;
  const { rows } = buildTraceTree(buffer.spansOf(trace));
  const flagged = (s: SpanRecord) => buffer.flags.get(s.spanId)?.some((f) => f.breaks) ?? false;
  if (rows.length <= maxRows)
    return {
      traceId,
      spans: rows.length,
      collapsed: false,
      rows: rows.map((r) => ({
        span: r.span,
        spanIds: [r.span.spanId],
        depth: r.level - 1,
        node: nodeOf(r.span),
        flagged: flagged(r.span),
      })),
    };
  // Depth-first rows: a span joins the row of its nearest ancestor that entered the process.
  const rowOf = new Map<string, CompactRow>();
  const out: CompactRow[] = [];
  for (const { span } of rows) {
    const parentRow = span.parentSpanId ? rowOf.get(span.parentSpanId) : undefined;
    if (entersProcess(span) || !parentRow) {
      const row: CompactRow = {
        span,
        spanIds: [span.spanId],
        depth: parentRow ? parentRow.depth + 1 : 0,
        node: nodeOf(span),
        flagged: flagged(span),
      };
      out.push(row);
      rowOf.set(span.spanId, row);
    } else {
      parentRow.spanIds.push(span.spanId);
      parentRow.flagged ||= flagged(span);
      rowOf.set(span.spanId, parentRow);
    }
  }
  return { traceId, spans: rows.length, collapsed: true, rows: out };
}

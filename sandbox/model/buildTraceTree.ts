import type { SpanRecord } from './SpanRecord.ts';

/** One waterfall row: a span at its depth in the tree. */
export interface TreeRow {
  span: SpanRecord;
  /** 1 for a root, as aria-level counts. */
  level: number;
  childCount: number;
  /** The parent is not in the trace: shown as a root, and flagged. */
  orphan: boolean;
}

export interface TraceTree {
  /** Every span, depth first, children by start time. */
  rows: TreeRow[];
  depth: number;
}

/** Each span's children, and the roots: spans whose parent is not among `spans`. Unsorted. */
export function childrenOf(spans: readonly SpanRecord[]): {
  children: Map<string, SpanRecord[]>;
  roots: SpanRecord[];
} {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, SpanRecord[]>();
  const roots: SpanRecord[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId;
    if (parent && ids.has(parent) && parent !== span.spanId) {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(span);
    } else roots.push(span);
  }
  return { children, roots };
}

/** Builds the span tree of one trace. Spans whose parent is missing become roots. */
export function buildTraceTree(spans: readonly SpanRecord[]): TraceTree {
  const { children, roots } = childrenOf(spans);
  const byStart = (a: SpanRecord, b: SpanRecord) => a.startUs - b.startUs;
  roots.sort(byStart);
  for (const list of children.values()) list.sort(byStart);

  const rows: TreeRow[] = [];
  let depth = 0;
  const seen = new Set<string>();
  // Iterative depth-first walk: a 20,000-span trace must not overflow the stack.
  const stack: { span: SpanRecord; level: number }[] = [];
  for (let i = roots.length - 1; i >= 0; i--)
    stack.push({ span: roots[i] as SpanRecord, level: 1 });
  while (stack.length > 0) {
    const { span, level } = stack.pop() as { span: SpanRecord; level: number };
    if (seen.has(span.spanId)) continue;
    seen.add(span.spanId);
    const kids = children.get(span.spanId) ?? [];
    rows.push({
      span,
      level,
      childCount: kids.length,
      orphan: level === 1 && !!span.parentSpanId,
    });
    depth = Math.max(depth, level);
    for (let i = kids.length - 1; i >= 0; i--)
      stack.push({ span: kids[i] as SpanRecord, level: level + 1 });
  }
  return { rows, depth };
}

/** The rows still visible when the spans in `collapsed` hide their descendants. */
export function visibleRows(rows: readonly TreeRow[], collapsed: ReadonlySet<string>): TreeRow[] {
  if (collapsed.size === 0) return rows as TreeRow[];
  const out: TreeRow[] = [];
  let hideBelow = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.level > hideBelow) continue;
    hideBelow = Number.POSITIVE_INFINITY;
    out.push(row);
    if (collapsed.has(row.span.spanId) && row.childCount > 0) hideBelow = row.level;
  }
  return out;
}

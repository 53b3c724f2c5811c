import { ROOT_CONTEXT, trace, type Context, type Span } from '@opentelemetry/api';
import type { PropagationStrategy } from './PropagationStrategy.ts';

/** Rows kept before the oldest is forgotten: a memory cap; forgotten rows still count as lingering. */
const MAX_ROWS = 32;

/**
 * `global`: one shared "current span" store for the whole node, like ExRay's public ETS table.
 * Rows are span stacks keyed by request, and the Tracing Plug marks its request as the node's
 * current one. Every process reads the current row, whoever it works for.
 *
 * With one request at a time this looks connected: the proof of concept works. With several, the
 * current row belongs to whichever request arrived last, so spans adopt another request's span as
 * their parent. And nobody knows when a row may be deleted, since asynchronous handlers may still
 * need it, so rows of finished requests linger.
 */
export function globalStrategy(): PropagationStrategy {
  const rows = new Map<string, Context[]>();
  // Open spans only: an entry leaves when its span ends, so this stays small.
  const rowOfSpan = new Map<Span, Context[]>();
  const finished = new Set<string>();
  let currentKey: string | null = null;
  let lingeringEvicted = 0;

  const currentRow = () => (currentKey === null ? undefined : rows.get(currentKey));

  return {
    mode: 'global',
    active() {
      const row = currentRow();
      return (row && row[row.length - 1]) ?? ROOT_CONTEXT;
    },
    started(proc, span, ctx, entry) {
      if (entry) {
        currentKey = proc.requestId;
        rows.set(currentKey, []);
        if (rows.size > MAX_ROWS) {
          const oldest = rows.keys().next().value as string;
          rows.delete(oldest);
          if (finished.delete(oldest)) lingeringEvicted++;
        }
      }
      const row = currentRow();
      if (!row) return;
      row.push(idsOnly(ctx));
      rowOfSpan.set(span, row);
    },
    ended(_proc, span) {
      const row = rowOfSpan.get(span);
      rowOfSpan.delete(span);
      if (!row || row.length <= 1) return; // the request's own entry is never cleaned
      // Popped like a call stack: a span that ends out of order stays in the row.
      const top = row[row.length - 1];
      if (top && trace.getSpanContext(top)?.spanId === span.spanContext().spanId) row.pop();
    },
    attach(_proc, ctx) {
      currentRow()?.push(idsOnly(ctx));
    },
    detach() {
      const row = currentRow();
      if (row && row.length > 1) row.pop();
    },
    inject: () => {},
    consume(proc) {
      return { parent: this.active(proc), links: [], carried: false };
    },
    requestDone(requestId) {
      if (rows.has(requestId)) finished.add(requestId);
    },
    lingering: () => finished.size + lingeringEvicted,
  };
}

/**
 * A table row keeps ids, not the span itself, as an ETS table would: a context that holds only
 * the span context still parents new spans, and lingering rows do not keep whole spans alive.
 */
function idsOnly(ctx: Context): Context {
  const sc = trace.getSpanContext(ctx);
  return sc ? trace.setSpanContext(ROOT_CONTEXT, sc) : ctx;
}

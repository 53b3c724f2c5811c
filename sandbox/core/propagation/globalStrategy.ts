import { ROOT_CONTEXT, trace, type Context, type SpanContext } from '@opentelemetry/api';
import type { SimProcess } from '../process.ts';
import type { PropagationStrategy } from './PropagationStrategy.ts';

/** Row keys kept before the oldest is forgotten: a memory cap; forgotten rows still count as lingering. */
const MAX_ROWS = 32;

/**
 * Simulator bookkeeping, not ExRay's: for each open span of a process, the row its entry went
 * to, innermost last. A process ends its spans in the reverse order it started them, so a stack
 * finds the row again; keyed by span instead, every span paid for a map entry of its own. Kept in
 * a field of the process (cleared with its dictionary), not a dictionary entry: two map lookups
 * per span were a cost of their own.
 */
export type OpenSpanRows = (Entry[] | undefined)[];

function rowsOfOpenSpans(proc: SimProcess): OpenSpanRows {
  return (proc.openSpanRows ??= []);
}

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
  // Only the current row is ever read; an older row stays alive while a process still has a span
  // open in it (`openSpanRows`), and the table keeps just its key, for counting what lingers.
  // Holding whole rows for 32 requests kept their entries alive through young-generation
  // collections: global mode spent twice as long in the garbage collector as process mode.
  const keys = new Set<string>();
  const finished = new Set<string>();
  let currentRow: Entry[] | undefined;
  let lingeringEvicted = 0;

  return {
    mode: 'global',
    active() {
      const top = currentRow && currentRow[currentRow.length - 1];
      return top ? contextOf(top) : ROOT_CONTEXT;
    },
    started(proc, span, _parent, entry) {
      if (entry) {
        keys.add(proc.requestId);
        currentRow = [];
        if (keys.size > MAX_ROWS) {
          const oldest = keys.values().next().value as string;
          keys.delete(oldest);
          if (finished.delete(oldest)) lingeringEvicted++;
        }
      }
      rowsOfOpenSpans(proc).push(currentRow);
      // The row keeps ids only; the span's own context is never needed here.
      currentRow?.push({ ids: span.spanContext(), ctx: undefined });
    },
    ended(proc, span) {
      const row = rowsOfOpenSpans(proc).pop();
      if (!row || row.length <= 1) return; // the request's own entry is never cleaned
      // Popped like a call stack: a span that ends out of order stays in the row.
      const top = row[row.length - 1];
      if (top && top.ids?.spanId === span.spanContext().spanId) row.pop();
    },
    attach(_proc, ctx) {
      currentRow?.push(idsOnly(ctx));
    },
    detach() {
      if (currentRow && currentRow.length > 1) currentRow.pop();
    },
    inject: () => {},
    consume(proc) {
      return { parent: this.active(proc), links: [], carried: false };
    },
    requestDone(requestId) {
      if (keys.has(requestId)) finished.add(requestId);
    },
    lingering: () => finished.size + lingeringEvicted,
  };
}

/**
 * An entry of a table row: ids, not the span itself, as an ETS table would keep them, so that
 * lingering rows do not keep whole spans alive. The context that parents new spans on those ids
 * is made when a span first asks for it: about half the entries never parent anything (leaf
 * spans), and making a context per span was a cost of its own.
 */
interface Entry {
  ids: SpanContext | undefined;
  /** A context without a span context, as attached: kept as it is. */
  ctx: Context | undefined;
}

function idsOnly(ctx: Context): Entry {
  const ids = trace.getSpanContext(ctx);
  return ids ? { ids, ctx: undefined } : { ids, ctx };
}

function contextOf(entry: Entry): Context {
  if (!entry.ctx) entry.ctx = trace.setSpanContext(ROOT_CONTEXT, entry.ids as SpanContext);
  return entry.ctx;
}

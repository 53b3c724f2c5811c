import { ROOT_CONTEXT, trace, type Context, type Span } from '@opentelemetry/api';
import type { SimProcess } from '../process.ts';

/**
 * One entry of a process's span stack (Otter's and Spandex's per-process stack): a span and the
 * context it was started in, or a context that instrumentation code attached. The span's own
 * context (`trace.setSpan(parent, span)`) is made when something first asks for it: a child
 * span, an inject, `context.active()`. About a third of the spans are leaves that nobody asks
 * about, and a context (a copied Map and three closures) per span was one of the costlier
 * allocations of a run.
 */
export class SpanFrame {
  constructor(
    private ctx: Context | undefined,
    private readonly parent: Context,
    private readonly span: Span | undefined,
  ) {}

  context(): Context {
    return (this.ctx ??= trace.setSpan(this.parent, this.span as Span));
  }
}

/** Top of the per-process stack, else the extracted context, else nothing (a new trace). */
export function processActive(proc: SimProcess): Context {
  const stack = proc.spanStack;
  const top = stack && stack.length > 0 ? stack[stack.length - 1] : undefined;
  if (top) return top.context();
  return proc.extractedContext ?? ROOT_CONTEXT;
}

/** A span started in `parent` becomes the process's current span. */
export function pushSpan(proc: SimProcess, span: Span, parent: Context): void {
  (proc.spanStack ??= []).push(new SpanFrame(undefined, parent, span));
}

/** Instrumentation code attached `ctx` (otel_ctx:attach). */
export function pushContext(proc: SimProcess, ctx: Context): void {
  (proc.spanStack ??= []).push(new SpanFrame(ctx, ROOT_CONTEXT, undefined));
}

/** Pops the span's entry; spans end in LIFO order inside one process. */
export function popSpan(proc: SimProcess): void {
  const stack = proc.spanStack;
  stack?.pop();
  if (stack && stack.length === 0) proc.extractedContext = undefined;
}

/** The context the process extracted from the message it handles: its spans continue it. */
export function setExtracted(proc: SimProcess, ctx: Context): void {
  proc.extractedContext = ctx;
}

/** The process finished its message: what it extracted from it is forgotten. */
export function clearExtracted(proc: SimProcess): void {
  proc.extractedContext = undefined;
}

/** The extracted context, if the process holds one. */
export function extractedOf(proc: SimProcess): Context | undefined {
  return proc.extractedContext;
}

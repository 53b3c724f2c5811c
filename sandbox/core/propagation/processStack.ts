import { ROOT_CONTEXT, trace, type Context, type Span } from '@opentelemetry/api';
import type { SimProcess } from '../process.ts';

/** The process-dictionary key of the span stack, as Otter/Spandex keep it. */
export const STACK_KEY = '$otel_span_stack';
/** The context a process extracted from the message it is handling. */
export const BASE_KEY = '$otel_ctx';

/**
 * One entry of a process's span stack: a span and the context it was started in, or a context
 * that instrumentation code attached. The span's own context (`trace.setSpan(parent, span)`) is
 * made when something first asks for it: a child span, an inject, `context.active()`. About a
 * third of the spans are leaves that nobody asks about, and a context (a copied Map and three
 * closures) per span was one of the costlier allocations of a run.
 */
class Frame {
  constructor(
    private ctx: Context | undefined,
    private readonly parent: Context,
    private readonly span: Span | undefined,
  ) {}

  context(): Context {
    return (this.ctx ??= trace.setSpan(this.parent, this.span as Span));
  }
}

function stackOf(proc: SimProcess): Frame[] {
  let stack = proc.dict.get(STACK_KEY) as Frame[] | undefined;
  if (!stack) {
    stack = [];
    proc.dict.set(STACK_KEY, stack);
  }
  return stack;
}

/** Top of the per-process stack, else the extracted context, else nothing (a new trace). */
export function processActive(proc: SimProcess): Context {
  const stack = proc.dict.get(STACK_KEY) as Frame[] | undefined;
  const top = stack && stack.length > 0 ? stack[stack.length - 1] : undefined;
  if (top) return top.context();
  return (proc.dict.get(BASE_KEY) as Context | undefined) ?? ROOT_CONTEXT;
}

/** A span started in `parent` becomes the process's current span. */
export function pushSpan(proc: SimProcess, span: Span, parent: Context): void {
  stackOf(proc).push(new Frame(undefined, parent, span));
}

/** Instrumentation code attached `ctx` (otel_ctx:attach). */
export function pushContext(proc: SimProcess, ctx: Context): void {
  stackOf(proc).push(new Frame(ctx, ROOT_CONTEXT, undefined));
}

/** Pops the span's entry; spans end in LIFO order inside one process. */
export function popSpan(proc: SimProcess): void {
  const stack = proc.dict.get(STACK_KEY) as Frame[] | undefined;
  stack?.pop();
  if (stack && stack.length === 0) proc.dict.delete(BASE_KEY);
}

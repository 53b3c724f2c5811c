import { ROOT_CONTEXT, type Context } from '@opentelemetry/api';
import type { SimProcess } from '../process.ts';

/** The process-dictionary key of the span stack, as Otter/Spandex keep it. */
export const STACK_KEY = '$otel_span_stack';
/** The context a process extracted from the message it is handling. */
export const BASE_KEY = '$otel_ctx';

export function stackOf(proc: SimProcess): Context[] {
  let stack = proc.dict.get(STACK_KEY) as Context[] | undefined;
  if (!stack) {
    stack = [];
    proc.dict.set(STACK_KEY, stack);
  }
  return stack;
}

/** Top of the per-process stack, else the extracted context, else nothing (a new trace). */
export function processActive(proc: SimProcess): Context {
  const stack = proc.dict.get(STACK_KEY) as Context[] | undefined;
  const top = stack && stack.length > 0 ? stack[stack.length - 1] : undefined;
  return top ?? (proc.dict.get(BASE_KEY) as Context | undefined) ?? ROOT_CONTEXT;
}

export function pushSpan(proc: SimProcess, ctx: Context): void {
  stackOf(proc).push(ctx);
}

/** Pops the span's entry; spans end in LIFO order inside one process. */
export function popSpan(proc: SimProcess): void {
  const stack = proc.dict.get(STACK_KEY) as Context[] | undefined;
  stack?.pop();
  if (stack && stack.length === 0) proc.dict.delete(BASE_KEY);
}

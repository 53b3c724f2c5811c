// Exercise 2: nested spans in one process, ExRay style.
//
// ExRay wraps every `@trace` function in a `pre:` and a `post:` function. Write them: startSpan
// opens a span for the call as a child of the process's current span and makes it current;
// finishSpan ends it and gives the process its previous span back. That is a span stack per
// process, the way Otter and Spandex keep it in the process dictionary.
import { context, trace, type Span } from '@opentelemetry/api';
import type { ProcessApi, TracedCall } from '../lib/types.ts';

export const exray = {
  startSpan(call: TracedCall, api: ProcessApi): Span | undefined {
    // Your code here: a span named "Module.fun/arity" (e.g. "Stuff.get_stuff/1"), with the
    // attributes component: "ExRay" and action: call.kind, started at api.now() under
    // context.active(). Make it current with api.attach(...) and return it.
    return undefined;
  },

  finishSpan(call: TracedCall, span: Span | undefined, result: unknown, api: ProcessApi): void {
    // Your code here: pop what startSpan pushed, and end the span at api.now().
  },
};

// Exercise 2: nested spans in one process, ExRay style.
//
// ExRay wraps every `@trace` function in a `pre:` and a `post:`
// function. Write them: startSpan opens a span for the call as
// a child of the process's current span and makes it current;
// finishSpan ends it and gives the process its previous span
// back. That is a span stack per process, the way Otter and
// Spandex keep it in the process dictionary.
import { context, trace, type Span } from '@opentelemetry/api';
import type { ProcessApi, TracedCall } from '../lib/types.ts';

export const exray = {
  startSpan(call: TracedCall, api: ProcessApi): Span | undefined {
    // Your code here: a span for this call (named like
    // "Stuff.get_stuff/1", see the goal), pushed onto this
    // process's stack. Return it: finishSpan gets it back.
    return undefined;
  },

  finishSpan(call: TracedCall, span: Span | undefined, result: unknown, api: ProcessApi): void {
    // Your code here: undo what startSpan did, so the next call
    // starts where this one did.
  },
};

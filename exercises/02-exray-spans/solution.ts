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
    const span = api.tracer.startSpan(
      `${call.module}.${call.fun}/${call.arity}`,
      { startTime: api.now(), attributes: { component: 'ExRay', action: call.kind } },
      context.active(),
    );
    api.attach(trace.setSpan(context.active(), span));
    return span;
  },

  finishSpan(call: TracedCall, span: Span | undefined, result: unknown, api: ProcessApi): void {
    api.detach();
    span?.end(api.now());
  },
};

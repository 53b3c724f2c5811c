import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Exercise } from '../lib/Exercise.ts';
import { assertion } from '../lib/check.ts';
import { oneTracePerRequest } from '../lib/rules.ts';

const routerSpans = (spans: readonly ReadableSpan[]) =>
  spans.filter((s) => s.name === 'commanded.router.dispatch');

export const exercise: Exercise = {
  id: '03-inject',
  number: 3,
  title: 'Inject: context into command metadata',
  statement: [
    'The trace stops at the first process hop: the router runs in a process of its own and never hears of the request span. Commands carry a metadata map, though, and Commanded copies it along.',
    "Write the dispatch middleware's `beforeDispatch`: inject the current context into `command.metadata.trace_ctx` with OpenTelemetry's W3C propagator. The handlers already extract it (that is the next exercise).",
  ],
  goal: `POST /lab-orders                       SERVER
└─ LabOrderController.create
   └─ commanded.application.dispatch   PRODUCER   metadata.trace_ctx.traceparent = 00-<trace>-<this span>-01
      └─ commanded.router.dispatch     CONSUMER   (Router, another process)
         └─ commanded.aggregate.execute ...`,
  hints: [
    '`propagation.inject(ctx, carrier)` writes into a plain object; the context to inject is `context.active()`, which holds the dispatch span.',
    'Make a fresh `{}` carrier, inject into it, then put it at `command.metadata.trace_ctx`.',
    'const carrier: Record<string, string> = {}; propagation.inject(context.active(), carrier); command.metadata.trace_ctx = carrier;',
  ],
  exports: ['beforeDispatch'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 3, concurrency: 2, seed: 303 },
  rules: [
    ({ spans }) => {
      const problems = routerSpans(spans)
        .filter((s) => s.attributes['sim.context.carried'] !== true)
        .map(
          (s) =>
            `\`commanded.router.dispatch\` for ${String(s.attributes['messaging.destination.name'])} got a command whose metadata carried no trace_ctx`,
        );
      return assertion('every dispatched command carries trace_ctx', problems);
    },
    oneTracePerRequest(),
  ],
};

import { context, trace } from '@opentelemetry/api';
import type { Exercise } from '../lib/Exercise.ts';
import { checked, record, type Seen } from '../lib/check.ts';
import { carriedSpanId, carrierProblem, snapshot } from '../lib/carrierShape.ts';
import { referenceHint } from '../lib/hints.ts';
import { oneTracePerRequest } from '../lib/rules.ts';

/** What beforeDispatch left in a command's metadata, and which span was current then. */
interface Dispatched {
  command: string;
  metadata: Record<string, unknown>;
  /** trace_ctx was there before the hook (copied from the causing event) and the hook left it. */
  untouched: boolean;
  current: string | undefined;
}

export const exercise: Exercise = {
  id: '03-inject',
  number: 3,
  title: 'Inject: context into command metadata',
  statement: [
    'The trace stops at the first process hop: the router runs in a process of its own and never hears of the request span. Commands carry a metadata map, though, and Commanded copies it along.',
    "Write the dispatch middleware's `beforeDispatch`: write the current context into the command's metadata under `trace_ctx`, the key opentelemetry_commanded uses, with OpenTelemetry's W3C propagator. The handlers already read it from there (that is the next exercise).",
  ],
  goal: `POST /lab-orders                       SERVER
└─ LabOrderController.create
   └─ commanded.application.dispatch   PRODUCER  → trace_ctx
      └─ commanded.router.dispatch     CONSUMER  Router process
         └─ commanded.aggregate.execute ...`,
  hints: [
    'A propagator turns a context into plain text headers (a "carrier") and back. `propagation.inject` is the first half: it writes into an object you give it.',
    "Which context? The one current while the command is being dispatched: it holds the `commanded.application.dispatch` span, which should become the router's parent.",
    'Where? The check looks at `command.metadata.trace_ctx`: the headers object itself goes there, not its fields spread into the metadata.',
    referenceHint('03-inject'),
  ],
  why: "propagation.inject wrote a W3C traceparent (trace id, the dispatch span's id, the sampled flag) into metadata.trace_ctx. Commanded copies command metadata to the router, the aggregate and the events it produces, so every process downstream can read the parent from there: the context no longer depends on which process runs the code.",
  elixir: {
    sketch: `defmodule MyApp.TracingMiddleware do
  @behaviour Commanded.Middleware
  import Commanded.Middleware.Pipeline

  def before_dispatch(%Commanded.Middleware.Pipeline{} = pipeline) do
    # write the current context into the command's metadata under "trace_ctx"
  end

  def after_dispatch(pipeline), do: pipeline
  def after_failure(pipeline), do: pipeline
end`,
    solution: `defmodule MyApp.TracingMiddleware do
  @behaviour Commanded.Middleware
  import Commanded.Middleware.Pipeline

  def before_dispatch(%Commanded.Middleware.Pipeline{} = pipeline) do
    # [{"traceparent", "00-..."}]: tuples are not JSON, so store them as [key, value] lists
    headers = :otel_propagator_text_map.inject([])
    assign_metadata(pipeline, "trace_ctx", Enum.map(headers, &Tuple.to_list/1))
  end

  def after_dispatch(pipeline), do: pipeline
  def after_failure(pipeline), do: pipeline
end

# opentelemetry_commanded ships this as OpentelemetryCommanded.Middleware:
#   middleware OpentelemetryCommanded.Middleware   (in your router)`,
  },
  exports: ['beforeDispatch'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 3, concurrency: 2, seed: 303 },
  observe: (hooks, seen) => ({
    ...hooks,
    beforeDispatch(command, api) {
      const before = JSON.stringify(command.metadata.trace_ctx);
      hooks.beforeDispatch?.(command, api);
      record(seen, 'dispatched', {
        command: command.type,
        untouched: before !== undefined && JSON.stringify(command.metadata.trace_ctx) === before,
        metadata: snapshot(command.metadata),
        current: trace.getSpan(context.active())?.spanContext().spanId,
      } satisfies Dispatched);
    },
  }),
  rules: [
    (_run, seen: Seen) => {
      const dispatched = (seen.dispatched ?? []) as Dispatched[];
      // The same mistake shows on every command: say it once, naming the commands.
      const byProblem = new Map<string, Set<string>>();
      for (const d of dispatched) {
        const carried = carriedSpanId(d.metadata.trace_ctx);
        const problem =
          carrierProblem(d.metadata) ??
          (carried !== d.current && d.untouched
            ? `trace_ctx still holds what was copied from the event that caused the command (span ${carried}); expected the span current at dispatch, ${d.current ?? 'none'}`
            : carried !== d.current
              ? `trace_ctx names span ${carried}, but the span current at dispatch is ${d.current ?? 'none'}: inject context.active()`
              : null);
        if (problem) byProblem.set(problem, (byProblem.get(problem) ?? new Set()).add(d.command));
      }
      const problems = [...byProblem].map(([p, commands]) => `${[...commands].join(', ')}: ${p}`);
      return checked(
        'every dispatched command carries trace_ctx',
        dispatched.length,
        problems,
        'no command was dispatched',
      );
    },
    oneTracePerRequest(),
  ],
};

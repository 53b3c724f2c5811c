import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { Exercise } from '../lib/Exercise.ts';
import { checked, record, type Seen } from '../lib/check.ts';
import { carriedSpanId, isContext, shortValue } from '../lib/carrierShape.ts';
import { referenceHint } from '../lib/hints.ts';
import { oneTracePerRequest } from '../lib/rules.ts';

/** One call of extractContext: the span id the carrier named, and what came back. */
interface Extracted {
  carried: string | undefined;
  returned: 'root' | 'no-span' | 'not-a-context' | string;
}

const returnedWords = (r: Extracted['returned']) =>
  r === 'root'
    ? 'ROOT_CONTEXT unchanged (propagation.extract gives back the context it was given when the carrier holds no traceparent)'
    : r === 'no-span'
      ? 'a context with no span in it'
      : r === 'not-a-context'
        ? 'something that is not a Context'
        : `a context holding span ${r}`;

export const exercise: Exercise = {
  id: '04-extract',
  number: 4,
  title: 'Extract: continue the trace in every handler',
  statement: [
    'The context travels in the metadata now, but nobody reads it: the aggregate, the event store and every event handler still start traces of their own.',
    'Write `extractContext`: given the metadata of the message a process is about to handle, return the context to continue from. Use the W3C propagator; a message without `trace_ctx` continues from nothing.',
  ],
  goal: `POST /lab-orders                             SERVER
└─ ... commanded.router.dispatch
       └─ commanded.aggregate.execute         (LabOrder)
          └─ commanded.event_store.append
             └─ EventStore.append_to_stream
                └─ commanded.event_store.publish
                   ├─ commanded.event.handle   (PatientTimelineProjection)
                   ├─ commanded.event.handle   (LabWorklistProjection)
                   └─ commanded.process_manager.handle ...`,
  hints: [
    'Extracting is the other half of the propagator: it reads headers out of a carrier and puts the remote span context into a context. Into which context? One that holds nothing yet.',
    'The carrier is not the whole metadata map: it is what the middleware stored under one key.',
    'Some messages carry nothing (a command dispatched by hand, for instance). Your function is called for those too, and must not crash: what does "continue from nothing" return?',
    referenceHint('04-extract'),
  ],
  why: "propagation.extract read the traceparent from metadata.trace_ctx and returned a context whose span is the remote producer. Every handler starts its span from that context, so the aggregate, the event store and the projections all join the request's trace, each in its own process. A message with no carrier yields a context with no span: the handler starts a new trace, which is right for work nobody asked for.",
  elixir: {
    sketch: `# An event handler's handle/2, or a telemetry handler for [:commanded, :event, :handle, :start]
def handle(%LabOrderPlaced{} = event, metadata) do
  # continue from metadata["trace_ctx"], if there is one
  Tracer.with_span "commanded.event.handle", %{kind: :consumer} do
    ...
  end
end`,
    solution: `def handle(%LabOrderPlaced{} = event, metadata) do
  case metadata["trace_ctx"] do
    nil -> :ok
    # [[key, value], ...] back to [{key, value}]; extract attaches the remote parent
    headers -> :otel_propagator_text_map.extract(Enum.map(headers, &List.to_tuple/1))
  end

  Tracer.with_span "commanded.event.handle", %{kind: :consumer} do
    ...
  end
end

# opentelemetry_commanded does this in its telemetry handlers for you.`,
  },
  exports: ['extractContext'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 3, concurrency: 2, seed: 404 },
  observe: (hooks, seen) => ({
    ...hooks,
    extractContext(metadata, api) {
      const ctx = hooks.extractContext!(metadata, api);
      const returned = !isContext(ctx)
        ? 'not-a-context'
        : ctx === ROOT_CONTEXT
          ? 'root'
          : (trace.getSpanContext(ctx)?.spanId ?? 'no-span');
      record(seen, 'extracted', {
        carried: carriedSpanId(metadata.trace_ctx),
        returned,
      } satisfies Extracted);
      if (!isContext(ctx)) record(seen, 'notContext', shortValue(ctx));
      return ctx;
    },
  }),
  rules: [
    (_run, seen: Seen) => {
      const calls = (seen.extracted ?? []) as Extracted[];
      const withCarrier = calls.filter((c) => c.carried);
      const wrong = withCarrier.filter((c) => c.returned !== c.carried);
      const problems = wrong
        .slice(0, 1)
        .map(
          (c) =>
            `for metadata whose trace_ctx names span ${c.carried}, extractContext returned ${returnedWords(c.returned)}${c.returned === 'not-a-context' ? ` (${String(seen.notContext?.[0])})` : ''}; expected a context holding that span`,
        );
      if (wrong.length > 1)
        problems.push(`the same for ${wrong.length - 1} more of ${withCarrier.length} messages`);
      return checked(
        'extractContext continues from the carrier',
        withCarrier.length,
        problems,
        'no message carrying trace_ctx reached a handler',
      );
    },
    oneTracePerRequest(),
  ],
};

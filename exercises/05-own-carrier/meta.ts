import { context, trace } from '@opentelemetry/api';
import type { Exercise } from '../lib/Exercise.ts';
import { checked, record, type Seen } from '../lib/check.ts';
import { isContext, shortValue } from '../lib/carrierShape.ts';
import { referenceHint } from '../lib/hints.ts';
import { ownConnectedTrace } from '../lib/rules.ts';
import { describeSpan } from '../lib/traceQueries.ts';

/** What inject added to one message's metadata: keys and values, and whether JSON keeps them. */
interface Injected {
  added: Record<string, unknown>;
  /** The first added key whose value JSON loses or changes, with what it becomes. */
  lost: { key: string; was: string; becomes: string } | null;
  current: string | undefined;
}

interface Extracted {
  /** The metadata extract was given held a key inject writes. */
  hasOurs: boolean;
  metadata: string;
  returnedSpan: boolean;
}

const NOT_JSON_SAFE = (key: string, value: unknown): { was: string; becomes: string } | null => {
  const was = isContext(value)
    ? 'a Context object'
    : value && typeof (value as { spanContext?: unknown }).spanContext === 'function'
      ? 'a Span object'
      : typeof value === 'function'
        ? 'a function'
        : null;
  const json = JSON.stringify({ [key]: value });
  const back = (JSON.parse(json) as Record<string, unknown>)[key];
  if (was || JSON.stringify(back) !== json.slice(json.indexOf(':') + 1, -1))
    return {
      was: was ?? shortValue(value),
      becomes: back === undefined ? 'nothing' : shortValue(back),
    };
  return null;
};

export const exercise: Exercise = {
  id: '05-own-carrier',
  number: 5,
  title: 'A carrier of your own',
  statement: [
    "Before opentelemetry_commanded existed, Alexander had to design the carrier himself. So do you: no middleware, no key, no format is given. Every command, every event and the SMS Task's message passes through your `carrier.inject` on its way out of a process, and through your `carrier.extract` where the next process picks it up.",
    'Decide where the context rides and in what form, then write both halves. One fact about this system: the EventStore keeps event metadata as JSON, so whatever you put there must survive being written out as text and read back.',
  ],
  goal: `POST /lab-orders  SERVER           every request one trace
└─ ... commanded.router.dispatch        a command, in memory
       └─ ... commanded.event.handle    an event, back from JSON
              └─ ... POST /messages     the SMS Task`,
  hints: [
    'Two choices to make: the key (any name that nothing else in the metadata uses) and the form. The form has to be plain text: a live object does not survive the EventStore.',
    'The W3C propagator already turns a context into plain text headers and back. You do not need to invent a format, only a place for it.',
    'extract is called for every message, including ones that carry nothing of yours. It must return a Context in every case.',
    referenceHint('05-own-carrier'),
  ],
  why: 'Your inject wrote the context as text (W3C headers) under a key of your own; Commanded copies metadata from command to events to follow-up commands, and the EventStore writes it out as JSON and reads it back, and text survives both. Your extract turned the text back into a context in each receiving process, so the trace crosses every hop. A live Context object would have arrived at the event handlers as {}.',
  elixir: {
    sketch: `# Where does the context ride, and in what form? Both halves are yours.
defmodule MyApp.TraceCarrier do
  # called before a command or event leaves the process
  def inject(metadata), do: # ...
  # called where the next process picks it up
  def extract(metadata), do: # ...
end`,
    solution: `defmodule MyApp.TraceCarrier do
  @key "otel"

  def inject(metadata) do
    # [{"traceparent", "00-..."}] -> %{"traceparent" => "00-..."}: a map of strings is JSON
    Map.put(metadata, @key, Map.new(:otel_propagator_text_map.inject([])))
  end

  def extract(metadata) do
    case metadata[@key] do
      %{} = headers -> :otel_propagator_text_map.extract(Map.to_list(headers))
      _ -> :ok
    end
  end
end

# Storing OpenTelemetry.Ctx.get_current() itself would not survive the EventStore:
# the context is a map of Erlang terms (records, refs), not JSON.`,
  },
  exports: ['carrier'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 4, concurrency: 2, seed: 505 },
  observe: (hooks, seen) => {
    const learner = hooks.carrier!;
    const ourKeys = new Set<string>();
    return {
      ...hooks,
      carrier: {
        inject(metadata, api) {
          const before = new Map(Object.entries(metadata));
          learner.inject(metadata, api);
          const added: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(metadata)) if (before.get(k) !== v) added[k] = v;
          for (const k of Object.keys(added)) ourKeys.add(k);
          let lost: Injected['lost'] = null;
          for (const [key, value] of Object.entries(added)) {
            const loss = NOT_JSON_SAFE(key, value);
            if (loss) lost ??= { key, ...loss };
          }
          record(seen, 'injected', {
            added,
            lost,
            current: trace.getSpan(context.active())?.spanContext().spanId,
          } satisfies Injected);
        },
        extract(metadata, api) {
          const ctx = learner.extract(metadata, api);
          const returnedSpan = isContext(ctx) && !!trace.getSpanContext(ctx);
          record(seen, 'extracted', {
            hasOurs: Object.keys(metadata).some((k) => ourKeys.has(k)),
            metadata: shortValue(metadata),
            returnedSpan,
          } satisfies Extracted);
          return ctx;
        },
      },
    };
  },
  rules: [
    (_run, seen: Seen) => {
      const injected = (seen.injected ?? []) as Injected[];
      const problems: string[] = [];
      const wroteNothing = injected.filter((i) => Object.keys(i.added).length === 0).length;
      if (wroteNothing > 0)
        problems.push(
          `inject added nothing to the metadata in ${wroteNothing} of ${injected.length} calls; expected it to write the current context somewhere`,
        );
      const lost = injected.find((i) => i.lost)?.lost;
      if (lost)
        problems.push(
          `inject put ${lost.was} under \`${lost.key}\`; the EventStore keeps metadata as JSON, where it comes back as ${lost.becomes}: write text`,
        );
      return checked(
        'inject writes the context as something JSON keeps',
        injected.length,
        problems,
        'inject was never called (no message left a process)',
      );
    },
    (_run, seen: Seen) => {
      const calls = ((seen.extracted ?? []) as Extracted[]).filter((c) => c.hasOurs);
      const missed = calls.filter((c) => !c.returnedSpan);
      const problems = missed
        .slice(0, 1)
        .map(
          (c) =>
            `extract was given ${c.metadata} and returned a context with no span; expected the context inject wrote there${missed.length > 1 ? ` (the same for ${missed.length - 1} more messages)` : ''}`,
        );
      return checked(
        'extract finds the context in what arrives',
        calls.length,
        problems,
        'no message has reached extract with anything inject wrote',
      );
    },
    ownConnectedTrace(
      (root) =>
        `${describeSpan(root)} started a new trace: the context did not make it across this hop`,
    ),
  ],
};

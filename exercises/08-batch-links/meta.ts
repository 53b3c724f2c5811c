import type { Exercise } from '../lib/Exercise.ts';
import { assertion, checked } from '../lib/check.ts';
import { referenceHint } from '../lib/hints.ts';
import { describeSpan, requestIdOf, spanId } from '../lib/traceQueries.ts';

export const exercise: Exercise = {
  id: '08-batch-links',
  number: 8,
  title: 'Projections: child or link?',
  statement: [
    '"What about Command -> Projection?" One event, one handler: the handler span is a child of the publish span. But LabWorklistProjection now takes events in batches, from several requests at once, and a span has only one parent.',
    'Write `batchLinks`: return one link per event in the batch, to the span that published it. The batch span then starts a trace of its own, and every request it served can still find it.',
  ],
  goal: `commanded.event.handle  (LabWorklistProjection, batch of 3)   a new trace
  links: -> commanded.event_store.publish of req-4 (LabOrderPlaced)
         -> commanded.event_store.publish of req-5 (LabOrderPlaced)
         -> commanded.event_store.publish of req-3 (SampleCollectionScheduled)
└─ INSERT lab_worklist`,
  hints: [
    'A link names another span by its span context (trace id and span id) and may carry attributes. Whose span context, for each event?',
    'Every event still carries its producer in `metadata.trace_ctx`, as in exercise 4. Extracting gives a context; the span context is inside it.',
    'One link per event, even when two events came from the same request; an event whose metadata carries nothing gets no link.',
    referenceHint('08-batch-links'),
  ],
  why: 'Each link points at the commanded.event_store.publish span that published one event, so a batch span that served three requests is reachable from all three traces, without pretending to be a child of any one of them. That is what the messaging conventions recommend for batches, and what OpentelemetryBroadway does; opentelemetry_commanded gives batch handlers no span at all.',
  elixir: {
    sketch: `def handle_batch(events) do
  # one link per event, to the span that published it
  Tracer.with_span "commanded.event.handle", %{kind: :consumer, links: ...} do
    ...
  end
end`,
    solution: `def handle_batch(events) do
  links =
    for {_event, %{"trace_ctx" => headers}} <- events, headers != nil do
      ctx = :otel_propagator_text_map.extract_to(:otel_ctx.new(), Enum.map(headers, &List.to_tuple/1))
      OpenTelemetry.link(Tracer.current_span_ctx(ctx))
    end

  Tracer.with_span "commanded.event.handle", %{kind: :consumer, links: links} do
    ...
  end
end`,
  },
  exports: ['batchLinks'],
  run: {
    scenario: 'lab-order',
    mode: 'links',
    faults: ['batch-projection'],
    requests: 12,
    concurrency: 6,
    seed: 4,
  },
  rules: [
    ({ spans }) => {
      const batches = spans.filter(
        (s) => Number(s.attributes['messaging.batch.message_count'] ?? 1) > 1,
      );
      if (batches.length === 0)
        return assertion('every batch span links to each event it handled', [
          'no batch was handled in this run; expected the projection to batch events',
        ]);
      const problems: string[] = [];
      for (const batch of batches) {
        const count = Number(batch.attributes['messaging.batch.message_count']);
        if (batch.links.length !== count)
          problems.push(
            `${describeSpan(batch)} handled ${count} events in a batch; expected ${count} links, found ${batch.links.length}`,
          );
        if (batch.parentSpanContext)
          problems.push(`${describeSpan(batch)} has a parent; a batch span starts its own trace`);
      }
      return assertion('every batch span links to each event it handled', problems);
    },
    ({ spans }) => {
      const byId = new Map(spans.map((s) => [spanId(s), s]));
      const problems: string[] = [];
      let links = 0;
      const batches = spans.filter(
        (s) => Number(s.attributes['messaging.batch.message_count'] ?? 1) > 1,
      );
      for (const s of batches) {
        for (const link of s.links) {
          links++;
          const target = byId.get(link.context.spanId);
          if (!target)
            problems.push(
              `${describeSpan(s)} links to span ${link.context.spanId}, which is not in the run; expected the span that published the event`,
            );
          else if (target.name !== 'commanded.event_store.publish')
            problems.push(
              `${describeSpan(s)} links to ${describeSpan(target)} of ${requestIdOf(target)}; expected \`commanded.event_store.publish\`, the span that published the event`,
            );
        }
      }
      return checked(
        'links point at the spans that published the events',
        links,
        problems,
        'batchLinks has returned no links for a batch yet',
      );
    },
  ],
};

import type { Exercise } from '../lib/Exercise.ts';
import { assertion } from '../lib/check.ts';
import { describeSpan, spanId } from '../lib/traceQueries.ts';

export const exercise: Exercise = {
  id: '06-batch-links',
  number: 6,
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
    'Each event carries `metadata.trace_ctx`, just like before. Extract it; `trace.getSpanContext(ctx)` gives the producer span context.',
    'A link is `{ context: spanContext, attributes?: {...} }`. Skip events whose metadata carries nothing.',
    'for each event: const producer = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, event.metadata.trace_ctx ?? {})); if (producer) links.push({ context: producer });',
  ],
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
      const problems =
        batches.length === 0
          ? ['no batch was handled in this run (the scenario should batch)']
          : [];
      for (const batch of batches) {
        const count = Number(batch.attributes['messaging.batch.message_count']);
        if (batch.links.length !== count)
          problems.push(
            `${describeSpan(batch)} handled ${count} events in a batch but has ${batch.links.length} link(s): return one link per event`,
          );
        if (batch.parentSpanContext)
          problems.push(`${describeSpan(batch)} has a parent; a batch span starts its own trace`);
      }
      return assertion('every batch span links to each event it handled', problems);
    },
    ({ spans }) => {
      const ids = new Set(spans.map(spanId));
      const problems: string[] = [];
      for (const s of spans) {
        for (const link of s.links) {
          if (!ids.has(link.context.spanId))
            problems.push(
              `${describeSpan(s)} links to span ${link.context.spanId}, which is not in the run`,
            );
          else {
            const target = spans.find((t) => spanId(t) === link.context.spanId);
            if (target?.name !== 'commanded.event_store.publish')
              problems.push(
                `${describeSpan(s)} links to ${target ? describeSpan(target) : 'nothing'}, not to the span that published the event`,
              );
          }
        }
      }
      return assertion('links point at the spans that published the events', problems);
    },
  ],
};

import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Exercise } from '../lib/Exercise.ts';
import { assertion } from '../lib/check.ts';
import { referenceHint } from '../lib/hints.ts';
import { ownConnectedTrace } from '../lib/rules.ts';
import { byRequest, describeSpan, parentId, startUs } from '../lib/traceQueries.ts';

/** The spans that began a second trace in their request: each one is a hop that lost the context. */
function breaks(spans: readonly ReadableSpan[]): Map<string, string[]> {
  const hops = new Map<string, string[]>();
  for (const [request, group] of byRequest(spans)) {
    const roots = group.filter((s) => !parentId(s)).sort((a, b) => startUs(a) - startUs(b));
    for (const root of roots.slice(1)) {
      const hop = describeSpan(root);
      hops.set(hop, [...(hops.get(hop) ?? []), request]);
    }
  }
  return hops;
}

export const exercise: Exercise = {
  id: '10-find-the-bug',
  number: 10,
  title: 'Find the bug',
  statement: [
    "A colleague instrumented the whole app: the dispatch middleware, the handlers' extraction, the handler that dispatches a follow-up command, and the SMS Task. Each piece looks reasonable, and yet the trace breaks at one hop.",
    'Run the check first and read the trace, not the code: which span starts a new trace, in which process, handling which message? Then find the code for that hop and fix it, changing as little as you can.',
  ],
  goal: `Every request one trace, every hop continued:
POST /lab-orders  SERVER
└─ ... commanded.event.handle (NotificationHandler)
       ├─ POST /messages
       └─ commanded.application.dispatch MarkPatientNotified
          └─ commanded.router.dispatch  <- same trace`,
  hints: [
    'Start from the trace: a span with no parent in the middle of a request is where the context was lost. Which message was it handling, and which process sent that message?',
    "The receiving side reads the carrier from the message's metadata. Did the metadata of that message hold one when it was sent? Follow it back to where that metadata was built.",
    'Code that copies "only the keys we need" decides what survives a hop. Is the carrier among them?',
    referenceHint('10-find-the-bug'),
  ],
  why: "The trace showed one span starting a new trace: the router handling MarkPatientNotified. That message was built by NotificationHandler's copyToFollowUp, which forwarded an allow-list of metadata keys, and trace_ctx was not on it. Adding it lets the carrier cross that hop. The lesson: the trace tells you which hop lost the context; the code that builds that hop's message tells you why.",
  elixir: {
    sketch: `def handle(%SampleCollectionScheduled{} = event, metadata) do
  MyApp.dispatch(%MarkPatientNotified{lab_order_id: event.lab_order_id},
    causation_id: metadata.event_id,
    correlation_id: metadata.correlation_id,
    metadata: Map.take(metadata, ["user_id", "request_id", "tenant"])
  )
end`,
    solution: `def handle(%SampleCollectionScheduled{} = event, metadata) do
  MyApp.dispatch(%MarkPatientNotified{lab_order_id: event.lab_order_id},
    causation_id: metadata.event_id,
    correlation_id: metadata.correlation_id,
    # the carrier is metadata like any other: forward it
    metadata: Map.take(metadata, ["user_id", "request_id", "tenant", "trace_ctx"])
  )
end`,
  },
  exports: ['beforeDispatch', 'extractContext', 'copyToFollowUp', 'taskHandoff'],
  run: {
    scenario: 'lab-order',
    mode: 'metadata',
    faults: ['task-loses-context'],
    requests: 3,
    concurrency: 2,
    seed: 1010,
  },
  rules: [
    ({ spans }) => {
      const hops = breaks(spans);
      const total = byRequest(spans).size;
      const problems = [...hops].map(
        ([hop, requests]) =>
          `${hop} starts a new trace in ${requests.length} of ${total} requests: the message it handles arrived without the context; expected it to continue the request's trace`,
      );
      return assertion('every hop continues the trace', problems);
    },
    // Says where, not why: finding the why is the exercise.
    ownConnectedTrace((root) => `${describeSpan(root)} started a new trace`),
  ],
};

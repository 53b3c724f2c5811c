import type { Exercise } from '../lib/Exercise.ts';
import { oneTracePerRequest } from '../lib/rules.ts';

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
    '`propagation.extract(ROOT_CONTEXT, carrier)` returns a context whose span context is the remote parent.',
    'The carrier is `metadata.trace_ctx`; when it is missing, pass an empty object.',
    'return propagation.extract(ROOT_CONTEXT, (metadata.trace_ctx ?? {}) as Record<string, string>);',
  ],
  exports: ['extractContext'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 3, concurrency: 2, seed: 404 },
  rules: [oneTracePerRequest()],
};

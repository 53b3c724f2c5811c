// Exercise 5: a carrier of your own.
//
// No middleware, no metadata key, no format is given this time.
// Every command, every event and the SMS Task's message passes
// through `carrier.inject` on its way out of a process and
// through `carrier.extract` where the next process picks it up.
// You decide where in the metadata the trace context rides and
// in what form, and you write both halves.
//
// One thing to know about the system: the EventStore keeps
// event metadata as JSON.
import { ROOT_CONTEXT, type Context } from '@opentelemetry/api';
import type { Metadata, ProcessApi } from '../lib/types.ts';

export const carrier = {
  inject(metadata: Metadata, api: ProcessApi): void {
    // Your code here: write the current context into
    // `metadata`.
  },

  extract(metadata: Metadata, api: ProcessApi): Context {
    // Your code here: read back what inject wrote, and return
    // the context to continue from.
    return ROOT_CONTEXT;
  },
};

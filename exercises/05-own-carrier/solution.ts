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
import { ROOT_CONTEXT, context, propagation, type Context } from '@opentelemetry/api';
import type { Metadata, ProcessApi } from '../lib/types.ts';

// One key of our own, holding W3C headers as plain strings:
// they survive JSON, every copy Commanded makes of the
// metadata, and any other service that speaks Trace Context.
const KEY = 'otel';

export const carrier = {
  inject(metadata: Metadata, api: ProcessApi): void {
    const headers: Record<string, string> = {};
    propagation.inject(context.active(), headers);
    metadata[KEY] = headers;
  },

  extract(metadata: Metadata, api: ProcessApi): Context {
    const headers = metadata[KEY];
    if (!headers || typeof headers !== 'object') return ROOT_CONTEXT;
    return propagation.extract(ROOT_CONTEXT, headers as Record<string, string>);
  },
};

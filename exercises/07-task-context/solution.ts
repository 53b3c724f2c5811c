// Exercise 7: a Task loses the context.
//
// NotificationHandler texts the patient from a Task, a process
// of its own. A new process starts with an empty process
// dictionary: no current context, no current span. So the
// Task's `POST /messages` span starts a trace of its own. Hand
// the context over yourself: `beforeStart` runs in
// NotificationHandler just before the Task is spawned, and
// whatever it returns is given to `inTask`, the first thing the
// Task runs.
import { context, type Context } from '@opentelemetry/api';
import type { ProcessApi } from '../lib/types.ts';

export const taskHandoff = {
  beforeStart(api: ProcessApi): unknown {
    // The handler's current context, captured while we are
    // still in the handler's process.
    return context.active();
  },

  inTask(handed: unknown, api: ProcessApi): void {
    // Make it current in the Task's process: its spans now
    // start under the handler's span.
    api.attach(handed as Context);
  },
};

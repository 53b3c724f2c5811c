import type { Exercise } from '../lib/Exercise.ts';
import { noCrossRequestParents, oneTracePerRequest } from '../lib/rules.ts';

export const exercise: Exercise = {
  id: '07-global-state',
  number: 7,
  title: 'Stretch: global state',
  stretch: true,
  statement: [
    'Before he found the per-process stack, Alexander considered keeping the current span in global state, an ETS table. With one request at a time it works. With several, it does not.',
    'The store below is where every process keeps its current span. Run the check with four requests in flight, read which spans got parents from other requests, and fix the store so each process has its own.',
  ],
  goal: `Every request is one trace again, and no span has a parent from another request:
req-1  POST /lab-orders ... 37 spans, 1 trace
req-2  POST /lab-orders ... 37 spans, 1 trace
...`,
  hints: [
    'The store gets a pid on every call, and ignores it. Which process asked matters.',
    "Erlang keeps the current span in each process's own dictionary. A Map keyed by pid is the same thing.",
    'const byPid = new Map<string, Context>(); get: byPid.get(pid); set: ctx ? byPid.set(pid, ctx) : byPid.delete(pid).',
  ],
  exports: ['currentSpanStore'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 6, concurrency: 4, seed: 707 },
  rules: [noCrossRequestParents, oneTracePerRequest()],
};

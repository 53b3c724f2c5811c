/**
 * A discrete-event scheduler on virtual time. Time is an integer count of microseconds since the
 * start of the run; nothing here reads a wall clock. Events at the same instant run in the order
 * they were scheduled, which keeps runs deterministic.
 */
export interface Scheduler {
  /** Virtual now, in microseconds. */
  now(): number;
  /** Run `task(arg)` at `at` (clamped to now). Passing the argument saves a closure per event. */
  at<A>(at: number, task: (arg: A) => void, arg?: A): void;
  /** Run `task(arg)` after `delay` microseconds. */
  after<A>(delay: number, task: (arg: A) => void, arg?: A): void;
  /** Runs the next event; false when nothing is scheduled. */
  step(): boolean;
  /** Runs every event up to and including virtual time `until`, then sets now to `until`. */
  runUntil(until: number): number;
  /** Time of the next event, or undefined when idle. */
  peek(): number | undefined;
  pending(): number;
}

interface Entry {
  at: number;
  seq: number;
  task: (arg: unknown) => void;
  arg: unknown;
}

export function createScheduler(): Scheduler {
  // A binary min-heap ordered by (at, seq).
  const heap: Entry[] = [];
  let now = 0;
  let seq = 0;

  const less = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const push = (e: Entry) => {
    heap.push(e);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = heap[p] as Entry;
      if (!less(e, parent)) break;
      heap[i] = parent;
      i = p;
    }
    heap[i] = e;
  };
  const pop = (): Entry | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && less(heap[r] as Entry, heap[l] as Entry)) c = r;
      const child = heap[c] as Entry;
      if (!less(child, last)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = last;
    return top;
  };

  const at = <A>(t: number, task: (arg: A) => void, arg?: A) =>
    push({
      at: Math.max(now, Math.round(t)),
      seq: seq++,
      task: task as (arg: unknown) => void,
      arg,
    });
  const step = () => {
    const e = pop();
    if (!e) return false;
    now = e.at;
    e.task(e.arg);
    return true;
  };
  return {
    now: () => now,
    at,
    after: (delay, task, arg) => at(now + delay, task, arg),
    step,
    runUntil(until) {
      let count = 0;
      while (heap.length > 0 && (heap[0] as Entry).at <= until) {
        step();
        count++;
      }
      if (until > now) now = until;
      return count;
    },
    peek: () => heap[0]?.at,
    pending: () => heap.length,
  };
}

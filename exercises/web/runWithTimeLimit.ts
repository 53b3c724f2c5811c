import type { CheckRequest, CheckResultData, WorkerMessage } from './checkProtocol.ts';

/** How long learner code may run once started, in milliseconds: a loop is stopped well within 2 s. */
export const RUN_LIMIT_MS = 1500;
/** How long a fresh worker may take to load before it is given up on (a slow machine, a bad build). */
export const LOAD_LIMIT_MS = 20_000;

/** The part of a Worker the runner uses, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: CheckRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type RunOutcome =
  | { kind: 'done'; result: CheckResultData }
  | { kind: 'timeout'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

export interface RunOptions {
  runLimitMs?: number;
  loadLimitMs?: number;
  timers?: Timers;
}

export interface Run {
  outcome: Promise<RunOutcome>;
  /** Stops the worker now (a newer run replaces this one, or the page goes away). */
  cancel(): void;
}

/**
 * Runs one check in a fresh worker and ends it, whatever happens: after its result, after an
 * error, when learner code runs past `runLimitMs` (counted from the worker's `started` message),
 * when the worker does not load within `loadLimitMs`, or on cancel. Settles exactly once.
 */
export function runWithTimeLimit(
  createWorker: () => WorkerLike,
  request: CheckRequest,
  options: RunOptions = {},
): Run {
  const runLimit = options.runLimitMs ?? RUN_LIMIT_MS;
  const loadLimit = options.loadLimitMs ?? LOAD_LIMIT_MS;
  const timers = options.timers ?? browserTimers;
  let settle: (outcome: RunOutcome) => void = () => {};
  const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
  let worker: WorkerLike | null = null;
  let timer: unknown = null;
  let done = false;

  const finish = (result: RunOutcome) => {
    if (done) return;
    done = true;
    if (timer !== null) timers.clear(timer);
    timer = null;
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    }
    settle(result);
  };
  const limit = (ms: number, message: string) => {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => finish({ kind: 'timeout', message }), ms);
  };

  try {
    worker = createWorker();
  } catch (err) {
    finish({ kind: 'error', message: `The check could not start a worker: ${String(err)}` });
    return { outcome, cancel: () => {} };
  }
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'started')
      limit(
        runLimit,
        `Your code did not finish within ${runLimit / 1000} s and was stopped. Is there an endless loop, or a loop whose condition never changes?`,
      );
    else if (message.type === 'result') finish({ kind: 'done', result: message.result });
    else finish({ kind: 'error', message: message.message });
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    finish({
      kind: 'error',
      message: `The check's worker failed: ${event.message || 'it could not be loaded'}.`,
    });
  };
  limit(loadLimit, `The check did not start within ${loadLimit / 1000} s and was stopped.`);
  worker.postMessage(request);
  return { outcome, cancel: () => finish({ kind: 'cancelled' }) };
}

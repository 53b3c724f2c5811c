import { Worker } from 'node:worker_threads';
import { assertion, type Assertion } from './check.ts';

/** What the CLI needs of a check, without the spans (they do not cross threads cheaply). */
export interface CheckSummary {
  exercise: string;
  passed: boolean;
  assertions: Assertion[];
}

/** How long learner code may run before it is stopped: an endless loop must not hang the CLI. */
export const TIME_LIMIT_MS = 10_000;

/**
 * One worker thread, kept between checks so the checks load once; replaced when a check runs
 * over the time limit (the only way to stop an endless loop is to end its thread). The worker
 * registers the TypeScript loader itself (see checkWorkerEntry.mjs).
 */
let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();

function spawn(): Worker {
  const w = new Worker(new URL('./checkWorkerEntry.mjs', import.meta.url));
  w.unref(); // an idle checker never keeps the CLI alive
  return w;
}

/** Checks a file in the worker thread, and stops it when it runs over the time limit. */
export function checkInWorker(
  exerciseId: string,
  file: string,
  limitMs = TIME_LIMIT_MS,
): Promise<CheckSummary> {
  const run = queue.then(() => checkOnce(exerciseId, file, limitMs));
  queue = run.catch(() => undefined);
  return run;
}

function checkOnce(exerciseId: string, file: string, limitMs: number): Promise<CheckSummary> {
  const w = (worker ??= spawn());
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
    };
    const onMessage = (message: CheckSummary | 'started') => {
      if (message === 'started') {
        timer = setTimeout(stop, limitMs);
        return;
      }
      done();
      resolve(message);
    };
    const onError = (err: Error) => {
      done();
      worker = null;
      void w.terminate();
      reject(err);
    };
    const stop = () => {
      done();
      worker = null;
      void w.terminate();
      resolve({
        exercise: exerciseId,
        passed: false,
        assertions: [
          assertion('the code finishes', [
            `${file} did not finish within ${limitMs / 1000} s and was stopped: is there an endless loop?`,
          ]),
        ],
      });
    };
    let timer: NodeJS.Timeout | undefined;
    w.on('message', onMessage);
    w.on('error', onError);
    w.ref();
    w.postMessage({ exerciseId, file });
  }).finally(() => w.unref()) as Promise<CheckSummary>;
}

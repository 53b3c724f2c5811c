import { Worker } from 'node:worker_threads';
import type { Assertion } from './check.ts';

/** What the CLI needs of a check, without the spans (they do not cross threads cheaply). */
export interface CheckSummary {
  exercise: string;
  passed: boolean;
  assertions: Assertion[];
}

/** How long learner code may run before it is stopped: an endless loop must not hang the CLI. */
export const TIME_LIMIT_MS = 10_000;

/**
 * Checks a file in a worker thread, and stops it when it runs over the time limit. The worker
 * inherits this process's loader flags (`--import tsx`), so it can load the TypeScript checks.
 */
export function checkInWorker(
  exerciseId: string,
  file: string,
  limitMs = TIME_LIMIT_MS,
): Promise<CheckSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./checkWorkerEntry.mjs', import.meta.url), {
      workerData: { exerciseId, file },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({
        exercise: exerciseId,
        passed: false,
        assertions: [
          {
            name: 'the code finishes',
            pass: false,
            message: `${file} did not finish within ${limitMs / 1000} s and was stopped: is there an endless loop?`,
          },
        ],
      });
    }, limitMs);
    worker.once('message', (summary: CheckSummary) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(summary);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

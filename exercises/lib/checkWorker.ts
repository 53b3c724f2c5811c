// Runs checks in a worker thread for the exercises CLI (see checkInWorker.ts): one request at a
// time, as many as the CLI sends, so the checks' modules load once per worker, not per check.
import { existsSync, readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { findExercise } from './catalog.ts';
import { checkSource } from './checkSource.ts';
import type { CheckSummary } from './checkInWorker.ts';
import { assertion } from './check.ts';

parentPort?.on('message', ({ exerciseId, file }: { exerciseId: string; file: string }) => {
  const exercise = findExercise(exerciseId);
  if (!exercise) throw new Error(`no exercise ${exerciseId}`);
  if (!existsSync(file)) {
    parentPort?.postMessage({
      exercise: exerciseId,
      passed: false,
      assertions: [
        assertion('the file exists', [
          `${file} is missing: npm run exercises -- reset ${exercise.number} makes it again`,
        ]),
      ],
    } satisfies CheckSummary);
    return;
  }
  const text = readFileSync(file, 'utf8');
  // The time limit counts from here: loading this worker's modules is not the learner's time.
  parentPort?.postMessage('started');
  const report = checkSource(exercise, text, file);
  parentPort?.postMessage({
    exercise: report.exercise,
    passed: report.passed,
    assertions: report.assertions,
  } satisfies CheckSummary);
});

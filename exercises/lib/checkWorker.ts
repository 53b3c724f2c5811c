// Runs one check in a worker thread for the exercises CLI (see checkInWorker.ts).
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { findExercise } from './catalog.ts';
import { checkSource } from './checkSource.ts';
import type { CheckSummary } from './checkInWorker.ts';

const { exerciseId, file } = workerData as { exerciseId: string; file: string };
const exercise = findExercise(exerciseId);
if (!exercise) throw new Error(`no exercise ${exerciseId}`);
const report = checkSource(exercise, readFileSync(file, 'utf8'), file);
const summary: CheckSummary = {
  exercise: report.exercise,
  passed: report.passed,
  assertions: report.assertions,
};
parentPort?.postMessage(summary);

// The exercise check in a dedicated Web Worker: learner code is compiled and run here, away from
// the page, so it cannot touch the DOM and an endless loop only stalls this thread.
import { findExercise } from '../lib/catalog.ts';
import { checkSource } from '../lib/checkSource.ts';
import { toOtlpJson } from '../../sandbox/telemetry/otlpJson.ts';
import type { CheckRequest, WorkerMessage } from './checkProtocol.ts';

const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { exerciseId, source, filename } = event.data;
  const exercise = findExercise(exerciseId);
  if (!exercise) {
    post({ type: 'error', message: `There is no exercise "${exerciseId}".` });
    return;
  }
  post({ type: 'started' });
  const t0 = performance.now();
  try {
    const report = checkSource(exercise, source, filename);
    post({
      type: 'result',
      result: {
        exercise: report.exercise,
        passed: report.passed,
        assertions: report.assertions,
        crashes: report.crashes,
        otlp: report.spans.length > 0 ? toOtlpJson(report.spans) : null,
        messages: report.messages,
        ms: Math.round(performance.now() - t0),
      },
    });
  } catch (err) {
    post({
      type: 'error',
      message: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    });
  }
};

import { exercise as tracingPlug } from '../01-tracing-plug/meta.ts';
import { exercise as exraySpans } from '../02-exray-spans/meta.ts';
import { exercise as inject } from '../03-inject/meta.ts';
import { exercise as extract } from '../04-extract/meta.ts';
import { exercise as commandToCommand } from '../05-command-to-command/meta.ts';
import { exercise as batchLinks } from '../06-batch-links/meta.ts';
import { exercise as globalState } from '../07-global-state/meta.ts';
import type { Exercise } from './Exercise.ts';

/** The exercises in story order: request, process, inject, extract, Command -> Command, projections. */
export const EXERCISES: readonly Exercise[] = [
  tracingPlug,
  exraySpans,
  inject,
  extract,
  commandToCommand,
  batchLinks,
  globalState,
];

export function findExercise(idOrNumber: string): Exercise | undefined {
  const n = Number(idOrNumber);
  return EXERCISES.find((e) => e.id === idOrNumber || (Number.isInteger(n) && e.number === n));
}

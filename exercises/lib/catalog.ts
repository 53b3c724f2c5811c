import { exercise as tracingPlug } from '../01-tracing-plug/meta.ts';
import { exercise as exraySpans } from '../02-exray-spans/meta.ts';
import { exercise as inject } from '../03-inject/meta.ts';
import { exercise as extract } from '../04-extract/meta.ts';
import { exercise as ownCarrier } from '../05-own-carrier/meta.ts';
import { exercise as commandToCommand } from '../06-command-to-command/meta.ts';
import { exercise as taskContext } from '../07-task-context/meta.ts';
import { exercise as batchLinks } from '../08-batch-links/meta.ts';
import { exercise as sampling } from '../09-sampling/meta.ts';
import { exercise as findTheBug } from '../10-find-the-bug/meta.ts';
import { exercise as globalState } from '../11-global-state/meta.ts';
import type { Exercise } from './Exercise.ts';

/**
 * The exercises in story order: the request, one process, inject, extract, a carrier of your own,
 * Command -> Command, a Task, projections, sampling, a bug to find, and global state (stretch).
 */
export const EXERCISES: readonly Exercise[] = [
  tracingPlug,
  exraySpans,
  inject,
  extract,
  ownCarrier,
  commandToCommand,
  taskContext,
  batchLinks,
  sampling,
  findTheBug,
  globalState,
];

/** Ids the exercises had before they were renumbered, for saved browser progress. */
export const RENAMED_IDS: Readonly<Record<string, string>> = {
  '05-command-to-command': '06-command-to-command',
  '06-batch-links': '08-batch-links',
  '07-global-state': '11-global-state',
};

export function findExercise(idOrNumber: string): Exercise | undefined {
  const n = Number(idOrNumber);
  const id = RENAMED_IDS[idOrNumber] ?? idOrNumber;
  return EXERCISES.find((e) => e.id === id || (Number.isInteger(n) && e.number === n));
}

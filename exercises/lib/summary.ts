import type { Exercise } from './Exercise.ts';

/** One exercise's state, as the CLI's verify or the browser's progress knows it. */
export interface ExerciseState {
  exercise: Exercise;
  passed: boolean;
  /** The first failing check, in words, when it is known. */
  failure?: string;
}

/**
 * The line a facilitator asks for: "7/11 done, stuck on 8: Projections: child or link? (every
 * batch span links ...)". Shared by `npm run exercises -- verify` and the browser page.
 */
export function facilitatorLine(states: readonly ExerciseState[]): string {
  const done = states.filter((s) => s.passed).length;
  const head = `${done}/${states.length} done`;
  const stuck = states.find((s) => !s.passed);
  if (!stuck) return `${head}, all solved`;
  const failure = stuck.failure ? ` (${stuck.failure})` : '';
  return `${head}, stuck on ${stuck.exercise.number}: ${stuck.exercise.title}${failure}`;
}

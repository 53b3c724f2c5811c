import type { Exercise } from './Exercise.ts';

/** One exercise's state, as the CLI's verify or the browser's progress knows it. */
export interface ExerciseState {
  exercise: Exercise;
  passed: boolean;
  /** The first failing check, in words, when it is known. */
  failure?: string;
  /**
   * Not begun: still the starter, never run, no hint shown. The line says "next" there, not
   * "stuck": a learner who has not tried an exercise is not stuck on it.
   */
  untouched?: boolean;
}

/**
 * The line a facilitator asks for: "7/11 done, stuck on 8: Projections: child or link? (every
 * batch span links ...)", or "…, next: 8: …" when the learner has not begun that one yet.
 * Shared by `npm run exercises -- verify` and the browser page.
 */
export function facilitatorLine(states: readonly ExerciseState[]): string {
  const done = states.filter((s) => s.passed).length;
  const head = `${done}/${states.length} done`;
  const open = states.find((s) => !s.passed);
  if (!open) return `${head}, all solved`;
  const which = `${open.exercise.number}: ${open.exercise.title}`;
  if (open.untouched) return `${head}, next: ${which}`;
  return `${head}, stuck on ${which}${open.failure ? ` (${open.failure})` : ''}`;
}

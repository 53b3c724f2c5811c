import { EXERCISES, findExercise } from '../lib/catalog.ts';
import type { Exercise } from '../lib/Exercise.ts';

export type ExercisesRoute =
  { kind: 'list' } | { kind: 'exercise'; exercise: Exercise } | { kind: 'missing'; what: string };

/**
 * Reads the page's place from the hash: `#/exercises` is the list, `#/exercises/3` (or
 * `#/exercises/03-inject`) one exercise. Anything else, an empty hash included, shows the list.
 */
export function parseExercisesHash(hash: string): ExercisesRoute {
  const segments = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  if (segments[0] !== 'exercises' || segments.length < 2) return { kind: 'list' };
  const what = decodeURIComponent(segments[1]!);
  const exercise = findExercise(what);
  return exercise ? { kind: 'exercise', exercise } : { kind: 'missing', what };
}

export const exerciseHash = (e: Exercise) => `#/exercises/${e.number}`;
export const LIST_HASH = '#/exercises';

export const neighbours = (e: Exercise) => ({
  previous: EXERCISES[EXERCISES.indexOf(e) - 1],
  next: EXERCISES[EXERCISES.indexOf(e) + 1],
});

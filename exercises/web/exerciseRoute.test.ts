import { describe, expect, it } from 'vitest';
import { parseExercisesHash } from './exerciseRoute.ts';

describe('parseExercisesHash', () => {
  it.each([[''], ['#'], ['#/exercises'], ['#/exercises/'], ['#/12']])('%s is the list', (hash) => {
    expect(parseExercisesHash(hash)).toEqual({ kind: 'list' });
  });

  it('finds an exercise by number or id', () => {
    const byNumber = parseExercisesHash('#/exercises/3');
    const byId = parseExercisesHash('#/exercises/03-inject?x=1');
    expect(byNumber.kind === 'exercise' && byNumber.exercise.id).toBe('03-inject');
    expect(byId.kind === 'exercise' && byId.exercise.number).toBe(3);
  });

  it('names an exercise that does not exist', () => {
    expect(parseExercisesHash('#/exercises/42')).toEqual({ kind: 'missing', what: '42' });
  });
});

import type { Hooks } from '../../sandbox/core/hooks.ts';
import { assertion, runCheck, type CheckReport } from './check.ts';
import { compileLearnerModule, LearnerCodeError } from './compileLearnerModule.ts';
import type { Exercise } from './Exercise.ts';

/** Picks the hooks an exercise asks for out of the learner's module, or says which is missing. */
export function hooksFrom(
  exercise: Exercise,
  module: Record<string, unknown>,
  filename: string,
): Hooks {
  const hooks: Record<string, unknown> = {};
  for (const name of exercise.exports) {
    const value = module[name];
    if (value === undefined || value === null)
      throw new LearnerCodeError(
        `${filename} must export \`${name}\`; it exports ${
          Object.keys(module)
            .map((k) => `\`${k}\``)
            .join(', ') || 'nothing'
        }`,
      );
    hooks[name] = value;
  }
  return hooks as Hooks;
}

/**
 * Compiles learner code and checks it: the whole path from source text to a report. A compile
 * or load error becomes a failed report with the error in words, never an exception.
 */
export function checkSource(
  exercise: Exercise,
  source: string,
  filename = `${exercise.id}/exercise.ts`,
): CheckReport {
  try {
    const hooks = hooksFrom(exercise, compileLearnerModule(source, filename), filename);
    return runCheck(exercise.id, exercise, hooks);
  } catch (err) {
    if (!(err instanceof LearnerCodeError)) throw err;
    return {
      exercise: exercise.id,
      passed: false,
      assertions: [assertion('the code compiles and loads', [err.message])],
      crashes: [],
      spans: [],
      messages: {},
    };
  }
}

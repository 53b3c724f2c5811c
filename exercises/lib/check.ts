import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Hooks } from '../../sandbox/core/hooks.ts';
import { runScenario, type RunOptions, type RunResult } from '../../sandbox/core/runScenario.ts';

/** One thing the check looked at, with what was wrong in words. */
export interface Assertion {
  name: string;
  pass: boolean;
  /** Empty when it passed; otherwise what broke and where. */
  message: string;
}

export interface CheckReport {
  exercise: string;
  passed: boolean;
  assertions: Assertion[];
  /** Handlers that raised while running the learner's code. */
  crashes: string[];
  /** Every ended span, for the trace view next to the editor. */
  spans: ReadableSpan[];
}

/** An assertion over the whole run. */
export type Rule = (run: RunResult) => Assertion;

/** Makes an assertion from a list of problems: it passes when there are none. */
export function assertion(name: string, problems: readonly string[]): Assertion {
  const shown = problems.slice(0, 3);
  const more =
    problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
  return { name, pass: problems.length === 0, message: shown.join('; ') + more };
}

/** Runs the simulation with the learner's hooks and evaluates every rule. */
export function runCheck(
  exercise: string,
  run: RunOptions,
  hooks: Hooks,
  rules: readonly Rule[],
): CheckReport {
  let result: RunResult;
  try {
    result = runScenario({ ...run, hooks, maxEvents: 2_000_000 });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const failed = { name: 'the simulation finished', pass: false, message };
    return { exercise, passed: false, assertions: [failed], crashes: [], spans: [] };
  }
  const assertions = rules.map((rule) => rule(result));
  const crashes = result.stats.crashLog;
  if (crashes.length > 0) {
    assertions.unshift({ name: 'no process crashed', pass: false, message: crashes.join('; ') });
  }
  return {
    exercise,
    passed: assertions.every((a) => a.pass),
    assertions,
    crashes,
    spans: result.spans,
  };
}

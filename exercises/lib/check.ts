import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Hooks } from '../../sandbox/core/hooks.ts';
import { runScenario, type RunOptions, type RunResult } from '../../sandbox/core/runScenario.ts';
import { ConsumedMessages } from '../../sandbox/model/ConsumedMessages.ts';
import type { MessageInfo } from '../../sandbox/model/SpanRecord.ts';

/**
 * What one assertion found. `not-yet` means there was nothing for it to look at (the span it
 * checks was never made): that is never a pass, and it is not the learner's mistake either.
 */
export type AssertionStatus = 'pass' | 'fail' | 'not-yet';

/** One thing the check looked at, with what was wrong in words. */
export interface Assertion {
  name: string;
  status: AssertionStatus;
  /** `status === 'pass'`, kept for readers that only need a yes or no. */
  pass: boolean;
  /** Empty when it passed; otherwise what was expected and what was found. */
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
  /**
   * The message each consumer span handled, by span id: the trace view shows what its metadata
   * held (a `trace_ctx`, or none), which is what the propagation exercises are about.
   */
  messages: Record<string, MessageInfo>;
}

/**
 * What an exercise's `observe` wrapper saw the learner's hooks do during the run, by key: the
 * metadata a hook wrote, the context it returned. Checks read it to say what was found.
 */
export type Seen = Record<string, unknown[]>;

/** An assertion over the whole run, and what the learner's hooks were seen doing. */
export type Rule = (run: RunResult, seen: Seen) => Assertion;

/** Makes an assertion from a list of problems: it passes when there are none. */
export function assertion(name: string, problems: readonly string[]): Assertion {
  const shown = sameInOtherRequests(problems).slice(0, 3);
  const grouped = sameInOtherRequests(problems);
  const more = grouped.length > shown.length ? ` (and ${grouped.length - shown.length} more)` : '';
  const pass = problems.length === 0;
  return { name, status: pass ? 'pass' : 'fail', pass, message: shown.join('; ') + more };
}

/**
 * The same problem in several requests, said once: "req-1 has no SERVER span (the same in req-2,
 * req-3)" instead of three sentences that differ by a number.
 */
function sameInOtherRequests(problems: readonly string[]): string[] {
  const byTail = new Map<string, string[]>();
  const order: string[] = [];
  for (const p of problems) {
    const m = /^(req-\d+)([: ].*)$/s.exec(p);
    const key = m ? m[2]! : p;
    if (!byTail.has(key)) order.push(key);
    byTail.set(key, [...(byTail.get(key) ?? []), m ? m[1]! : '']);
  }
  return order.map((tail) => {
    const requests = byTail.get(tail)!;
    if (!requests[0]) return tail;
    const others = requests.slice(1);
    return `${requests[0]}${tail}${others.length ? ` (the same in ${others.join(', ')})` : ''}`;
  });
}

/** An assertion with nothing to look at yet: says what it is waiting for. */
export function notYet(name: string, waitingFor: string): Assertion {
  return { name, status: 'not-yet', pass: false, message: `not yet: ${waitingFor}` };
}

/**
 * An assertion over `subjects` things: with none, it is `not-yet` (saying `waitingFor`), never a
 * pass; otherwise it passes when there are no problems.
 */
export function checked(
  name: string,
  subjects: number,
  problems: readonly string[],
  waitingFor: string,
): Assertion {
  return subjects === 0 && problems.length === 0
    ? notYet(name, waitingFor)
    : assertion(name, problems);
}

/** Adds what a wrapper saw under `key`. */
export function record(seen: Seen, key: string, value: unknown): void {
  (seen[key] ??= []).push(value);
}

/** What a rule needs from the exercise that owns it. */
export interface CheckPlan {
  run: RunOptions;
  rules: readonly Rule[];
  /** Wraps the learner's hooks to see what they do; returns the hooks the run uses. */
  observe?: (hooks: Hooks, seen: Seen) => Hooks;
}

/** Runs the simulation with the learner's hooks and evaluates every rule. */
export function runCheck(exercise: string, plan: CheckPlan, learnerHooks: Hooks): CheckReport {
  const seen: Seen = {};
  const hooks = plan.observe ? plan.observe(learnerHooks, seen) : learnerHooks;
  const consumed = new ConsumedMessages();
  let result: RunResult;
  try {
    result = runScenario({ ...plan.run, hooks, maxEvents: 2_000_000, onEvent: consumed.onEvent });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const failed = assertion('the simulation finished', [message]);
    return { exercise, passed: false, assertions: [failed], crashes: [], spans: [], messages: {} };
  }
  const crashes = result.stats.crashLog;
  // After a crash, part of the run never happened: a rule that found nothing wrong in the rest
  // has not seen the whole run, so it is not a pass yet.
  const assertions = plan.rules
    .map((rule) => rule(result, seen))
    .map((a) =>
      crashes.length > 0 && a.status === 'pass'
        ? notYet(a.name, 'a process crashed, so part of the run was never checked')
        : a,
    );
  if (crashes.length > 0) assertions.unshift(assertion('no process crashed', crashes));
  return {
    exercise,
    passed: assertions.every((a) => a.status === 'pass'),
    assertions,
    crashes,
    spans: result.spans,
    messages: consumed.bySpanId,
  };
}

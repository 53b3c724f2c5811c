import { describe, expect, it } from 'vitest';
import { assertion, notYet } from './lib/check.ts';
import { EXERCISES } from './lib/catalog.ts';
import { facilitatorLine } from './lib/summary.ts';
import { firstFailure, hintLines, reportLines, statusLine } from './cliScreens.ts';

// NO_COLOR is not needed: these run without a TTY, so nothing is painted.
const [first, second] = EXERCISES;

describe('the exercises CLI screens', () => {
  const summary = {
    exercise: first!.id,
    passed: false,
    assertions: [
      assertion('a', [
        'req-1 has no SERVER span: found none',
        'req-2 has no SERVER span: found none',
      ]),
      notYet('b', 'no request has a SERVER span yet'),
    ],
  };

  it('marks a failure ✗ and a check with nothing to look at ○, never ✓', () => {
    const text = reportLines(summary);
    expect(text).toMatch(/✗ not yet: 2 of 2 checks do not pass/);
    expect(text).toMatch(/✗ a\n\s+req-1 has no SERVER span: found none \(the same in req-2\)/);
    expect(text).toMatch(/○ b\n\s+not yet: no request has a SERVER span yet/);
    expect(text).not.toMatch(/✓/);
  });

  it('has one status line: progress, the current exercise and the file to edit', () => {
    const line = statusLine(1, 11, second, '/tmp/w/02-exray-spans.ts', 200);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(
      /1\/11 done · now 02 Nested spans in one process · edit .*02-exray-spans\.ts/,
    );
  });

  it('lists the hints seen, and how many are left', () => {
    expect(hintLines(first!, 0, 'press h')).toBeUndefined();
    const text = hintLines(first!, 2, 'press h')!;
    expect(text).toMatch(/Hints \(2 of 4\)/);
    expect(text).toMatch(/2 more: press h/);
  });

  it("gives the facilitator's line with the first problem only", () => {
    const failure = firstFailure(summary);
    expect(failure).toBe('a: req-1 has no SERVER span: found none (the same in req-2)');
    const line = facilitatorLine(
      EXERCISES.map((e, i) => ({
        exercise: e,
        passed: i < 7,
        failure: i === 7 ? failure : undefined,
      })),
    );
    expect(line).toBe(
      '7/11 done, stuck on 8: Projections: child or link? (a: req-1 has no SERVER span: found none (the same in req-2))',
    );
    expect(facilitatorLine(EXERCISES.map((e) => ({ exercise: e, passed: true })))).toBe(
      '11/11 done, all solved',
    );
    // Not begun is not stuck: the line names what comes next, and no failure.
    expect(
      facilitatorLine(
        EXERCISES.map((e, i) => ({ exercise: e, passed: i > 0, failure, untouched: i === 0 })),
      ),
    ).toBe('10/11 done, next: 1: The Tracing Plug');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISES, findExercise } from './catalog.ts';
import { checkInWorker } from './checkInWorker.ts';
import { checkSource } from './checkSource.ts';

const ROOT = join(import.meta.dirname, '..');
const source = (id: string, file: string) => readFileSync(join(ROOT, id, file), 'utf8');

/** What each starter's check must say, in words a learner can act on. */
const STARTER_MESSAGES: Record<string, RegExp> = {
  '01-tracing-plug': /req-1 has no SERVER span: the Tracing Plug's call\/2 started none/,
  '02-exray-spans': /req-1 has no span for Stuff\.get_stuff\/1: startSpan\/2 returned none/,
  '03-inject':
    /`commanded\.router\.dispatch` for PlaceLabOrder got a command whose metadata carried no trace_ctx/,
  '04-extract':
    /started a new trace although its (command|event) metadata carried a trace_ctx: its context was not extracted from it/,
  '05-command-to-command':
    /`commanded\.router\.dispatch` \(MarkPatientNotified\) started a new trace: NotificationHandler dispatched it with no trace_ctx in its metadata/,
  '06-batch-links':
    /`commanded\.event\.handle` \(LabWorklistProjection, \w+\) handled \d+ events in a batch but has 0 link\(s\)/,
  '07-global-state':
    /has a parent from req-\d+ .*the current span was taken from another process's work/,
};

describe('the workshop exercises', () => {
  it('are at least six, in story order, each with three hints and a goal', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(6);
    expect(EXERCISES.map((e) => e.number)).toEqual(EXERCISES.map((_, i) => i + 1));
    for (const e of EXERCISES) {
      expect(e.hints).toHaveLength(3);
      expect(e.goal.length).toBeGreaterThan(20);
      expect(STARTER_MESSAGES[e.id]).toBeDefined();
    }
  });

  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    '%s: the reference solution passes',
    (_id, e) => {
      const report = checkSource(e, source(e.id, 'solution.ts'));
      expect(report.assertions.filter((a) => !a.pass)).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.spans.length).toBeGreaterThan(0);
    },
  );

  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    '%s: the starter fails with its expected message',
    (id, e) => {
      const report = checkSource(e, source(e.id, 'exercise.ts'));
      expect(report.passed).toBe(false);
      const messages = report.assertions.filter((a) => !a.pass).map((a) => a.message);
      expect(messages.join('\n')).toMatch(STARTER_MESSAGES[id]!);
    },
  );

  it('reports a syntax error with its line, as a failed check', () => {
    const e = findExercise('3')!;
    const report = checkSource(
      e,
      'export function beforeDispatch(command) {\n  command.metadata.trace_ctx = {\n}\n',
    );
    expect(report.passed).toBe(false);
    expect(report.assertions[0]).toMatchObject({
      name: 'the code compiles and loads',
      pass: false,
    });
    expect(report.assertions[0]!.message).toMatch(/03-inject\/exercise\.ts: .*\(\d+:\d+\)/);
  });

  it('names a missing export and a forbidden import', () => {
    const e = findExercise('04-extract')!;
    expect(checkSource(e, 'export const x = 1;').assertions[0]!.message).toMatch(
      /must export `extractContext`; it exports `x`/,
    );
    expect(
      checkSource(e, "import fs from 'node:fs';\nexport const extractContext = () => fs;")
        .assertions[0]!.message,
    ).toMatch(/imports "node:fs": only @opentelemetry\/api can be imported/);
  });

  it('turns an exception in learner code into a crash report, and the run still finishes', () => {
    const e = findExercise('4')!;
    const report = checkSource(e, "export function extractContext() { throw new Error('oops'); }");
    expect(report.passed).toBe(false);
    expect(report.assertions[0]!.name).toBe('no process crashed');
    expect(report.assertions[0]!.message).toMatch(/Router <0\.\d+\.0> crashed: Error: oops/);
  });

  it('stops an endless loop at the time limit with a clear message', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ex-')), 'exercise.ts');
    writeFileSync(file, 'export function extractContext() { for (;;) {} }\n');
    const summary = await checkInWorker('04-extract', file, 1500);
    expect(summary.passed).toBe(false);
    expect(summary.assertions[0]!.message).toMatch(
      /did not finish within 1\.5 s and was stopped: is there an endless loop\?/,
    );
  });
});

describe('npm run exercises', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli.ts'), ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('verify stops at the first unsolved exercise, names it and its failed assertion, exits 1', () => {
    const res = run('verify');
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(
      /exercises: 01-tracing-plug is not solved yet: every request has one SERVER span: req-1 has no SERVER span/,
    );
    expect(res.stdout).not.toMatch(/02 Nested spans/);
  });

  it('verify --solutions checks every reference solution and exits 0', () => {
    const res = run('verify', '--solutions');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/All 7 solutions pass\./);
  });

  it('rejects unknown commands and flags with exit 2', () => {
    expect(run('verfy').status).toBe(2);
    const res = run('verify', '--fast');
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/verify takes only --solutions, not --fast/);
    expect(run('hint', '9').stderr).toMatch(/hint needs an exercise number from 1 to 7/);
    expect(run('hint', '2', '2').stdout).toMatch(/hint 2 of 3/);
  });
});

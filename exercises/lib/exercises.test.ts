import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISES, findExercise } from './catalog.ts';
import { checkInWorker } from './checkInWorker.ts';
import { checkSource } from './checkSource.ts';

// The project's tests read the pristine starters and the reference solutions, never workshop/.
const ROOT = join(import.meta.dirname, '..');
const source = (id: string, file: string) => readFileSync(join(ROOT, id, file), 'utf8');

describe('the workshop exercises', () => {
  it('are eleven or more, in story order, each with hints, a goal, a why and Elixir', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(11);
    expect(EXERCISES.map((e) => e.number)).toEqual(EXERCISES.map((_, i) => i + 1));
    for (const e of EXERCISES) {
      expect(e.id.startsWith(String(e.number).padStart(2, '0'))).toBe(true);
      expect(e.hints.length).toBeGreaterThanOrEqual(3);
      // The last hint points at the reference; it is never the code itself.
      expect(e.hints.at(-1)).toMatch(/solution\.ts/);
      for (const hint of e.hints) expect(hint).not.toMatch(/;\s*\w+\.\w+ = /);
      expect(e.goal.length).toBeGreaterThan(20);
      expect(e.why.length).toBeGreaterThan(80);
      expect(e.elixir.sketch).toMatch(/\bdef\b|config :opentelemetry/);
      expect(e.elixir.solution).not.toEqual(e.elixir.sketch);
    }
  });

  it('wraps the comments of every starter and solution within 64 columns', () => {
    // The editor shows 66 columns at 1920x1080 and 72 at 1280x720: comments hard-wrapped at 100
    // columns broke again there, a long row and then a stub of two words, all the way down.
    const long = EXERCISES.flatMap((e) =>
      ['exercise.ts', 'solution.ts'].flatMap((file) =>
        source(e.id, file)
          .split('\n')
          .map((line, i) => ({ at: `${e.id}/${file}:${i + 1}`, line }))
          .filter(({ line }) => /^\s*(\/\/|\/\*\*|\*)/.test(line) && line.length > 64),
      ),
    );
    expect(long).toEqual([]);
  });

  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    '%s: the reference solution passes every check',
    (_id, e) => {
      const report = checkSource(e, source(e.id, 'solution.ts'));
      expect(report.assertions.filter((a) => a.status !== 'pass')).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.spans.length).toBeGreaterThan(0);
    },
  );

  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    '%s: the untouched starter passes no check at all',
    (_id, e) => {
      const report = checkSource(e, source(e.id, 'exercise.ts'));
      expect(report.passed).toBe(false);
      expect(report.assertions.filter((a) => a.status === 'pass').map((a) => a.name)).toEqual([]);
      // Something fails outright, and says what it found.
      const failed = report.assertions.filter((a) => a.status === 'fail');
      expect(failed.length).toBeGreaterThan(0);
      for (const a of failed) expect(a.message).toMatch(/expected|found|; |:/);
      // A check with nothing to look at says so instead of passing.
      for (const a of report.assertions.filter((x) => x.status === 'not-yet'))
        expect(a.message).toMatch(/^not yet: /);
    },
  );

  it("says a Task's span carried context only when the hand-over gave the Task one", () => {
    // The check wraps what beforeStart returns in a box of its own; the span must not take the
    // box for a context (a starter's POST /messages said carried: true beside 'no trace context').
    const task = findExercise('07-task-context')!;
    const carried = (file: string) =>
      checkSource(task, source(task.id, file))
        .spans.filter((s) => s.name === 'POST /messages')
        .map((s) => s.attributes['sim.context.carried']);
    expect(carried('exercise.ts')).toEqual([false, false, false]);
    expect(carried('solution.ts')).toEqual([true, true, true]);
  });

  it('reports a syntax error with its line, as a failed check', () => {
    const e = findExercise('3')!;
    const report = checkSource(
      e,
      'export function beforeDispatch(command) {\n  command.metadata.trace_ctx = {\n}\n',
    );
    expect(report.passed).toBe(false);
    expect(report.assertions[0]).toMatchObject({
      name: 'the code compiles and loads',
      status: 'fail',
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

  it('turns an exception into a crash report, and no other check passes on a partial run', () => {
    const e = findExercise('4')!;
    const report = checkSource(e, "export function extractContext() { throw new Error('oops'); }");
    expect(report.passed).toBe(false);
    expect(report.assertions[0]!.name).toBe('no process crashed');
    expect(report.assertions[0]!.message).toMatch(/Router <0\.\d+\.0> crashed: Error: oops/);
    expect(report.assertions.filter((a) => a.status === 'pass')).toEqual([]);
  });

  it('finds old exercise ids (saved progress) under their new numbers', () => {
    expect(findExercise('05-command-to-command')?.id).toBe('06-command-to-command');
    expect(findExercise('07-global-state')?.id).toBe('11-global-state');
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
  // Each test gets a workshop folder of its own: the learner's workshop/ is never touched.
  const workshop = () => mkdtempSync(join(tmpdir(), 'workshop-'));
  const run = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli.ts'), ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      cwd: join(ROOT, '..'),
      env: { ...process.env, NO_COLOR: '1', EXERCISES_WORKSHOP: dir },
    });

  it('verify creates the working copies and prints the facilitator line, exit 1', () => {
    const dir = workshop();
    const res = run(dir, 'verify');
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/Created 11 working copies/);
    // Fresh working copies are not begun: the line says what comes next, not where one is stuck.
    expect(res.stdout).toMatch(/0\/11 done, next: 1: The Tracing Plug\n/);
    expect(existsSync(join(dir, '05-own-carrier.ts'))).toBe(true);
    // Working copies import the types from exercises/lib, one folder up.
    expect(readFileSync(join(dir, '03-inject.ts'), 'utf8')).toMatch(
      /from '\.\.\/exercises\/lib\/types\.ts'/,
    );
  });

  it('verify counts solved exercises in the working copies', () => {
    const dir = workshop();
    run(dir, 'reset', '1');
    for (const id of ['01-tracing-plug', '02-exray-spans'])
      writeFileSync(join(dir, `${id}.ts`), source(id, 'solution.ts'));
    const res = run(dir, 'verify');
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/2\/11 done, next: 3: Inject: context into command metadata/);
    // An edited copy that still fails is where the learner is stuck, with its first failure.
    const copy = join(dir, '03-inject.ts');
    writeFileSync(copy, `${readFileSync(copy, 'utf8')}\n// tried\n`);
    expect(run(dir, 'verify').stdout).toMatch(
      /2\/11 done, stuck on 3: Inject: context into command metadata \(every dispatched command carries trace_ctx/,
    );
  });

  it('verify --solutions checks every reference solution and exits 0', () => {
    const res = run(workshop(), 'verify', '--solutions');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/Reference solutions: 11\/11 done, all solved/);
  });

  it('hint gives the next unseen hint each time, and remembers', () => {
    const dir = workshop();
    expect(run(dir, 'hint', '3').stdout).toMatch(/hint 1 of 4/);
    expect(run(dir, 'hint', '3').stdout).toMatch(/hint 2 of 4/);
    expect(JSON.parse(readFileSync(join(dir, '.state.json'), 'utf8'))).toEqual({
      hintsSeen: { '03-inject': 2 },
    });
    // Without a number: the current exercise (the first unsolved one).
    expect(run(dir, 'hint').stdout).toMatch(/01 The Tracing Plug, hint 1 of 4/);
  });

  it('reset puts the starter back and keeps the learner version', () => {
    const dir = workshop();
    run(dir, 'list');
    writeFileSync(join(dir, '04-extract.ts'), 'my attempt');
    const res = run(dir, 'reset', '4');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/is the starter again\. Your version is kept in .*\.backup/);
    expect(readFileSync(join(dir, '04-extract.ts'), 'utf8')).toMatch(
      /export function extractContext/,
    );
  });

  it('rejects unknown commands and arguments with exit 2', () => {
    const dir = workshop();
    expect(run(dir, 'verfy').status).toBe(2);
    const res = run(dir, 'verify', '--fast');
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/verify takes only --solutions, not --fast/);
    expect(run(dir, 'hint', '12').stderr).toMatch(/hint needs an exercise number from 1 to 11/);
    expect(run(dir, 'reset').stderr).toMatch(/reset needs an exercise number/);
  });
});

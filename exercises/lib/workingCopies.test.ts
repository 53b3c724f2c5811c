/**
 * The learner's files are theirs: whatever state workshop/ is in (every reference solution in
 * it, or every untouched starter), the project's own unit tests stay green, and Prettier and
 * ESLint leave it alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from './catalog.ts';
import { asWorkingCopy } from './workshop.ts';

const PROJECT = join(import.meta.dirname, '..', '..');

/** A copy of the project's tracked files (node_modules linked), with a workshop/ of our making. */
function projectCopyWith(workshop: (id: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'project-'));
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: PROJECT,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((f) => f && !f.startsWith('workshop/'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    try {
      cpSync(join(PROJECT, f), join(dir, f));
    } catch {
      // a file deleted in the working tree but still tracked: not part of this state
    }
  }
  symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'workshop'));
  for (const e of EXERCISES) writeFileSync(join(dir, 'workshop', `${e.id}.ts`), workshop(e.id));
  return dir;
}

/**
 * Runs `npm test`'s whole unit suite (`vitest run`) in the copy, all but this file: running it
 * again inside itself would never end.
 */
function unitSuiteIn(dir: string) {
  return spawnSync(
    process.execPath,
    [
      join(dir, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--exclude',
      '**/workingCopies.test.ts',
      '--exclude',
      '**/node_modules/**',
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: 900_000,
      env: { ...process.env, EXERCISES_WORKSHOP: undefined, NO_COLOR: '1' },
    },
  );
}

/**
 * The test files under these folders; by default the unit tests (the folders are those of
 * vite.config.ts's `test.include`).
 */
function testFilesUnder(
  folders: readonly string[],
  pattern = /\.test\.tsx?$/,
  root = PROJECT,
): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (pattern.test(entry.name)) found.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return found;
}
const unitTestFiles = (root: string) =>
  testFilesUnder(
    ['e2e', 'sandbox', 'slides', 'app', 'exercises', 'scripts', 'bench'],
    undefined,
    root,
  );

const read = (id: string, file: string) =>
  readFileSync(join(PROJECT, 'exercises', id, file), 'utf8');

describe("the learner's working copies", () => {
  it('no test outside exercises/ reads workshop/', () => {
    const outside = testFilesUnder(
      ['app', 'sandbox', 'slides', 'scripts', 'bench', 'e2e'],
      /\.(test|spec)\.tsx?$/,
    );
    const offenders = outside.filter((path) =>
      /workshop\//.test(readFileSync(join(PROJECT, path), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it.each([
    ['every reference solution', (id: string) => asWorkingCopy(read(id, 'solution.ts'))],
    ['every untouched starter', (id: string) => asWorkingCopy(read(id, 'exercise.ts'))],
  ])(
    'with %s in workshop/, the unit tests stay green',
    (_what, workshop) => {
      const copy = projectCopyWith(workshop);
      const res = unitSuiteIn(copy);
      const out = res.stdout + res.stderr;
      expect(out).toMatch(/Tests\s+\d+ passed/);
      // The whole suite ran: every unit test file of the copy but this one.
      expect(Number(/Test Files\s+(\d+) passed/.exec(out)?.[1])).toBe(
        unitTestFiles(copy).length - 1,
      );
      expect(res.status).toBe(0);
    },
    // A whole nested unit suite, CLI child processes included: minutes on a busy 2-core machine.
    900_000,
  );

  it('Prettier and ESLint leave workshop/ alone', async () => {
    const file = join(PROJECT, 'workshop', '01-tracing-plug.ts');
    const info = await prettier.getFileInfo(file, { ignorePath: join(PROJECT, '.prettierignore') });
    expect(info.ignored).toBe(true);
    const eslint = new ESLint({ cwd: PROJECT });
    expect(await eslint.isPathIgnored(file)).toBe(true);
  });
});

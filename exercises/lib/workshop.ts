/**
 * The learner's working copies: `workshop/NN-name.ts` at the project root, created from the
 * starters on first run and git-ignored. The project's own files (starters, solutions, tests)
 * are never edited by the learner, so `npm test` passes whatever state the workshop is in.
 * Also keeps the CLI's small state there (hints seen), in `workshop/.state.json`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from './Exercise.ts';

const EXERCISES_DIR = join(import.meta.dirname, '..');

/** The folder of working copies: `workshop/`, or `EXERCISES_WORKSHOP` (tests use a temp dir). */
export const workshopDir = (): string =>
  process.env.EXERCISES_WORKSHOP || join(EXERCISES_DIR, '..', 'workshop');

export const starterFile = (e: Exercise) => join(EXERCISES_DIR, e.id, 'exercise.ts');
export const solutionFile = (e: Exercise) => join(EXERCISES_DIR, e.id, 'solution.ts');
export const workingFile = (e: Exercise) => join(workshopDir(), `${e.id}.ts`);

/** A starter as a working copy: its type imports point at exercises/lib from workshop/. */
export function asWorkingCopy(starter: string): string {
  return starter.replaceAll("from '../lib/", "from '../exercises/lib/");
}

export const readStarter = (e: Exercise) => readFileSync(starterFile(e), 'utf8');

const README = `# Your workshop

Your working copies of the exercises: edit these files, not the ones in exercises/.
This folder is git-ignored, and the project's tests, Prettier and ESLint leave it alone.

  npm run exercises            watch: checks the current exercise on every save
  npm run exercises -- hint    the next hint for the current exercise
  npm run exercises -- reset 3 puts exercise 3's starter back (your version goes to .backup/)
`;

/** Creates the folder and any missing working copy; says which it created. */
export function ensureWorkshop(exercises: readonly Exercise[]): string[] {
  const dir = workshopDir();
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'README.md'))) writeFileSync(join(dir, 'README.md'), README);
  const created: string[] = [];
  for (const e of exercises) {
    if (existsSync(workingFile(e))) continue;
    writeFileSync(workingFile(e), asWorkingCopy(readStarter(e)));
    created.push(workingFile(e));
  }
  return created;
}

/** Whether the working copy is still the untouched starter. */
export const isUntouched = (e: Exercise) =>
  existsSync(workingFile(e)) &&
  readFileSync(workingFile(e), 'utf8') === asWorkingCopy(readStarter(e));

/** Puts the starter back; the learner's version is moved to `.backup/`, never deleted. */
export function resetExercise(e: Exercise, now = new Date()): string | null {
  const file = workingFile(e);
  let backup: string | null = null;
  if (existsSync(file) && !isUntouched(e)) {
    const dir = join(workshopDir(), '.backup');
    mkdirSync(dir, { recursive: true });
    backup = join(dir, `${e.id}.${now.toISOString().replace(/[:.]/g, '-')}.ts`);
    renameSync(file, backup);
  }
  writeFileSync(file, asWorkingCopy(readStarter(e)));
  return backup;
}

/** What the CLI remembers between runs. */
export interface WorkshopState {
  /** How many hints of each exercise the learner has seen. */
  hintsSeen: Record<string, number>;
}

const stateFile = () => join(workshopDir(), '.state.json');

/** Reads the state; a missing or damaged file starts fresh (and a damaged one is kept aside). */
export function readState(): WorkshopState {
  const state: WorkshopState = { hintsSeen: {} };
  if (!existsSync(stateFile())) return state;
  try {
    const raw = JSON.parse(readFileSync(stateFile(), 'utf8')) as { hintsSeen?: unknown };
    if (raw.hintsSeen && typeof raw.hintsSeen === 'object')
      for (const [id, n] of Object.entries(raw.hintsSeen))
        if (Number.isInteger(n) && (n as number) >= 0) state.hintsSeen[id] = n as number;
  } catch {
    renameSync(stateFile(), `${stateFile()}.unreadable`);
  }
  return state;
}

export function writeState(state: WorkshopState): void {
  mkdirSync(workshopDir(), { recursive: true });
  writeFileSync(stateFile(), `${JSON.stringify(state, null, 2)}\n`);
}

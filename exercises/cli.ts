/**
 * `npm run exercises`: the workshop in your own editor, like rustlings.
 *
 *   npm run exercises                      watch: check the current exercise on every save
 *   npm run exercises -- verify            check all, in order; stop at the first unsolved one
 *   npm run exercises -- verify --solutions    check the reference solutions
 *   npm run exercises -- hint N            the next hint for exercise N
 *   npm run exercises -- list              every exercise and whether it passes
 */
import { existsSync, watch } from 'node:fs';
import { join, relative } from 'node:path';
import { EXERCISES, findExercise } from './lib/catalog.ts';
import { checkInWorker, type CheckSummary } from './lib/checkInWorker.ts';
import type { Exercise } from './lib/Exercise.ts';

const ROOT = import.meta.dirname;
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
const green = paint('32');
const red = paint('31');
const bold = paint('1');
const dim = paint('2');

const fileOf = (e: Exercise, solutions = false) =>
  join(ROOT, e.id, solutions ? 'solution.ts' : 'exercise.ts');
const shown = (path: string) => relative(process.cwd(), path);

function printReport(e: Exercise, file: string, summary: CheckSummary): void {
  const head = `${String(e.number).padStart(2, '0')} ${e.title}`;
  console.log(
    summary.passed
      ? `${green('✓ passed')}  ${head}`
      : `${red('✗ not yet')} ${head}  ${dim(shown(file))}`,
  );
  if (summary.passed) return;
  for (const a of summary.assertions) {
    console.log(
      a.pass ? `    ${green('✓')} ${a.name}` : `    ${red('✗')} ${a.name}\n      ${a.message}`,
    );
  }
}

async function verify(solutions: boolean): Promise<number> {
  for (const e of EXERCISES) {
    const file = fileOf(e, solutions);
    const summary = await checkInWorker(e.id, file);
    printReport(e, file, summary);
    if (!summary.passed) {
      const failed = summary.assertions.find((a) => !a.pass);
      console.error(`\nexercises: ${e.id} is not solved yet: ${failed?.name}: ${failed?.message}`);
      return 1;
    }
  }
  console.log(`\nAll ${EXERCISES.length} ${solutions ? 'solutions' : 'exercises'} pass.`);
  return 0;
}

async function list(): Promise<number> {
  for (const e of EXERCISES) {
    const summary = await checkInWorker(e.id, fileOf(e));
    console.log(
      `${summary.passed ? green('✓') : red('✗')} ${String(e.number).padStart(2, '0')} ${e.title}${e.stretch ? dim(' (stretch)') : ''}`,
    );
  }
  return 0;
}

function hint(arg: string | undefined, level: string | undefined): number {
  const e = arg ? findExercise(arg) : undefined;
  if (!e) {
    console.error(
      `exercises: hint needs an exercise number from 1 to ${EXERCISES.length} or an id like ${EXERCISES[0]!.id}`,
    );
    return 2;
  }
  const n = level === undefined ? 1 : Number(level);
  if (!Number.isInteger(n) || n < 1 || n > 3) {
    console.error('exercises: a hint level is 1, 2 or 3');
    return 2;
  }
  console.log(`${bold(e.title)}, hint ${n} of 3:\n${e.hints[n - 1]}`);
  if (n < 3) console.log(dim(`(npm run exercises -- hint ${e.number} ${n + 1} for the next one)`));
  return 0;
}

/** Checks the first unsolved exercise, then again whenever an exercise file is saved. */
async function watchMode(): Promise<number> {
  let running = false;
  let again = false;
  const checkCurrent = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    console.clear();
    console.log(bold('Tracing in Elixir: workshop exercises') + dim('   (Ctrl-C to stop)\n'));
    for (const e of EXERCISES) {
      const summary = await checkInWorker(e.id, fileOf(e));
      if (summary.passed) {
        console.log(`${green('✓')} ${String(e.number).padStart(2, '0')} ${e.title}`);
        continue;
      }
      console.log('');
      printReport(e, fileOf(e), summary);
      console.log(`\n${bold(e.title)}\n${e.statement.join('\n\n')}\n\n${dim('Goal:')}\n${e.goal}`);
      console.log(
        dim(`\nEdit ${shown(fileOf(e))} and save. Stuck? npm run exercises -- hint ${e.number}`),
      );
      break;
    }
    running = false;
    if (again) {
      again = false;
      await checkCurrent();
    }
  };
  await checkCurrent();
  for (const e of EXERCISES) {
    if (existsSync(fileOf(e))) watch(fileOf(e), () => void checkCurrent());
  }
  return new Promise(() => {}); // runs until Ctrl-C
}

const USAGE = `Usage: npm run exercises [-- verify [--solutions] | list | hint N [LEVEL]]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'watch':
      return watchMode();
    case 'verify': {
      const unknown = rest.filter((a) => a !== '--solutions');
      if (unknown.length > 0) {
        console.error(
          `exercises: verify takes only --solutions, not ${unknown.join(' ')}\n${USAGE}`,
        );
        return 2;
      }
      return verify(rest.includes('--solutions'));
    }
    case 'list':
      return list();
    case 'hint':
      return hint(rest[0], rest[1]);
    case '--help':
    case 'help':
      console.log(USAGE);
      return 0;
    default:
      console.error(`exercises: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));

/**
 * `npm run exercises`: the workshop in your own editor, like rustlings. You edit the working
 * copies in workshop/ (created on first run, git-ignored); exercises/ keeps the pristine starters.
 *
 *   npm run exercises                     watch: check the current exercise on every save
 *   npm run exercises -- verify           check all; print "7/11 done, stuck on 8: ..."
 *   npm run exercises -- verify --solutions   check the reference solutions
 *   npm run exercises -- list             every exercise and whether it passes
 *   npm run exercises -- hint [N]         the next hint you have not seen (current exercise by default)
 *   npm run exercises -- reset N          put exercise N's starter back (yours goes to workshop/.backup/)
 *
 * Exit codes: 0 all good, 1 verify found an unsolved exercise, 2 a usage error, 3 an internal error.
 */
import { existsSync, readFileSync, watch } from 'node:fs';
import { EXERCISES, findExercise } from './lib/catalog.ts';
import { checkInWorker, type CheckSummary } from './lib/checkInWorker.ts';
import type { Exercise } from './lib/Exercise.ts';
import { facilitatorLine } from './lib/summary.ts';
import { CLEAR, bold, dim, green, red, wrap } from './lib/terminal.ts';
import {
  ensureWorkshop,
  isUntouched,
  readState,
  resetExercise,
  solutionFile,
  workingFile,
  workshopDir,
  writeState,
} from './lib/workshop.ts';
import {
  briefLines,
  firstFailure,
  hintLines,
  label,
  passedLines,
  reportLines,
  shown,
  statusLine,
} from './cliScreens.ts';

export const EXIT = { ok: 0, unsolved: 1, usage: 2, internal: 3 } as const;

const USAGE = `Usage: npm run exercises [-- verify [--solutions] | list | hint [N] | reset N | help]
Exit codes: 0 all good, 1 an exercise is not solved yet (verify), 2 usage error, 3 internal error.`;

function usageError(message: string): number {
  console.error(`exercises: ${message}\n${USAGE}`);
  return EXIT.usage;
}

function exerciseArg(command: string, arg: string | undefined): Exercise | string {
  const e = arg ? findExercise(arg) : undefined;
  return (
    e ??
    `${command} needs an exercise number from 1 to ${EXERCISES.length} or an id like ${EXERCISES[0]!.id}${arg ? `, not "${arg}"` : ''}`
  );
}

/** Checks every exercise in order; says what passes and prints the facilitator's line. */
async function verify(solutions: boolean): Promise<number> {
  if (!solutions) announceCreated(ensureWorkshop(EXERCISES));
  const states = [];
  for (const e of EXERCISES) {
    const file = solutions ? solutionFile(e) : workingFile(e);
    const summary = await checkInWorker(e.id, file);
    const untouched = !solutions && isUntouched(e);
    states.push({ exercise: e, passed: summary.passed, failure: firstFailure(summary), untouched });
    console.log(
      summary.passed
        ? `${green('✓')} ${label(e)}`
        : `${red('✗')} ${label(e)}  ${dim(shown(file))}${untouched ? dim('  (not started)') : ''}`,
    );
  }
  const line = facilitatorLine(states);
  console.log(`\n${solutions ? 'Reference solutions: ' : ''}${line}`);
  return states.every((s) => s.passed) ? EXIT.ok : EXIT.unsolved;
}

async function list(): Promise<number> {
  announceCreated(ensureWorkshop(EXERCISES));
  const state = readState();
  for (const e of EXERCISES) {
    const summary = await checkInWorker(e.id, workingFile(e));
    const status = summary.passed
      ? green('✓ done       ')
      : isUntouched(e)
        ? dim('○ not started')
        : red('✗ not yet    ');
    const hints = state.hintsSeen[e.id] ? dim(`  ${state.hintsSeen[e.id]} hint(s) seen`) : '';
    console.log(`${status} ${label(e)}${e.stretch ? dim(' (stretch)') : ''}${hints}`);
  }
  return EXIT.ok;
}

/** Checks of working copies, by exercise, kept while the file's text stays the same. */
const checked = new Map<string, { text: string; summary: CheckSummary }>();

async function checkWorkingCopy(e: Exercise): Promise<CheckSummary> {
  const file = workingFile(e);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const cached = checked.get(e.id);
  if (cached && cached.text === text) return cached.summary;
  const summary = await checkInWorker(e.id, file);
  checked.set(e.id, { text, summary });
  return summary;
}

/** The first exercise whose working copy does not pass, with its summary. */
async function current(): Promise<{ e: Exercise; summary: CheckSummary } | undefined> {
  for (const e of EXERCISES) {
    const summary = await checkWorkingCopy(e);
    if (!summary.passed) return { e, summary };
  }
  return undefined;
}

/** Shows the next hint the learner has not seen yet, and remembers it. */
function nextHint(e: Exercise): string {
  const state = readState();
  const seen = state.hintsSeen[e.id] ?? 0;
  const n = Math.min(seen + 1, e.hints.length);
  state.hintsSeen[e.id] = n;
  writeState(state);
  const more =
    n < e.hints.length
      ? dim(`(${e.hints.length - n} more: ask again for the next one)`)
      : dim('(that was the last hint)');
  return `${bold(`${label(e)}, hint ${n} of ${e.hints.length}:`)}\n${wrap(e.hints[n - 1]!, '  ')}\n${more}`;
}

async function hint(arg: string | undefined): Promise<number> {
  announceCreated(ensureWorkshop(EXERCISES));
  let e: Exercise | undefined;
  if (arg === undefined) {
    e = (await current())?.e;
    if (!e) {
      console.log('Every exercise passes: no hint needed.');
      return EXIT.ok;
    }
  } else {
    const found = exerciseArg('hint', arg);
    if (typeof found === 'string') return usageError(found);
    e = found;
  }
  console.log(nextHint(e));
  return EXIT.ok;
}

function reset(arg: string | undefined): number {
  const e = exerciseArg('reset', arg);
  if (typeof e === 'string') return usageError(e);
  ensureWorkshop(EXERCISES);
  const backup = resetExercise(e);
  console.log(
    `${label(e)}: ${shown(workingFile(e))} is the starter again.${backup ? ` Your version is kept in ${shown(backup)}.` : ''}`,
  );
  return EXIT.ok;
}

function announceCreated(created: string[]): void {
  if (created.length > 0)
    console.log(
      dim(
        `Created ${created.length} working cop${created.length === 1 ? 'y' : 'ies'} in ${shown(workshopDir())}/: edit those, not exercises/.\n`,
      ),
    );
}

const KEYS = dim('h next hint · r check again · q quit · saving a file checks again');

/** Clears the screen and shows the current exercise; checks again on every save. */
async function watchMode(): Promise<number> {
  const created = ensureWorkshop(EXERCISES);
  // Shown on the first screen (the screen is cleared, so it cannot be printed before).
  let notice: string | undefined =
    created.length > 0
      ? `Created ${created.length} working copies in ${shown(workshopDir())}/: edit those, not exercises/.`
      : undefined;
  let running = false;
  let again = false;
  let lastCurrent: string | undefined;
  let justPassed: Exercise | undefined;

  const render = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const now = await current();
    // Praise only a step forward: the exercise that was current now passes. Going back (an
    // earlier exercise broken again) praises nothing.
    const before = EXERCISES.findIndex((x) => x.id === lastCurrent);
    const after = now ? EXERCISES.indexOf(now.e) : EXERCISES.length;
    if (lastCurrent && after > before) justPassed = EXERCISES[before];
    else if (after < before) justPassed = undefined;
    lastCurrent = now?.e.id;
    const done = now ? EXERCISES.indexOf(now.e) : EXERCISES.length;
    const out: string[] = [CLEAR];
    if (notice) out.push(dim(notice));
    notice = undefined;
    if (justPassed) out.push(passedLines(justPassed), dim('─'.repeat(40)));
    if (now) {
      out.push(briefLines(now.e));
      out.push(bold('Check') + dim(` (${shown(workingFile(now.e))})`), reportLines(now.summary));
      const hints = hintLines(now.e, readState().hintsSeen[now.e.id] ?? 0, 'press h');
      if (hints) out.push(hints);
    } else out.push(green(bold('Every exercise passes. Well done.')));
    out.push(
      dim('─'.repeat(40)),
      statusLine(done, EXERCISES.length, now?.e, now && workingFile(now.e)),
      KEYS,
    );
    process.stdout.write(out.join('\n\n') + '\n');
    running = false;
    if (again) {
      again = false;
      await render();
    }
  };

  // Keys first, so that a key pressed during the first (slow) check is not lost.
  if (process.stdin.isTTY) {
    process.stdin.setRawMode(true);
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (key: string) => {
      if (key === 'q' || key === '\u0003') process.exit(EXIT.ok);
      if (key === 'r') void render();
      if (key === 'h' && lastCurrent) {
        nextHint(findExercise(lastCurrent)!);
        void render();
      }
    });
  }
  await render();
  let timer: NodeJS.Timeout | undefined;
  watch(workshopDir(), (_event, name) => {
    if (!name || !String(name).endsWith('.ts')) return;
    clearTimeout(timer);
    timer = setTimeout(() => void render(), 120);
  });

  return new Promise(() => {}); // runs until q or Ctrl-C
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'watch':
      return watchMode();
    case 'verify': {
      const unknown = rest.filter((a) => a !== '--solutions');
      if (unknown.length > 0)
        return usageError(`verify takes only --solutions, not ${unknown.join(' ')}`);
      return verify(rest.includes('--solutions'));
    }
    case 'list':
      return list();
    case 'hint':
      if (rest.length > 1)
        return usageError(`hint takes one exercise number, not "${rest.join(' ')}"`);
      return hint(rest[0]);
    case 'reset':
      return reset(rest[0]);
    case '--help':
    case 'help':
      console.log(USAGE);
      return EXIT.ok;
    default:
      return usageError(`unknown command "${command}"`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  console.error(`exercises: internal error: ${err instanceof Error ? err.stack : String(err)}`);
  process.exitCode = EXIT.internal;
}

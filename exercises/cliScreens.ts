/**
 * What the exercises CLI prints: one exercise's report, its brief, and the status line. Pure
 * functions of the check's summary, so the watch screen and verify say the same things.
 */
import { relative } from 'node:path';
import type { Assertion } from './lib/check.ts';
import type { CheckSummary } from './lib/checkInWorker.ts';
import type { Exercise } from './lib/Exercise.ts';
import { bar, bold, dim, green, indentBlock, red, wrap, yellow } from './lib/terminal.ts';

export const shown = (path: string) => relative(process.cwd(), path) || path;
export const label = (e: Exercise) => `${String(e.number).padStart(2, '0')} ${e.title}`;

const MARK: Record<Assertion['status'], string> = { pass: '✓', fail: '✗', 'not-yet': '○' };
const COLOR: Record<Assertion['status'], (s: string) => string> = {
  pass: green,
  fail: red,
  'not-yet': yellow,
};

/** The first failing check, in one line, for verify and the facilitator's summary. */
export function firstFailure(summary: CheckSummary): string | undefined {
  const a =
    summary.assertions.find((x) => x.status === 'fail') ??
    summary.assertions.find((x) => x.status !== 'pass');
  if (!a) return undefined;
  // The first problem only: a facilitator reads a whole room's lines.
  const first = a.message.split('; ')[0]!;
  return `${a.name}: ${first.length > 140 ? `${first.slice(0, 137)}...` : first}`;
}

/** Each check with ✓, ✗ or ○ and, when it is not a pass, what was expected and found. */
export function reportLines(summary: CheckSummary): string {
  const failing = summary.assertions.filter((a) => a.status !== 'pass').length;
  const head = summary.passed
    ? green(`✓ all ${summary.assertions.length} checks pass`)
    : red(`✗ not yet: ${failing} of ${summary.assertions.length} checks do not pass`);
  const lines = summary.assertions.map((a) => {
    const mark = COLOR[a.status](MARK[a.status]);
    return a.status === 'pass'
      ? `  ${mark} ${a.name}`
      : `  ${mark} ${a.name}\n${dim(wrap(a.message, '      '))}`;
  });
  return [head, ...lines].join('\n');
}

/** The exercise's brief: statement, goal, and the Elixir it corresponds to. */
export function briefLines(e: Exercise): string {
  return [
    bold(`Exercise ${label(e)}`),
    e.statement.map((p) => wrap(p, '  ')).join('\n\n'),
    bold('Goal: the trace you should see'),
    indentBlock(e.goal, '  '),
    bold('The same in Elixir'),
    dim(indentBlock(e.elixir.sketch, '  ')),
  ].join('\n\n');
}

/** The hints seen so far, in order, with how many are left. */
export function hintLines(e: Exercise, hintsSeen: number, nextKey: string): string | undefined {
  const seen = Math.min(hintsSeen, e.hints.length);
  if (seen === 0) return undefined;
  const left = e.hints.length - seen;
  return [
    bold(`Hints (${seen} of ${e.hints.length})`),
    e.hints
      .slice(0, seen)
      .map((h, i) => wrap(`${i + 1}. ${h}`, '  ', undefined, '     '))
      .join('\n'),
    dim(left > 0 ? `  ${left} more: ${nextKey}` : '  that was the last hint'),
  ].join('\n');
}

/** After a pass: why it works, and the Elixir beside it. */
export function passedLines(e: Exercise): string {
  return [
    green(bold(`✓ ${label(e)} passed.`)),
    wrap(`Why it works: ${e.why}`, '  '),
    bold('In Elixir'),
    dim(indentBlock(e.elixir.solution, '  ')),
  ].join('\n\n');
}

/** The one status line: progress, the current exercise and the file to edit; one line wide. */
export function statusLine(
  done: number,
  total: number,
  current: Exercise | undefined,
  file?: string,
  width = process.stdout.columns ?? 100,
): string {
  const progress = `${bar(done, total)} ${done}/${total} done`;
  if (!current) return `${progress} · ${green('all solved')}`;
  const edit = ` · edit ${bold(file ? shown(file) : '')}`;
  const full = `${progress} · now ${bold(label(current))}${edit}`;
  // Too wide for the terminal: the exercise's number is enough, the title is on the screen.
  // Measured without colour codes: the bar is 22 characters wide on screen.
  const visible =
    `${' '.repeat(22)} ${done}/${total} done · now ${label(current)} · edit ${file ? shown(file) : ''}`
      .length;
  return visible <= width ? full : `${progress} · now ${bold(String(current.number))}${edit}`;
}

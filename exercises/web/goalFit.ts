import type { GoalLine } from './goalLines.ts';

/** Scales tried for a goal's indentation, widest first; the last is used when none fits. */
const SCALES = [1, 0.75, 0.5, 1 / 3];

/**
 * The columns a line needs: its branch drawing and its name's longest word (a name of several
 * words wraps between them, two columns in, under itself).
 */
export function reach(line: GoalLine): number {
  const [first = '', ...others] = line.name.split(/\s+/);
  return line.branch.length + Math.max(first.length, ...others.map((w) => w.length + 2));
}

/**
 * A branch drawing with its columns scaled by `scale`. Every glyph moves to its scaled column,
 * so glyphs that stood one above the other still do, and a tree stays a tree; `─` stays glued
 * to the corner before it, and the space before the name is kept.
 */
export function scaleBranch(branch: string, scale: number): string {
  if (scale === 1) return branch;
  const last = branch.trimEnd().length;
  if (last === 0) return ' '.repeat(Math.round(branch.length * scale));
  let out = '';
  for (let c = 0; c < last; c++) {
    const ch = branch[c]!;
    if (ch === ' ') continue;
    const glued = ch === '─' && c > 0 && branch[c - 1] !== ' ';
    const at = glued ? out.length : Math.max(Math.round(c * scale), out.length);
    out = out.padEnd(at) + ch;
  }
  return out + branch.slice(last);
}

/**
 * The goal's lines with their indentation narrowed until every branch and name fits in
 * `columns` characters: on a phone, a deep goal tree's names were cut at the edge
 * (`EventStore.append_to_strea`) behind a sideways scroll. Details after the name wrap anyway.
 */
export function fitGoal(lines: readonly GoalLine[], columns: number): readonly GoalLine[] {
  if (lines.every((l) => reach(l) <= columns)) return lines;
  let fitted: GoalLine[] = [];
  for (const scale of SCALES.slice(1)) {
    fitted = lines.map((l) => ({ ...l, branch: scaleBranch(l.branch, scale) }));
    if (fitted.every((l) => reach(l) <= columns)) return fitted;
  }
  return fitted;
}

/** How far a waterfall row indents per level of its span's depth, in CSS pixels, at most. */
export const LEVEL_PX = 14;

/**
 * The share of the name column that indentation may take, at the trace's deepest row: beyond it
 * the step per level shrinks, so the deepest rows keep room for their names and flags. At 14 px a
 * level, a 107-deep global-mode trace indented its deepest rows 1,500 px and cut every
 * `⚠ wrong parent`; on a phone a 15-deep one took 168 of the column's 190 px. sandbox.css
 * applies the same rule (`.sbx-span-name`), with this share as its percentage.
 */
export const INDENT_SHARE = 0.45;

/**
 * The same share where rows are stacked (a phone): the name and its flag share one line of the
 * whole row, so indentation gives up more. At 45 % a 57-deep row of a global-mode trace at 390
 * kept 60 px for its name ("…dis…") and cut its "⚠ wrong parent" flag. sandbox.css sets the same
 * percentage on `.sbx-waterfall[data-stacked]`.
 */
export const STACKED_INDENT_SHARE = 0.3;

/**
 * The indent per level in a name column `nameColumnPx` wide, for a trace whose deepest row is
 * `levels` levels below its root: what the CSS draws, for the estimates that must agree with it.
 */
export function levelStep(
  nameColumnPx: number,
  levels: number,
  basePx = LEVEL_PX,
  share = INDENT_SHARE,
): number {
  return Math.min(basePx, (share * nameColumnPx) / Math.max(1, levels));
}

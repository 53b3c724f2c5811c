/**
 * Below this panel width the waterfall stacks each row: the name cell takes the whole row and the
 * bar runs as a strip along its foot. Side by side, a phone's 370 px panel left the names 243 px
 * and the bars 109 px: a flag (`⚠ wrong parent`, 117 px) fit neither, and 7 of the 9 flags of a
 * mixed global-mode trace read `⚠ wro…`. The trace panel at 1280 (490 px) stacks too: side by
 * side it read `commanded.ro…` beside `⚠ context lost`; stacked, the name and the long flag
 * (`⚠ context lost: new trace`) read whole, on a time axis as wide as the panel. So does each
 * side of a comparison at 1280 (610 px), where `commanded.application.…` was cut and the axis
 * read `0 µs` alone. At 1366 a side is 650 px, and keeps its name column and duration labels.
 */
export const STACKED_BELOW_PX = 640;

/** The timeline's right margin in the panel, in pixels (sandbox.css: `.sbx-span-timeline`). */
const TIMELINE_MARGIN_PX = 16;

/** What the waterfall's rows are laid out in. */
export interface WaterfallColumns {
  /** Name cell above a bar strip, both the row's whole width. */
  stacked: boolean;
  /** The name cell's width, in pixels. */
  name: number;
  /** The bars' width, in pixels. */
  timelinePx: number;
  /** The widest the learner may drag the name column (side by side only). */
  maxName: number;
}

/**
 * The name column and the timeline in a waterfall panel `panelPx` wide, where the name column
 * wants `nameCol` (useNameColumn). Side by side the timeline keeps at least 200 px; stacked, the
 * names and the bars each get the row.
 */
export function waterfallColumns(panelPx: number, nameCol: number): WaterfallColumns {
  const maxName = Math.max(160, panelPx - 200);
  if (panelPx < STACKED_BELOW_PX) {
    const row = Math.max(80, panelPx - TIMELINE_MARGIN_PX);
    return { stacked: true, name: row, timelinePx: row, maxName };
  }
  const name = Math.min(nameCol, maxName);
  return {
    stacked: false,
    name,
    timelinePx: Math.max(80, panelPx - name - TIMELINE_MARGIN_PX),
    maxName,
  };
}

import type { TreeRow } from '../model/buildTraceTree.ts';
import type { SpanFlag } from '../model/explainSpan.ts';
import { LEVEL_PX } from './waterfallIndent.ts';

/** The lesson first: a narrow name column cuts the end of a flag ("⚠ context lost: n…"). */
const FLAG_LABEL: Record<SpanFlag['kind'], string> = {
  'new-trace': 'context lost: new trace',
  'cross-request': 'wrong parent: other request',
  'missing-parent': 'orphan: parent missing',
  'linked-root': 'linked trace',
  batch: 'batch',
};

/**
 * The same, short, for a row too narrow for the labels above (the trace panel at 1280 is
 * 490 px wide: fitsLongFlag). Still the lesson, not its first letters: `⚠ context lost`, where
 * a cut long label read `⚠ cont…`.
 */
const SHORT_FLAG_LABEL: Record<SpanFlag['kind'], string> = {
  'new-trace': 'context lost',
  'cross-request': 'wrong parent',
  'missing-parent': 'orphan',
  'linked-root': 'linked',
  batch: 'batch',
};

/**
 * Whether the waterfall's rows show their service as a colour swatch, not a named chip: in a name
 * column this narrow (the trace panel at 1280 gives it 290 px) the span's name needs the room.
 */
export function usesSwatch(nameColumnPx: number): boolean {
  return nameColumnPx < 320;
}

/**
 * Whether a row shows its flag's long label: when the row holds its service, name and that label
 * whole (flaggedRowPx). Else the short label says the lesson whole, where the long one was cut.
 * Decided per row: in a deep trace the top rows have room that the deepest lack.
 */
export function fitsLongFlag(
  row: { level: number; service: string; name: string },
  flag: string,
  nameColumnPx: number,
  swatch: boolean,
  levelPx = LEVEL_PX,
): boolean {
  return flaggedRowPx(row.level, row.service, row.name, flag, swatch, levelPx) <= nameColumnPx;
}

/** What a batch span's flag says: the requests it served, the first three named; short, how many. */
export function batchLabel(requests: readonly string[], short = false): string {
  if (short) return `batch of ${requests.length}`;
  const more = requests.length > 3 ? ` +${requests.length - 3}` : '';
  return `batch: ${requests.slice(0, 3).join(', ')}${more}`;
}

/**
 * A waterfall row's flag: the one that breaks the trace first, or what an orphan is; `short`
 * takes the short labels.
 */
export function flagOf(
  flags: readonly SpanFlag[],
  orphan: boolean,
  batch: string | undefined,
  short = false,
): { text: string | undefined; breaks: boolean } {
  const breaks = flags.some((f) => f.breaks) || orphan;
  const flag = flags.find((f) => f.breaks) ?? flags[0];
  const labels = short ? SHORT_FLAG_LABEL : FLAG_LABEL;
  const text =
    flag?.kind === 'batch' && batch
      ? batch
      : flag
        ? labels[flag.kind]
        : orphan
          ? labels['missing-parent']
          : undefined;
  return { text, breaks };
}

/**
 * About how wide a flagged row's name cell must be to show its service, name and flag whole, in
 * CSS pixels: character counts at the sizes sandbox.css sets (chip and flag 12 px bold, name
 * 15 px), generous rather than exact. The waterfall's default name column makes room for it, so
 * that the flag saying where context was lost is not the part that gets cut. `swatch`: the
 * service shows as a swatch (usesSwatch), not a chip.
 */
export function flaggedRowPx(
  level: number,
  service: string,
  name: string,
  flag: string,
  swatch = false,
  /** The indent per level (levelStep). */
  levelPx = LEVEL_PX,
): number {
  const indent = 6 + Math.max(0, level - 1) * levelPx + 14;
  const chip = swatch ? 12 : service.length * 7.4 + 14;
  const label = name.length * 8.4;
  const badge = (flag.length + 2) * 7.6 + 13;
  return Math.ceil(indent + chip + label + badge + 3 * 6 + 8);
}

/** The widest flagged row of a trace (flaggedRowPx), or 0 when no row has a flag. */
export function widestFlaggedRow(
  rows: readonly TreeRow[],
  flags: ReadonlyMap<string, readonly SpanFlag[]>,
  batches: ReadonlyMap<string, { requests: readonly string[] }>,
): number {
  let widest = 0;
  for (const row of rows) {
    const own = flags.get(row.span.spanId);
    if (!own?.length && !row.orphan) continue;
    const batch = batches.get(row.span.spanId);
    const { text } = flagOf(own ?? [], row.orphan, batch && batchLabel(batch.requests));
    if (text)
      widest = Math.max(widest, flaggedRowPx(row.level, row.span.service, row.span.name, text));
  }
  return widest;
}

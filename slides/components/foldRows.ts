import type { CompactRow } from './compactTrace.ts';

/** Rows of a trace left out together, drawn as one line in their place. */
export interface Fold {
  fold: CompactRow[];
}

/**
 * A compact trace with `count` of its rows left out, for a slide where even the smallest type
 * cannot show them all: a talk with a longer title, or a trace of many requests. The rows left
 * out are the last ones, never the root (where the trace starts) nor a row `keep` marks (the
 * break the slide is about). Each run of rows left out becomes one Fold in their place, so the
 * room sees that something is there and how much.
 */
export function foldRows(
  rows: readonly CompactRow[],
  count: number,
  keep: (row: CompactRow) => boolean,
): (CompactRow | Fold)[] {
  const out = new Set<CompactRow>();
  for (let i = rows.length - 1; i > 0 && out.size < count; i--) {
    const row = rows[i] as CompactRow;
    if (!keep(row)) out.add(row);
  }
  const items: (CompactRow | Fold)[] = [];
  for (const row of rows) {
    if (!out.has(row)) items.push(row);
    else {
      const last = items[items.length - 1];
      if (last && 'fold' in last) last.fold.push(row);
      else items.push({ fold: [row] });
    }
  }
  return items;
}

/** What a fold says: how many rows and spans it stands for. */
export function foldText(fold: Fold): string {
  const spans = fold.fold.reduce((n, r) => n + r.spanIds.length, 0);
  const rows = fold.fold.length;
  return `\u22ef ${rows} ${rows === 1 ? 'row' : 'rows'} (${spans} ${spans === 1 ? 'span' : 'spans'}) left out to fit`;
}

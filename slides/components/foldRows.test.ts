import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../sandbox/model/SpanRecord.ts';
import type { CompactRow } from './compactTrace.ts';
import { foldRows, foldText, type Fold } from './foldRows.ts';

const row = (id: string, spans = 1, flagged = false): CompactRow => ({
  span: { spanId: id } as SpanRecord,
  spanIds: Array.from({ length: spans }, (_, i) => `${id}${i}`),
  depth: 0,
  node: id,
  flagged,
});
const names = (items: (CompactRow | Fold)[]) =>
  items.map((i) => ('fold' in i ? `[${i.fold.map((r) => r.node).join('')}]` : i.node));

describe('foldRows', () => {
  const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => row(id, 2));
  const none = () => false;

  it('leaves out the last rows, as one fold where they were', () => {
    expect(names(foldRows(rows, 2, none))).toEqual(['a', 'b', 'c', 'd', '[ef]']);
    expect(names(foldRows(rows, 0, none))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('never leaves out the root nor the row to keep, and folds each run on its own', () => {
    const keep = (r: CompactRow) => r.node === 'e';
    expect(names(foldRows(rows, 3, keep))).toEqual(['a', 'b', '[cd]', 'e', '[f]']);
    expect(names(foldRows(rows, 99, keep))).toEqual(['a', '[bcd]', 'e', '[f]']);
  });

  it('says how many rows and spans a fold stands for', () => {
    const items = foldRows(rows, 2, none);
    expect(foldText(items[4] as Fold)).toBe('\u22ef 2 rows (4 spans) left out to fit');
    expect(foldText({ fold: [row('x')] })).toBe('\u22ef 1 row (1 span) left out to fit');
  });
});

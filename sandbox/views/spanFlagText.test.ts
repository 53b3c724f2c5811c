import { describe, expect, it } from 'vitest';
import type { TreeRow } from '../model/buildTraceTree.ts';
import type { SpanFlag } from '../model/explainSpan.ts';
import type { SpanRecord } from '../model/SpanRecord.ts';
import { batchLabel, flagOf, flaggedRowPx, isCompact, widestFlaggedRow } from './spanFlagText.ts';

const lost: SpanFlag = { kind: 'new-trace', breaks: true, text: 'New trace started here.' };
const batch: SpanFlag = { kind: 'batch', breaks: false, text: 'A batch.' };

function row(spanId: string, level: number, name: string, orphan = false): TreeRow {
  const span = { spanId, name, service: 'projections' } as SpanRecord;
  return { span, level, childCount: 0, orphan };
}

describe('flagOf', () => {
  it('puts the lesson first and the break before a note', () => {
    expect(flagOf([batch, lost], false, undefined)).toEqual({
      text: 'context lost: new trace',
      breaks: true,
    });
    expect(flagOf([batch], false, 'batch: req-1, req-2')).toEqual({
      text: 'batch: req-1, req-2',
      breaks: false,
    });
    expect(flagOf([], true, undefined)).toEqual({ text: 'orphan: parent missing', breaks: true });
    expect(flagOf([], false, undefined)).toEqual({ text: undefined, breaks: false });
  });

  it('says the lesson in short in a compact row, never its first letters', () => {
    expect(flagOf([batch, lost], false, undefined, true)).toEqual({
      text: 'context lost',
      breaks: true,
    });
    expect(flagOf([], true, undefined, true)).toEqual({ text: 'orphan', breaks: true });
    expect(batchLabel(['req-1', 'req-2', 'req-3', 'req-4'], true)).toBe('batch of 4');
  });

  it('goes compact where the name column cannot hold the widest flagged row', () => {
    expect(isCompact(290, 540)).toBe(true);
    expect(isCompact(545, 540)).toBe(false);
    // No flags: only a narrow column is compact.
    expect(isCompact(290, 0)).toBe(true);
    expect(isCompact(400, 0)).toBe(false);
  });

  it('names three requests of a batch and counts the rest', () => {
    expect(batchLabel(['req-1', 'req-2'])).toBe('batch: req-1, req-2');
    expect(batchLabel(['req-1', 'req-2', 'req-3', 'req-4', 'req-5'])).toBe(
      'batch: req-1, req-2, req-3 +2',
    );
  });
});

describe('widestFlaggedRow', () => {
  it('asks for room only for flagged rows, the widest of them', () => {
    const rows = [
      row('a', 1, 'POST /lab-orders'),
      row('b', 2, 'commanded.router.dispatch'),
      row('c', 5, 'a very long span name that has no flag at all, anywhere'),
    ];
    expect(widestFlaggedRow(rows, new Map(), new Map())).toBe(0);
    const flags = new Map([['b', [lost]]]);
    const need = widestFlaggedRow(rows, flags, new Map());
    expect(need).toBe(
      flaggedRowPx(2, 'projections', 'commanded.router.dispatch', 'context lost: new trace'),
    );
    // Name, flag and service all count, and so does the indent of a deeper row.
    expect(need).toBeGreaterThan(400);
    expect(flaggedRowPx(6, 'projections', 'commanded.router.dispatch', 'x')).toBeLessThan(need);
    expect(
      flaggedRowPx(3, 'projections', 'commanded.router.dispatch', 'context lost: new trace'),
    ).toBe(need + 14);
  });

  it('sizes a batch by its own label', () => {
    const rows = [row('b', 1, 'commanded.event.handle')];
    const flags = new Map([['b', [batch]]]);
    const few = widestFlaggedRow(rows, flags, new Map([['b', { requests: ['req-1'] }]]));
    const many = widestFlaggedRow(
      rows,
      flags,
      new Map([['b', { requests: ['req-1', 'req-2', 'req-3', 'req-4'] }]]),
    );
    expect(many).toBeGreaterThan(few);
  });
});

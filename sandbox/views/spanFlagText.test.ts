import { describe, expect, it } from 'vitest';
import type { TreeRow } from '../model/buildTraceTree.ts';
import type { SpanFlag } from '../model/explainSpan.ts';
import type { SpanRecord } from '../model/SpanRecord.ts';
import {
  batchLabel,
  fitsLongFlag,
  flagOf,
  flaggedRowPx,
  usesSwatch,
  widestFlaggedRow,
} from './spanFlagText.ts';

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

  it('keeps the long label on a row that holds it whole, the short one on a row that does not', () => {
    const top = { level: 2, service: 'web', name: 'LabOrderController.create' };
    const deep = { ...top, level: 19 };
    const label = 'wrong parent: other request';
    expect(fitsLongFlag(top, label, 730, false)).toBe(true);
    expect(fitsLongFlag(deep, label, 730, false)).toBe(false);
    // A swatch leaves the row more room than the service's chip.
    const service = { level: 1, service: 'commanded', name: 'commanded.router.dispatch' };
    const width = flaggedRowPx(1, service.service, service.name, 'context lost: new trace', true);
    expect(fitsLongFlag(service, 'context lost: new trace', width, true)).toBe(true);
    expect(fitsLongFlag(service, 'context lost: new trace', width, false)).toBe(false);
  });

  it('shows the service as a swatch only in a narrow name column', () => {
    expect(usesSwatch(290)).toBe(true);
    expect(usesSwatch(400)).toBe(false);
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

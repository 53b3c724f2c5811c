import { describe, expect, it } from 'vitest';
import { RecentIds } from './RecentIds.ts';
import { TraceBuffer } from './TraceBuffer.ts';
import type { SpanRecord } from './SpanRecord.ts';

const id = (n: number) => n.toString(16).padStart(32, '0');

describe('RecentIds', () => {
  it('holds the ids added, and only those', () => {
    const ids = new RecentIds(100);
    for (let n = 0; n < 50; n++) ids.add(id(n));
    expect(ids.size).toBe(50);
    for (let n = 0; n < 50; n++) expect(ids.has(id(n))).toBe(true);
    for (let n = 50; n < 1_000; n++) expect(ids.has(id(n))).toBe(false);
  });

  it('forgets the oldest ids past its capacity, first in first out', () => {
    const ids = new RecentIds(100);
    for (let n = 0; n < 250; n++) ids.add(id(n));
    expect(ids.size).toBe(100);
    for (let n = 0; n < 150; n++) expect(ids.has(id(n))).toBe(false);
    for (let n = 150; n < 250; n++) expect(ids.has(id(n))).toBe(true);
  });

  it('adds an id it holds only once', () => {
    const ids = new RecentIds(3);
    ids.add('a');
    ids.add('a');
    ids.add('b');
    ids.add('c');
    expect(ids.size).toBe(3);
    // 'a' was added once, so it is the oldest and the first to go.
    ids.add('d');
    expect(['a', 'b', 'c', 'd'].map((x) => ids.has(x))).toEqual([false, true, true, true]);
  });

  it('answers like a Set with its oldest entry deleted, through many turns of its ring', () => {
    // A small index (capacity 7: 16 positions) makes long probe runs that wrap around its end,
    // so deletions move entries back across the wrap, too.
    const ids = new RecentIds(7);
    const model = new Set<string>();
    let seed = 12_345;
    const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) % 40;
    const mismatches: string[] = [];
    for (let step = 0; step < 20_000; step++) {
      const x = `trace-${random()}`;
      if (!model.has(x)) {
        model.add(x);
        if (model.size > 7) model.delete(model.values().next().value!);
      }
      ids.add(x);
      if (ids.size !== model.size) mismatches.push(`step ${step}: size ${ids.size}`);
      for (let k = 0; k < 40; k++) {
        const key = `trace-${k}`;
        if (ids.has(key) !== model.has(key)) mismatches.push(`step ${step}: ${key}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('keeps one footprint however many ids pass through it', () => {
    const ids = new RecentIds(10_000);
    const bytes = ids.bytes;
    // Fingerprints in a ring and an index at most half full: well under 32 bytes an id.
    expect(bytes).toBeLessThan(10_000 * 32);
    for (let n = 0; n < 100_000; n++) ids.add(id(n));
    expect(ids.bytes).toBe(bytes);
    expect(ids.size).toBe(10_000);
    expect(ids.has(id(99_999))).toBe(true);
    expect(ids.has(id(89_999))).toBe(false);
  });

  it('forgets everything on clear', () => {
    const ids = new RecentIds(10);
    for (let n = 0; n < 25; n++) ids.add(id(n));
    ids.clear();
    expect(ids.size).toBe(0);
    for (let n = 0; n < 25; n++) expect(ids.has(id(n))).toBe(false);
    ids.add(id(3));
    expect(ids.has(id(3))).toBe(true);
  });

  it('refuses a capacity it cannot hold', () => {
    expect(() => new RecentIds(0)).toThrow(/capacity/);
    expect(() => new RecentIds(2.5)).toThrow(/capacity/);
  });
});

describe('TraceBuffer and its evicted traces', () => {
  const span = (traceId: string, spanId: string, startUs: number): SpanRecord => ({
    traceId,
    spanId,
    name: 'work',
    kind: 'INTERNAL',
    service: 'lab_orders',
    startUs,
    endUs: startUs + 1,
    attributes: {},
    resource: {},
    scope: { name: 'test' },
    events: [],
    links: [],
    status: { code: 0 },
    traceFlags: 1,
    requestId: '',
  });

  it('drops a late span of an evicted trace instead of starting that trace anew', () => {
    const buffer = new TraceBuffer(100);
    for (let t = 0; t < 30; t++)
      for (let s = 0; s < 10; s++) buffer.add(span(id(t), `${t}-${s}`, t * 100 + s));
    expect(buffer.size).toBeLessThanOrEqual(100);
    expect(buffer.traces.has(id(0))).toBe(false);
    const evicted = buffer.evictedTraces;
    buffer.add(span(id(0), '0-late', 5));
    expect(buffer.traces.has(id(0))).toBe(false);
    expect(buffer.spans.has('0-late')).toBe(false);
    expect(buffer.evictedTraces).toBe(evicted);
    // A trace never evicted still comes in.
    buffer.add(span(id(99), '99-0', 9_900));
    expect(buffer.traces.has(id(99))).toBe(true);
  });
});

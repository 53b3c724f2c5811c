import { describe, expect, it } from 'vitest';
import type { ContextHops, MixMark } from '../model/contextHops.ts';
import { POC_WIDE_LAYOUT } from './topologyLayout.ts';
import { drawHopMarks } from './topologyMarks.ts';

/** A 2D context that records what is drawn, in order: enough for the marks. */
function recordingContext() {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(`${name}${name === 'fillText' ? `:${String(args[0])}` : ''}`);
    };
  const ctx = {
    calls,
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    arc: record('arc'),
    roundRect: record('roundRect'),
    fill: record('fill'),
    stroke: record('stroke'),
    fillText: record('fillText'),
    setLineDash: record('setLineDash'),
    measureText: (text: string) => ({ width: text.length * 8 }),
  };
  return ctx;
}

const mix = (requestId: string, parentRequestId: string): MixMark => ({
  spanId: `s-${requestId}`,
  traceId: 't',
  name: 'Stuff.update_stuff/2',
  node: 'RequestProcess',
  requestId,
  parentRequestId,
  label: `${requestId} under ${parentRequestId}\u2019s span`,
});

describe('drawHopMarks', () => {
  it('draws every leader before any pill, so no leader crosses a pill’s words', () => {
    // Two mixed spans in the one box of the proof of concept: their pills stack under it, and
    // the lower pill's leader runs through the upper pill.
    const hops: ContextHops = {
      hops: [],
      byKey: new Map(),
      breakHop: undefined,
      mixes: [mix('req-3', 'req-2'), mix('req-2', 'req-3')],
      focus: null,
    };
    const ctx = recordingContext();
    drawHopMarks(
      ctx as unknown as CanvasRenderingContext2D,
      POC_WIDE_LAYOUT,
      (px) => px,
      hops,
      (id) => id,
    );
    const pills = ctx.calls.flatMap((c, i) => (c === 'roundRect' ? [i] : []));
    const leaders = ctx.calls.flatMap((c, i) => (c === 'lineTo' ? [i] : []));
    expect(pills).toHaveLength(2);
    expect(leaders).toHaveLength(2);
    expect(Math.max(...leaders)).toBeLessThan(Math.min(...pills));
    expect(ctx.calls.filter((c) => c.startsWith('fillText:'))).toEqual([
      'fillText:\u26a0 Stuff.update_stuff/2: req-3 under req-2\u2019s span',
      'fillText:\u26a0 Stuff.update_stuff/2: req-2 under req-3\u2019s span',
    ]);
  });
});

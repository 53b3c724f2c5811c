import { describe, expect, it } from 'vitest';
import type { ContextHops, MixMark } from '../model/contextHops.ts';
import type { Rect } from './rect.ts';
import {
  POC_TALL_LAYOUT,
  POC_WIDE_LAYOUT,
  TALL_LAYOUT,
  WIDE_LAYOUT,
  type TopoLayout,
} from './topologyLayout.ts';
import { drawHopMarks, pillLines } from './topologyMarks.ts';

/** A 2D context that records what is drawn, in order: enough for the marks. */
function recordingContext(charWidth = 8) {
  const calls: string[] = [];
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(`${name}${name === 'fillText' ? `:${String(args[0])}` : ''}`);
    };
  const ctx = {
    calls,
    rects,
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    arc: record('arc'),
    roundRect: (x: number, y: number, w: number, h: number) => {
      calls.push('roundRect');
      rects.push({ x, y, w, h });
    },
    fill: record('fill'),
    stroke: record('stroke'),
    fillText: record('fillText'),
    setLineDash: record('setLineDash'),
    measured: 0,
    measureText(text: string) {
      this.measured++;
      return { width: text.length * charWidth };
    },
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

/** Hops with only mix-ups: the proof of concept's two requests, each under the other's span. */
const mixesOnly = (mixes: MixMark[]): ContextHops => ({
  hops: [],
  byKey: new Map(),
  breakHop: undefined,
  mixes,
  focus: null,
  nodeTraces: new Map(),
});

/** Draws `hops` on `layout` with a recording context; `scale` is the canvas's CSS px per unit. */
function drawOn(layout: TopoLayout, hops: ContextHops, scale = 1, names: Rect[] = []) {
  const ctx = recordingContext(8.5 / scale);
  const drawn = drawHopMarks(
    ctx as unknown as CanvasRenderingContext2D,
    layout,
    (px) => px / scale,
    hops,
    (id) => id,
    undefined,
    names,
  );
  return { ctx, drawn };
}

describe('drawHopMarks', () => {
  it('draws every leader before any pill, so no leader crosses a pill’s words', () => {
    // Two mixed spans in the one box of the proof of concept: their pills stack under it, and
    // the lower pill's leader runs through the upper pill.
    const { ctx } = drawOn(
      POC_WIDE_LAYOUT,
      mixesOnly([mix('req-3', 'req-2'), mix('req-2', 'req-3')]),
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

  it('breaks a pill too wide for the picture into lines, and keeps it inside', () => {
    // The phone's proof of concept: 380 units wide; each pill's one line was about 370.
    const {
      ctx,
      drawn: { covering, texts },
    } = drawOn(POC_TALL_LAYOUT, mixesOnly([mix('req-3', 'req-2'), mix('req-2', 'req-3')]));
    expect(texts).toHaveLength(2);
    expect(covering).toBe(0);
    for (const r of ctx.rects.slice(-2)) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(POC_TALL_LAYOUT.w);
    }
    expect(ctx.calls.filter((c) => c.startsWith('fillText:'))).toEqual([
      'fillText:\u26a0 Stuff.update_stuff/2:',
      'fillText:req-3 under req-2\u2019s span',
      'fillText:\u26a0 Stuff.update_stuff/2:',
      'fillText:req-2 under req-3\u2019s span',
    ]);
  });

  it('says fewer words where the whole text finds no free place, rather than cover names', () => {
    // The phone's full picture (540 units drawn 356 px wide): both mixed spans' pills, whole,
    // covered the Client and Request boxes' names.
    const scale = 356 / 540;
    const mixes = [mix('req-1', 'req-2'), mix('req-3', 'req-1')].map((m) => ({
      ...m,
      name: 'LabOrderController.create',
    }));
    const names = TALL_LAYOUT.nodes.map((n) => ({ x: n.x, y: n.y, w: n.w, h: 24 / scale }));
    expect(drawOn(TALL_LAYOUT, mixesOnly(mixes), scale, names).drawn).toEqual({
      covering: 0,
      overNames: 0,
      texts: ['\u26a0 req-1 under req-2\u2019s span', '\u26a0 req-3 under req-1\u2019s span'],
    });
  });

  it('takes more lines for a place near what the pill names over a far one in one line', () => {
    // The full picture at 1280 (1000 units drawn 736 px wide): in one line, the mix-up pills'
    // only gap was under the picture, and their leaders crossed all of it to the Request box.
    const scale = 736 / 1000;
    const mixes = [mix('req-1', 'req-2'), mix('req-3', 'req-1')].map((m) => ({
      ...m,
      name: 'LabOrderController.create',
    }));
    const { ctx, drawn } = drawOn(WIDE_LAYOUT, mixesOnly(mixes), scale);
    expect(drawn.covering).toBe(0);
    const request = WIDE_LAYOUT.byId.get('RequestProcess')!;
    const anchor = [request.x + request.w / 2, request.y + WIDE_LAYOUT.nodeH];
    for (const r of ctx.rects.slice(-2)) {
      const distance = Math.hypot(r.x + r.w / 2 - anchor[0]!, r.y + r.h / 2 - anchor[1]!);
      expect(distance * scale).toBeLessThan(100);
    }
  });

  it('places the pills again only when something they depend on changed', () => {
    const hops = mixesOnly([mix('req-3', 'req-2'), mix('req-2', 'req-3')]);
    const ctx = recordingContext();
    const draw = (layout: TopoLayout) =>
      drawHopMarks(
        ctx as unknown as CanvasRenderingContext2D,
        layout,
        (px) => px,
        hops,
        (id) => id,
      );
    const first = draw(POC_WIDE_LAYOUT);
    expect(ctx.measured).toBeGreaterThan(0);
    const rects = ctx.rects.splice(0);
    ctx.measured = 0;
    // The next frame, the same picture: the same places, and no search.
    expect(draw(POC_WIDE_LAYOUT)).toEqual(first);
    expect(ctx.measured).toBe(0);
    expect(ctx.rects).toEqual(rects);
    // Another picture: placed anew.
    draw(POC_TALL_LAYOUT);
    expect(ctx.measured).toBeGreaterThan(0);
  });
});

describe('pillLines', () => {
  const measure = (text: string) => text.length * 8;
  it('keeps a line that fits, breaks after the colon first, then between words', () => {
    expect(pillLines(measure, 'short: fits', 200)).toEqual(['short: fits']);
    expect(pillLines(measure, 'Stuff.update_stuff/2: req-2 under req-1', 200)).toEqual([
      'Stuff.update_stuff/2:',
      'req-2 under req-1',
    ]);
    expect(pillLines(measure, '\u2715 Request \u2192 Router: no trace context', 100)).toEqual([
      '\u2715 Request',
      '\u2192 Router:',
      'no trace',
      'context',
    ]);
  });

  it('never breaks inside a phrase it is told to keep: a box’s name of two words', () => {
    const text = '\u2715 Notifier \u2192 SMS Task: no trace context';
    // Without the phrase, 'SMS' and 'Task:' fell on two lines on a phone.
    expect(pillLines(measure, text, 128)).toEqual([
      '\u2715 Notifier \u2192 SMS',
      'Task:',
      'no trace context',
    ]);
    expect(pillLines(measure, text, 128, ['Notifier', '\u2192 SMS Task'])).toEqual([
      '\u2715 Notifier',
      '\u2192 SMS Task:',
      'no trace context',
    ]);
  });
});

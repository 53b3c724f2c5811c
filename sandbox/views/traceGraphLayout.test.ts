import { describe, expect, it } from 'vitest';
import type { Fault } from '../core/config.ts';
import type { PropagationMode } from '../core/propagation/index.ts';
import { recordRun } from '../model/recordRun.ts';
import { traceGraph, type TraceGraph } from '../model/traceGraph.ts';
import { overlaps, type Rect } from './rect.ts';
import { layoutTraceGraph, type GraphLayout } from './traceGraphLayout.ts';
import { BOX_H, CHAR, LINE_H } from './traceGraphParts.ts';

/** Every trace graph of `requests` requests' run: the whole trace and the pieces a fault cuts. */
function graphsOf(mode: PropagationMode, requests: number, faults: Fault[] = []): TraceGraph[] {
  const buffer = recordRun(mode, requests, faults);
  return [...buffer.traces.values()]
    .map((t) => traceGraph(buffer, t))
    .filter((g) => g.hops.length > 0);
}

/** A cut label's box, from its lines, anchor and last baseline (13px text: 11 up, 3 down). */
function labelRect(label: NonNullable<GraphLayout['hops'][number]['label']>): Rect {
  const w = Math.max(...label.lines.map((l) => l.length)) * CHAR;
  const x =
    label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - w : label.x - w / 2;
  const top = label.y - (label.lines.length - 1) * LINE_H - 11;
  return { x, y: top, w, h: label.y + 3 - top };
}

/** Points along a path of M, L, H, V, Q and C commands, a few per curve. */
function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  let at: [number, number] = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([MLHVQC])([^MLHVQC]*)/g)) {
    const n = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const to = (p: [number, number]) => {
      out.push(p);
      at = p;
    };
    if (cmd === 'M' || cmd === 'L') to([n[0]!, n[1]!]);
    else if (cmd === 'H') to([n[0]!, at[1]]);
    else if (cmd === 'V') to([at[0], n[0]!]);
    else {
      const pts: [number, number][] = [at];
      for (let i = 0; i < n.length; i += 2) pts.push([n[i]!, n[i + 1]!]);
      for (let t = 0.1; t <= 1.0001; t += 0.1) {
        // De Casteljau: a point of the Bezier curve through `pts`.
        let q = pts.map((p) => [...p] as [number, number]);
        while (q.length > 1)
          q = q
            .slice(1)
            .map((p, i) => [q[i]![0] + (p[0] - q[i]![0]) * t, q[i]![1] + (p[1] - q[i]![1]) * t]);
        out.push(q[0]!);
      }
      at = out[out.length - 1]!;
    }
  }
  // Straight segments: points every 4 px between their ends.
  const dense: [number, number][] = [];
  out.forEach((p, i) => {
    const prev = out[i - 1];
    if (prev) {
      const steps = Math.ceil(Math.hypot(p[0] - prev[0], p[1] - prev[1]) / 4);
      for (let k = 1; k < steps; k++)
        dense.push([
          prev[0] + ((p[0] - prev[0]) * k) / steps,
          prev[1] + ((p[1] - prev[1]) * k) / steps,
        ]);
    }
    dense.push(p);
  });
  return dense;
}

/** What a reader would see wrong in a laid-out graph. */
function problemsOf(layout: GraphLayout, available: number): string[] {
  const out: string[] = [];
  const boxes = layout.boxes.map((b) => ({
    id: b.id,
    r: { x: b.x, y: b.y, w: b.width, h: BOX_H },
  }));
  if (available > 0 && layout.width * layout.scale > available + 0.5)
    out.push(`${layout.direction} picture ${layout.width * layout.scale} px wide in ${available}`);
  if (layout.scale < 0.75) out.push(`scaled to ${layout.scale}`);
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) if (overlaps(a.r, b.r)) out.push(`${a.id} over ${b.id}`);
    const box = layout.boxes[i]!;
    for (const line of box.lines)
      if (line.length * CHAR + 12 > box.width) out.push(`name cut: ${line} in ${box.width}`);
    if (box.lines.length > 2) out.push(`${box.id} on ${box.lines.length} lines`);
  }
  const labels = layout.hops.flatMap((h) =>
    h.label ? [{ key: h.hop.key, r: labelRect(h.label) }] : [],
  );
  for (const [i, l] of labels.entries()) {
    for (const b of boxes) if (overlaps(l.r, b.r)) out.push(`label of ${l.key} over ${b.id}`);
    for (const m of labels.slice(i + 1))
      if (overlaps(l.r, m.r)) out.push(`labels of ${l.key} and ${m.key} overlap`);
    if (l.r.x < 0 || l.r.y < 0 || l.r.x + l.r.w > layout.width + 1)
      out.push(`label of ${l.key} out of the picture`);
  }
  for (const h of layout.hops) {
    if ((h.hop.state === 'cut' || h.hop.state === 'mixed') && !h.label)
      out.push(`${h.hop.state} hop ${h.hop.key} without its label`);
    // No other arrow runs through a label.
    for (const [x, y] of pathPoints(h.d))
      for (const l of labels)
        if (
          l.key !== h.hop.key &&
          x > l.r.x &&
          x < l.r.x + l.r.w &&
          y > l.r.y &&
          y < l.r.y + l.r.h
        ) {
          out.push(`hop ${h.hop.key} through the label of ${l.key}`);
          break;
        }
    // Arrows run between boxes, never through one.
    for (const [x, y] of pathPoints(h.d))
      for (const b of boxes) {
        const inside =
          x > b.r.x + 1 && x < b.r.x + b.r.w - 1 && y > b.r.y + 1 && y < b.r.y + b.r.h - 1;
        if (inside) {
          out.push(`hop ${h.hop.key} through ${b.id}`);
          break;
        }
      }
  }
  return [...new Set(out)];
}

const RUNS: [string, PropagationMode, number, Fault[]][] = [
  ['the whole 37-span trace', 'metadata', 1, []],
  ['handlers that do not read the carrier', 'metadata', 1, ['handlers-ignore-metadata']],
  ['metadata dropped', 'metadata', 1, ['drop-metadata']],
  ['a task that loses context', 'metadata', 1, ['task-loses-context']],
  ['process mode', 'process', 1, []],
  ['links mode', 'links', 1, []],
  ['global mode, three requests mixed', 'global', 3, []],
];
const WIDTHS = [0, 1600, 893, 696, 348, 260];

describe('the trace graph layout', () => {
  it.each(RUNS)('lays out %s in every width, whole and readable', (_name, mode, n, faults) => {
    const graphs = graphsOf(mode, n, faults);
    expect(graphs.length).toBeGreaterThan(0);
    for (const graph of graphs)
      for (const width of WIDTHS) {
        const layout = layoutTraceGraph(graph, width);
        expect(layout.boxes).toHaveLength(graph.nodes.length);
        expect({ width, problems: problemsOf(layout, width) }).toEqual({ width, problems: [] });
      }
  });

  it('draws the whole trace across at a 1920 px screen, at full size, and down on a phone', () => {
    const [whole] = graphsOf('metadata', 1);
    expect(whole?.columns).toBe(6);
    // The panel beside the picture at 1920x1080 gives the graph 893 px; 1280x720 gives 696.
    expect(layoutTraceGraph(whole!, 893)).toMatchObject({ direction: 'across', scale: 1 });
    expect(layoutTraceGraph(whole!, 696).direction).toBe('across');
    expect(layoutTraceGraph(whole!, 348).direction).toBe('down');
    // Nothing measured yet (or no room to measure): the picture the talk draws.
    expect(layoutTraceGraph(whole!, 0)).toMatchObject({ direction: 'across', scale: 1 });
    // Its boxes name the processes as the topology does ('RequestProcess' before).
    const names = layoutTraceGraph(whole!, 893).boxes.map((b) => b.lines.join(' '));
    expect(names).toContain('Phoenix request');
    expect(names).toContain('LabOrder aggregate');
    expect(names).not.toContain('RequestProcess');
  });

  it('puts each cut hop’s label by the box the context did not reach', () => {
    const request = graphsOf('metadata', 1, ['handlers-ignore-metadata']).find((g) =>
      g.nodes.some((n) => n.id === 'RequestProcess'),
    );
    for (const width of [893, 348]) {
      const layout = layoutTraceGraph(request!, width);
      const cut = layout.hops.filter((h) => h.hop.state === 'cut');
      expect(cut.length).toBe(4);
      for (const h of cut) {
        const target = layout.boxes.find((b) => b.id === h.hop.to)!;
        const label = labelRect(h.label!);
        // Nearer its own box than any other, edge to edge.
        const distance = (b: typeof target) =>
          Math.hypot(
            Math.max(0, b.x - (label.x + label.w), label.x - (b.x + b.width)),
            Math.max(0, b.y - (label.y + label.h), label.y - (b.y + BOX_H)),
          );
        const nearest = [...layout.boxes].sort((a, b) => distance(a) - distance(b))[0];
        expect(nearest?.id).toBe(target.id);
      }
    }
  });
});

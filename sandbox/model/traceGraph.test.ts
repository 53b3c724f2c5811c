import { describe, expect, it } from 'vitest';
import { recordRun } from './recordRun.ts';
import { traceGraph } from './traceGraph.ts';

describe('traceGraph', () => {
  it('draws a connected request as one graph of carried hops, by hop distance', () => {
    const buffer = recordRun('metadata', 1);
    const [trace] = [...buffer.traces.values()];
    const graph = traceGraph(buffer, trace!);
    expect(graph.nodes).toHaveLength(10);
    expect(graph.columns).toBe(6);
    expect(graph.hops.every((h) => h.state === 'carried')).toBe(true);
    expect(graph.nodes.find((n) => n.id === 'RequestProcess')?.column).toBe(0);
  });

  it('shows the hops out of a trace where its request lost the context (process mode)', () => {
    const buffer = recordRun('process', 1);
    const request = [...buffer.traces.values()].find(
      (t) => buffer.rootOf(t)?.name === 'POST /lab-orders',
    );
    const graph = traceGraph(buffer, request!);
    expect(graph.hops.map((h) => [h.key, h.state])).toEqual([['RequestProcess>Router', 'cut']]);
  });

  it('shows where a request went when its work hangs under another request (global mode)', () => {
    const buffer = recordRun('global', 3);
    const small = [...buffer.traces.values()].filter((t) => t.spanIds.length === 1);
    // Two of the three requests kept one span of their own; the rest went under req-2's spans.
    expect(small).toHaveLength(2);
    for (const trace of small) {
      const graph = traceGraph(buffer, trace);
      expect(graph.hops.map((h) => [h.key, h.state, h.label])).toEqual([
        ['RequestProcess>Router', 'mixed', 'requests mixed'],
      ]);
    }
  });
});

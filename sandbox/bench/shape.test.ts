import { describe, expect, it } from 'vitest';
import { runScenario } from '../core/runScenario.ts';
import { hopsOf } from './bareLoop.ts';
import { recordShape } from './shape.ts';

describe('the shape the bare loops replay', () => {
  it('marks a hop wherever a span continues a context that a message carried', () => {
    const spans = runScenario({ mode: 'metadata', seed: 1 }).spans;
    const shape = recordShape(spans);
    expect(shape).toHaveLength(spans.length);
    // Every consumer that found a carrier continues its producer's trace across a process.
    const carried = spans.filter((s) => s.attributes['sim.context.carried'] === true).length;
    expect(carried).toBeGreaterThan(0);
    expect(hopsOf(shape)).toBe(carried);
    // Parents come before their children, and a hop always has a parent.
    shape.forEach((s, i) => {
      expect(s.parent).toBeLessThan(i);
      if (s.hop) expect(s.parent).toBeGreaterThanOrEqual(0);
    });
  });

  it('finds no hop where nothing crosses a process (process mode)', () => {
    expect(hopsOf(recordShape(runScenario({ mode: 'process', seed: 1 }).spans))).toBe(0);
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODES, carriesContext } from '../core/propagation/index.ts';

describe('npm run bench -- --json', () => {
  it('prints one JSON object with the bare rate, every mode and the heap figures', () => {
    const res = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        join(import.meta.dirname, 'bench.ts'),
        '--json',
        '--quick',
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    expect(res.status).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as {
      bareSpansPerSecond: number;
      bareWithPropagation: { spansPerSecond: number; hopsPerRequest: number; ratioToBare: number };
      modes: Record<string, { spansPerSecond: number; ratio: number; ratioToSameWork: number }>;
      spansPerRequest: number;
      heap100kSpans: { spans: number; peakHeapMB: number; heapAfterMB: number };
      cliCostCurve: {
        requests: number;
        seconds: number;
        peakRssMB: number;
        usPerRequest: number;
      }[];
    };
    expect(result.bareSpansPerSecond).toBeGreaterThan(0);
    const carrying = result.bareWithPropagation;
    expect(carrying.hopsPerRequest).toBeGreaterThan(0);
    expect(carrying.hopsPerRequest).toBeLessThan(result.spansPerRequest);
    expect(carrying.ratioToBare).toBeCloseTo(
      carrying.spansPerSecond / result.bareSpansPerSecond,
      2,
    );
    expect(Object.keys(result.modes)).toEqual([...MODES]);
    for (const mode of MODES) {
      const figures = result.modes[mode]!;
      expect(figures.spansPerSecond).toBeGreaterThan(0);
      expect(figures.ratio).toBeCloseTo(figures.spansPerSecond / result.bareSpansPerSecond, 2);
      // Modes that carry context are also compared with the loop that does the same carrying.
      const sameWork = carriesContext(mode) ? carrying.spansPerSecond : result.bareSpansPerSecond;
      expect(figures.ratioToSameWork).toBeCloseTo(figures.spansPerSecond / sameWork, 2);
    }
    expect(result.heap100kSpans.spans).toBeGreaterThan(4000);
    // The CLI's cost curve, --quick: 100 and 1,000 requests, each a process of its own.
    expect(result.cliCostCurve.map((c) => c.requests)).toEqual([100, 1000]);
    for (const c of result.cliCostCurve) {
      expect(c.peakRssMB).toBeGreaterThan(0);
      expect(c.usPerRequest).toBe(Math.round((c.seconds * 1e6) / c.requests));
    }
    expect(result.heap100kSpans.peakHeapMB).toBeGreaterThan(0);
  });
});

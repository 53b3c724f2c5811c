/**
 * `npm run bench`: simulated spans per second in each propagation mode, through the whole
 * pipeline, against a bare OpenTelemetry SDK loop that makes spans of the same shape; and peak
 * heap of a 100k-span run; and the CLI's cost curve (time and peak RSS at 100, 10k and 1M
 * requests; `--cli-sizes=100,10000` picks others, `--cli-only` runs just the curve). `--json` prints
 * one JSON object. `--quick` makes every run small: for checking that the benchmark works, not for
 * figures.
 */
import { MODES, carriesContext, type PropagationMode } from '../core/propagation/index.ts';
import { runScenario } from '../core/runScenario.ts';
import { createSimulation } from '../core/simulation.ts';
import { cliCostCurve } from './cliCurve.ts';
import { bareSpansPerSecond, hopsOf } from './bareLoop.ts';
import { recordShape } from './shape.ts';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const REQUESTS = quick ? 50 : 1500; // x 37 spans = 55,500 spans per measured run
const ROUNDS = quick ? 1 : 5;
const HEAP_RUN_SPANS = quick ? 5_000 : 100_000;
const log = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
};
const cliSizesArg = process.argv.find((a) => a.startsWith('--cli-sizes='));
const CLI_SIZES = cliSizesArg
  ? cliSizesArg.slice('--cli-sizes='.length).split(',').map(Number)
  : quick
    ? [100, 1000]
    : [100, 10_000, 1_000_000];

/** Runs the CLI's cost curve and logs it; figures as ratios against the smallest run. */
function cliCurve() {
  const curve = cliCostCurve(CLI_SIZES);
  const base = curve[0];
  for (const c of curve)
    log(
      `CLI ${c.requests.toLocaleString('en')} requests: ${c.seconds.toFixed(1)} s (${c.usPerRequest} µs/request), peak RSS ${c.peakRssMB.toFixed(0)} MB${base && c !== base ? ` (x${(c.peakRssMB / base.peakRssMB).toFixed(2)} of ${base.requests})` : ''}`,
    );
  return curve;
}

if (process.argv.includes('--cli-only')) {
  const curve = cliCurve();
  if (json) process.stdout.write(`${JSON.stringify({ cliCostCurve: curve })}\n`);
  process.exit(0);
}

function simulatedSpansPerSecond(mode: PropagationMode): number {
  let spans = 0;
  const sim = createSimulation({
    mode,
    seed: 1,
    onSpan: (phase) => {
      if (phase === 'end') spans++;
    },
  });
  sim.load(REQUESTS, 10);
  const t0 = performance.now();
  sim.runUntilIdle();
  const seconds = (performance.now() - t0) / 1000;
  sim.dispose();
  return spans / seconds;
}

/** Peak heap while a run makes ~100k spans (HEAP_RUN_SPANS), sampled every 2,000 events; and heap after it. */
function heapOf100kRun(): { peakHeapMB: number; heapAfterMB: number; spans: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let spans = 0;
  const sim = createSimulation({
    mode: 'metadata',
    seed: 3,
    onSpan: (phase) => {
      if (phase === 'end') spans++;
    },
  });
  sim.load(Math.ceil(HEAP_RUN_SPANS / 37), 10);
  let peak = 0;
  while (sim.runUntilIdle(2000) > 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
  sim.dispose();
  gc?.();
  const after = process.memoryUsage().heapUsed - base;
  return { peakHeapMB: peak / 2 ** 20, heapAfterMB: after / 2 ** 20, spans };
}

const started = performance.now();
const shape = recordShape(runScenario({ mode: 'metadata', seed: 1 }).spans);
const hops = hopsOf(shape);
// Warm up the JIT on every path before measuring.
bareSpansPerSecond(shape, REQUESTS);
bareSpansPerSecond(shape, REQUESTS, true);
for (const mode of MODES) simulatedSpansPerSecond(mode);

// Rounds interleave the bare loops and every mode, so that whatever else the machine is doing
// falls on both sides of each ratio; each side keeps its best round.
let bare = 0;
let bareCarrying = 0;
const rates = Object.fromEntries(MODES.map((m) => [m, 0])) as Record<PropagationMode, number>;
for (let round = 0; round < ROUNDS; round++) {
  bare = Math.max(bare, bareSpansPerSecond(shape, REQUESTS));
  bareCarrying = Math.max(bareCarrying, bareSpansPerSecond(shape, REQUESTS, true));
  for (const mode of MODES) rates[mode] = Math.max(rates[mode], simulatedSpansPerSecond(mode));
}
const carryingCeiling = bareCarrying / bare;
log(
  `bare OpenTelemetry SDK loop: ${Math.round(bare).toLocaleString('en')} spans/s (${shape.length} spans per request)`,
);
log(
  `bare loop with a W3C inject and extract at each of its ${hops} process hops per request: ${Math.round(bareCarrying).toLocaleString('en')} spans/s, ${carryingCeiling.toFixed(2)} of bare (the most metadata and links modes could reach)`,
);
interface ModeFigures {
  spansPerSecond: number;
  /** Against the bare loop: the figure #14's goal is set on. */
  ratio: number;
  /** Against the bare loop that does the mode's own propagation too: the simulation's own cost. */
  ratioToSameWork: number;
}
const modes = {} as Record<PropagationMode, ModeFigures>;
for (const mode of MODES) {
  const rate = rates[mode];
  const sameWork = carriesContext(mode) ? bareCarrying : bare;
  modes[mode] = {
    spansPerSecond: Math.round(rate),
    ratio: Number((rate / bare).toFixed(3)),
    ratioToSameWork: Number((rate / sameWork).toFixed(3)),
  };
  log(
    `${mode.padEnd(9)} simulated: ${Math.round(rate).toLocaleString('en')} spans/s, ratio ${(rate / bare).toFixed(2)} of bare${carriesContext(mode) ? `, ${(rate / sameWork).toFixed(2)} of the bare loop with propagation` : ''}`,
  );
}
const heap = heapOf100kRun();
log(
  `metadata mode, ${heap.spans.toLocaleString('en')} spans: peak heap +${heap.peakHeapMB.toFixed(1)} MB, after the run +${heap.heapAfterMB.toFixed(1)} MB`,
);
const cliCostCurveResult = cliCurve();
const result = {
  cliCostCurve: cliCostCurveResult,
  bareSpansPerSecond: Math.round(bare),
  bareWithPropagation: {
    spansPerSecond: Math.round(bareCarrying),
    hopsPerRequest: hops,
    ratioToBare: Number(carryingCeiling.toFixed(3)),
  },
  modes,
  minRatio: Math.min(...MODES.map((m) => modes[m].ratio)),
  heap100kSpans: {
    spans: heap.spans,
    peakHeapMB: Number(heap.peakHeapMB.toFixed(1)),
    heapAfterMB: Number(heap.heapAfterMB.toFixed(1)),
  },
  spansPerRequest: shape.length,
  requestsPerRun: REQUESTS,
  seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  node: process.version,
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else log(`took ${result.seconds}s`);

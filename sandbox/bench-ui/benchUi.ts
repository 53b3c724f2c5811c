/**
 * npm run bench:ui — what the sandbox page costs in Chromium while it streams spans with its
 * buffer full (every new trace evicts an old one), and whether its memory stays flat.
 *
 * Eviction rounds (`--rounds`, default 3, each on a fresh page): the built site at 1280x720 in
 * metadata mode is prefilled to the span cap, then a steady load of requests streams `--rate`
 * spans/s (default 5,000) at virtual speed `--speed` (default 2,000x: the UI's 100x saturates the
 * simulated event store near 470 spans/s). After a settling time it records, for `--seconds`
 * (default 10): main-thread busy time per second (from a Chromium trace: wall time of its tasks,
 * and their thread time, which leaves out waits for a core on a busy machine), and the interval
 * between animation frames (16.7 ms at 60 Hz when a frame fits, 33.3 ms after one missed vsync).
 *
 * Memory (`--minutes`, default 10; 0 skips it): one page streams at the same rate with the
 * buffer full, and every `--sample` seconds (default 30) the JS heap is measured after a full GC,
 * with what every buffer holds. Flat means the post-GC heap spans at most 2 MiB over the stream.
 *
 * `--cap N` sets the span cap (default: the app's). `--json` prints one JSON object.
 * Other processes on the machine skew these figures: the load average is printed with them.
 */
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium.ts';
import { DEFAULT_SPAN_CAP } from '../model/TraceBuffer.ts';
import { heapAfterGc, held, openCdp, recordWindow, type HeldCounts } from './pageProbe.ts';
import { formatSpread, percentile, slope, spread, type Spread } from './stats.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const num = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} wants a number, got ${args[i + 1]}`);
  return v;
};
const JSON_OUT = flag('json');
const ROUNDS = num('rounds', 3);
const SECONDS = num('seconds', 10);
const MINUTES = num('minutes', 10);
const SAMPLE_SECONDS = num('sample', 30);
const RATE = num('rate', 5_000);
const SPEED = num('speed', 2_000);
const CAP = num('cap', DEFAULT_SPAN_CAP);
const OUT_DIR = process.env.BENCH_OUT_DIR ?? 'dist';
const SPANS_PER_REQUEST = 37; // one lab-order request in metadata mode
const MIB = 2 ** 20;
const log = (line: string) => {
  if (!JSON_OUT) console.log(line);
};

/** A fresh sandbox page with its buffer at the cap and a steady load running. */
async function streamingPage(browser: Browser, base: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${base}/sandbox.html?mode=metadata&speed=100`);
  await page.waitForFunction(() => !!window.__sandbox);
  await page.evaluate(
    ([cap, requests]) => {
      const scene = window.__sandbox!;
      scene.setCap(cap);
      scene.send(requests);
      scene.finish();
    },
    [CAP, Math.ceil((CAP * 1.05) / SPANS_PER_REQUEST)] as const,
  );
  await page.evaluate(
    ([rps, speed]) => {
      const scene = window.__sandbox!;
      // Past the UI's 100x, which the controls clamp to: set on the store directly.
      scene.store.setState({ speed });
      scene.setLoad(rps);
    },
    [RATE / SPANS_PER_REQUEST, SPEED] as const,
  );
  return page;
}

interface Round {
  busyMsPerSecond: number;
  busyCpuMsPerSecond: number;
  busyCpuPerSecond: number[];
  /** Main-thread CPU ms per 1,000 spans ended: comparable when a loaded machine misses the rate. */
  cpuMsPer1000Spans: number;
  frameP50: number;
  frameP95: number;
  frameP99: number;
  frameMax: number;
  missedFrames: number;
  frames: number;
  spansPerSecondEnded: number;
  held: HeldCounts;
  evictedInWindow: number;
}

async function evictionRound(browser: Browser, base: string): Promise<Round> {
  const page = await streamingPage(browser, base);
  try {
    await page.waitForTimeout(3000); // settle: the first requests of the load, JIT
    const before = await held(page);
    const w = await recordWindow(page, SECONDS);
    const after = await held(page);
    const elapsed = (after.at - before.at) / 1000;
    const spansPerSecondEnded = (after.ended - before.ended) / elapsed;
    return {
      cpuMsPer1000Spans: (w.busy.cpuMsPerSecond / spansPerSecondEnded) * 1000,
      busyMsPerSecond: w.busy.wallMsPerSecond,
      busyCpuMsPerSecond: w.busy.cpuMsPerSecond,
      busyCpuPerSecond: w.busy.cpuPerSecond,
      frameP50: percentile(w.frames, 0.5),
      frameP95: percentile(w.frames, 0.95),
      frameP99: percentile(w.frames, 0.99),
      frameMax: Math.max(...w.frames),
      missedFrames: w.frames.filter((ms) => ms > 20).length,
      frames: w.frames.length,
      spansPerSecondEnded,
      held: after,
      evictedInWindow: after.evictedSpans - before.evictedSpans,
    };
  } finally {
    await page.close();
  }
}

interface MemorySample {
  minute: number;
  heapMiB: number;
  held: HeldCounts;
}

async function memoryStream(browser: Browser, base: string): Promise<MemorySample[]> {
  const page = await streamingPage(browser, base);
  try {
    const cdp = await openCdp(page);
    const samples: MemorySample[] = [];
    const t0 = Date.now();
    for (;;) {
      await page.waitForTimeout(SAMPLE_SECONDS * 1000);
      const minute = (Date.now() - t0) / 60_000;
      const heap = await heapAfterGc(cdp);
      const counts = await held(page);
      samples.push({ minute, heapMiB: heap / MIB, held: counts });
      log(
        `    ${minute.toFixed(1).padStart(5)} min: heap after GC ${(heap / MIB).toFixed(2)} MiB, ${counts.spans} spans held, ${counts.evictedSpans} evicted, ${counts.ended} ended, recorder: ${counts.flights} flights, ${counts.stacks} stacks, ${counts.nodes} processes`,
      );
      if (minute >= MINUTES) return samples;
    }
  } finally {
    await page.close();
  }
}

// In-process, so the server goes away with the benchmark (an `npx vite` child would outlive it).
const server = await preview({
  build: { outDir: OUT_DIR },
  preview: { port: 0, strictPort: false, host: '127.0.0.1' },
  logLevel: 'silent',
});
const address = server.httpServer.address();
if (address === null || typeof address === 'string') throw new Error('no preview address');
const base = `http://127.0.0.1:${address.port}`;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  log(
    `sandbox UI in Chromium (headless, software raster), 1280x720, metadata mode, ${RATE.toLocaleString('en')} spans/s wanted at virtual speed ${SPEED}x, cap ${CAP.toLocaleString('en')} spans`,
  );
  log(`  machine: ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(2)} at start`);
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await evictionRound(browser, base);
    rounds.push(r);
    log(
      `  round ${i + 1}: main thread busy ${r.busyMsPerSecond.toFixed(0)} ms/s wall, ${r.busyCpuMsPerSecond.toFixed(0)} ms/s on a core (each second: ${r.busyCpuPerSecond.join(', ')}); frames p50 ${r.frameP50.toFixed(1)}, p95 ${r.frameP95.toFixed(1)}, p99 ${r.frameP99.toFixed(1)}, max ${r.frameMax.toFixed(1)} ms, ${r.missedFrames} of ${r.frames} over 20 ms; ${r.spansPerSecondEnded.toFixed(0)} spans/s ended; ${r.held.spans} held, ${r.evictedInWindow} evicted in the window`,
    );
  }
  const eviction =
    rounds.length === 0
      ? null
      : {
          busyMsPerSecond: spread(
            rounds.map((r) => r.busyMsPerSecond),
            0,
          ),
          busyCpuMsPerSecond: spread(
            rounds.map((r) => r.busyCpuMsPerSecond),
            0,
          ),
          cpuMsPer1000Spans: spread(rounds.map((r) => r.cpuMsPer1000Spans)),
          frameP95Ms: spread(rounds.map((r) => r.frameP95)),
          frameP99Ms: spread(rounds.map((r) => r.frameP99)),
          spansPerSecondEnded: spread(
            rounds.map((r) => r.spansPerSecondEnded),
            0,
          ),
          rounds,
        };
  if (eviction) {
    const row = (name: string, s: Spread, unit: string) =>
      log(`    ${name.padEnd(28)} ${formatSpread(s, unit)}`);
    log(`  eviction at the cap, min/median/max over ${rounds.length} rounds of ${SECONDS} s:`);
    row('main thread busy/s, wall', eviction.busyMsPerSecond, ' ms');
    row('main thread busy/s, on a core', eviction.busyCpuMsPerSecond, ' ms');
    row('main thread CPU/1,000 spans', eviction.cpuMsPer1000Spans, ' ms');
    row('frame interval p95', eviction.frameP95Ms, ' ms');
    row('frame interval p99', eviction.frameP99Ms, ' ms');
    row('spans/s ended', eviction.spansPerSecondEnded, '');
  }

  let memory = null;
  if (MINUTES > 0) {
    log(`  memory: ${MINUTES} min stream, heap after GC every ${SAMPLE_SECONDS} s`);
    const samples = await memoryStream(browser, base);
    const heaps = samples.map((s) => s.heapMiB);
    const last = samples[samples.length - 1]!;
    memory = {
      minutes: Number(last.minute.toFixed(1)),
      heapAfterGcMiB: spread(heaps, 2),
      rangeMiB: Number((Math.max(...heaps) - Math.min(...heaps)).toFixed(2)),
      slopeMiBPerMinute: Number(
        slope(samples.map((s) => ({ x: s.minute, y: s.heapMiB }))).toFixed(3),
      ),
      held: last.held,
      samples: samples.map((s) => ({ minute: Number(s.minute.toFixed(2)), heapMiB: s.heapMiB })),
    };
    log(
      `    heap after GC min/median/max ${formatSpread(memory.heapAfterGcMiB, ' MiB')}: range ${memory.rangeMiB} MiB (goal: within 2 MiB), slope ${memory.slopeMiBPerMinute} MiB/min`,
    );
  }
  if (JSON_OUT)
    console.log(
      JSON.stringify({
        rate: RATE,
        speed: SPEED,
        cap: CAP,
        cpus: cpus().length,
        loadAverage: loadavg()[0],
        eviction,
        memory,
      }),
    );
} finally {
  await browser.close();
  await server.close();
}

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
 * Site: the size of dist/ and of its emoji font, and the gzip size of the first slide's scripts.
 *
 * First paint (`--paint-rounds`, default 3; 0 skips it): cold loads of `#/1`, `#/sandbox`,
 * `#/read` and `#/exercises`, interleaved with the talk's Slidev deck (built on demand, see
 * bench/peer/slidevPeer.ts): when the content a visitor came for painted, against Slidev's first
 * slide title, and whether a "Loading…" fallback painted first (firstPaintBench.ts).
 * `--baseline DIR` measures another build's first paint in the same rounds (before/after).
 *
 * Reading traces (`--reading-rounds`, default 3; 0 skips it; readingBench.ts): filter and find
 * latency to the next painted frame while ~1,000 spans/s stream with 20,000 held, frames and busy
 * time with a filter active, a 40,000-span import, frames at 100,000 held, and the heap after GC
 * over a `--reading-stream` seconds stream (default 180).
 *
 * `--cap N` sets the span cap (default: the app's). `--json` prints one JSON object.
 * Other processes on the machine skew these figures: the load average is printed with them.
 */
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium.ts';
import { DEFAULT_SPAN_CAP } from '../model/TraceBuffer.ts';
import { evictionRound, memoryStream, type Round, type StreamOptions } from './evictionBench.ts';
import { MEMORY_ARGS } from './pageProbe.ts';
import { firstPaintBench, type FirstPaintResult } from './firstPaintBench.ts';
import { readingBench, type ReadingResult } from './readingBench.ts';
import { siteSize } from './siteSize.ts';
import { formatSpread, slope, spread, type Spread } from './stats.ts';

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
const PAINT_ROUNDS = num('paint-rounds', 3);
const READING_ROUNDS = num('reading-rounds', 3);
const READING_STREAM_SECONDS = num('reading-stream', 180);
const STREAM: StreamOptions = {
  rate: num('rate', 5_000),
  speed: num('speed', 2_000),
  cap: num('cap', DEFAULT_SPAN_CAP),
};
const OUT_DIR = process.env.BENCH_OUT_DIR ?? 'dist';
/** Another build to measure first paint of beside this one (e.g. the main branch's). */
const BASELINE = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : undefined;
const KB = 1024;
const log = (line: string) => {
  if (!JSON_OUT) console.log(line);
};
const row = (name: string, s: Spread, unit: string) =>
  log(`    ${name.padEnd(30)} ${formatSpread(s, unit)}`);

/** Serves a built site in-process, so the server goes away with the benchmark. */
async function serve(outDir: string) {
  const server = await preview({
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('no preview address');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

function evictionSummary(rounds: Round[]) {
  if (rounds.length === 0) return null;
  const of = (f: (r: Round) => number, digits = 1) => spread(rounds.map(f), digits);
  const summary = {
    busyMsPerSecond: of((r) => r.busyMsPerSecond, 0),
    busyCpuMsPerSecond: of((r) => r.busyCpuMsPerSecond, 0),
    cpuMsPer1000Spans: of((r) => r.cpuMsPer1000Spans),
    frameP95Ms: of((r) => r.frameP95),
    frameP99Ms: of((r) => r.frameP99),
    spansPerSecondEnded: of((r) => r.spansPerSecondEnded, 0),
    rounds,
  };
  log(`  eviction at the cap, min/median/max over ${rounds.length} rounds of ${SECONDS} s:`);
  row('main thread busy/s, wall', summary.busyMsPerSecond, ' ms');
  row('main thread busy/s, on a core', summary.busyCpuMsPerSecond, ' ms');
  row('main thread CPU/1,000 spans', summary.cpuMsPer1000Spans, ' ms');
  row('frame interval p95', summary.frameP95Ms, ' ms');
  row('frame interval p99', summary.frameP99Ms, ' ms');
  row('spans/s ended', summary.spansPerSecondEnded, '');
  return summary;
}

async function memorySection(browser: Parameters<typeof memoryStream>[0], url: string) {
  log(`  memory: ${MINUTES} min stream, heap after GC every ${SAMPLE_SECONDS} s`);
  const samples = await memoryStream(browser, url, STREAM, MINUTES, SAMPLE_SECONDS, log);
  const heaps = samples.map((s) => s.heapMiB);
  const last = samples[samples.length - 1]!;
  const memory = {
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
  return memory;
}

function logFirstPaint(p: FirstPaintResult): void {
  log(`  first paint, cold loads at 1920x1080, min/median/max over ${p.rounds} rounds:`);
  row(`${p.peer}: first slide's title`, p.peerTitleMs, ' ms');
  for (const r of p.routes)
    row(
      `${r.site} ${r.route}: content`,
      r.wantedMs,
      ` ms (FCP ${formatSpread(r.fcpMs)} ms; "Loading…" first in ${r.fallbackRounds} of ${p.rounds})`,
    );
  row('first slide title, ours/Slidev', p.deckOverPeer, ' (goal: below 0.8)');
  for (const [route, ratio] of Object.entries(p.routeOverPeer))
    if (route !== 'deck') row(`${route} content, ours/Slidev`, ratio, ' (goal: below 0.8)');
}

const ours = await serve(OUT_DIR);
const baseline = BASELINE ? await serve(BASELINE) : undefined;
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: [...CHROMIUM_ARGS, ...MEMORY_ARGS],
});
try {
  log(
    `sandbox UI in Chromium (headless, software raster), 1280x720, metadata mode, ${STREAM.rate.toLocaleString('en')} spans/s wanted at virtual speed ${STREAM.speed}x, cap ${STREAM.cap.toLocaleString('en')} spans`,
  );
  log(`  machine: ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(2)} at start`);
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await evictionRound(browser, ours.url, STREAM, SECONDS);
    rounds.push(r);
    log(
      `  round ${i + 1}: main thread busy ${r.busyMsPerSecond.toFixed(0)} ms/s wall, ${r.busyCpuMsPerSecond.toFixed(0)} ms/s on a core (each second: ${r.busyCpuPerSecond.join(', ')}); frames p50 ${r.frameP50.toFixed(1)}, p95 ${r.frameP95.toFixed(1)}, p99 ${r.frameP99.toFixed(1)}, max ${r.frameMax.toFixed(1)} ms, ${r.missedFrames} of ${r.frames} over 20 ms; ${r.spansPerSecondEnded.toFixed(0)} spans/s ended; ${r.held.spans} held, ${r.evictedInWindow} evicted in the window`,
    );
  }
  const eviction = evictionSummary(rounds);

  const site = await siteSize(browser, OUT_DIR, ours.url);
  log(
    `  site: dist/ ${(site.distBytes / KB / KB).toFixed(2)} MB in ${site.files} files (goal: at most 2 MB), emoji font ${(site.emojiFontBytes / KB).toFixed(1)} KB; first-slide JavaScript ${(site.firstSlideJsGzipBytes / KB).toFixed(1)} KB gzip (goal: at most 100 KB)`,
  );

  let firstPaint: FirstPaintResult | null = null;
  if (PAINT_ROUNDS > 0) {
    const sites = [{ name: 'ours', url: ours.url }];
    if (baseline) sites.push({ name: 'baseline', url: baseline.url });
    firstPaint = await firstPaintBench(browser, sites, PAINT_ROUNDS, log);
    logFirstPaint(firstPaint);
  }

  let reading: ReadingResult | null = null;
  if (READING_ROUNDS > 0)
    reading = await readingBench(
      browser,
      ours.url,
      { rounds: READING_ROUNDS, streamSeconds: READING_STREAM_SECONDS },
      log,
    );

  const memory = MINUTES > 0 ? await memorySection(browser, ours.url) : null;
  if (JSON_OUT)
    console.log(
      JSON.stringify({
        ...STREAM,
        cpus: cpus().length,
        loadAverage: loadavg()[0],
        eviction,
        site,
        firstPaint,
        reading,
        memory,
      }),
    );
} finally {
  await browser.close();
  await ours.close();
  await baseline?.close();
}

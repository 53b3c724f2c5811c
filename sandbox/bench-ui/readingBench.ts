/**
 * Reading traces while the sandbox streams (issue 11), a section of `npm run bench:ui`:
 * - filter and find latency: from setting the query to the next painted frame, while about
 *   1,000 spans/s stream in and 20,000 or more are held;
 * - frame intervals and main-thread busy time per second, without and with a filter active;
 * - importing a 40,000-span OTLP/JSON file until the list shows it;
 * - frame intervals and busy time at 100,000 spans held;
 * - the JS heap (after a forced GC) through a long stream at the 25,000-span cap.
 * Each round runs on a fresh page; the figures are min/median/max over the rounds.
 */
import type { Browser, Page } from '@playwright/test';
import { runScenario } from '../core/runScenario.ts';
import { toOtlpJson } from '../telemetry/otlpJson.ts';
import { heapAfterGc, held, openCdp, recordWindow } from './pageProbe.ts';
import { formatSpread, percentile, spread, type Spread } from './stats.ts';

const SPANS_PER_REQUEST = 37;
const SPEED = 400;
const FILTERS = [
  'status:broken',
  'req:req-300',
  'service:lab_orders',
  'kind:consumer',
  'dur>60ms',
  'sim.request.id=req-5',
  'INSERT',
];
const FINDS = ['INSERT', 'event', 'LabOrder', 'xyz'];

/** Opens a page, fills it to `spans`, and starts a steady ~1,000 spans/s load. */
async function streaming(browser: Browser, base: string, spans: number, cap: number) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${base}/sandbox.html?mode=metadata&speed=100`);
  await page.waitForFunction(() => !!window.__sandbox);
  await page.evaluate(
    ([n, c, speed, rps]) => {
      const scene = window.__sandbox!;
      scene.setCap(c);
      scene.send(n);
      scene.finish();
      scene.store.setState({ speed });
      scene.setLoad(rps);
    },
    [Math.ceil(spans / SPANS_PER_REQUEST), cap, SPEED, 1000 / SPANS_PER_REQUEST] as const,
  );
  await page.waitForTimeout(1000);
  return page;
}

export interface FrameWindow {
  frameP50: number;
  frameP95: number;
  frameP99: number;
  /** Main-thread task time per second (wall): frames stick to vsync and hide the cost. */
  busyMsPerSecond: number;
  held: number;
}

async function frameWindow(page: Page, seconds: number): Promise<FrameWindow> {
  const w = await recordWindow(page, seconds);
  return {
    frameP50: percentile(w.frames, 0.5),
    frameP95: percentile(w.frames, 0.95),
    frameP99: percentile(w.frames, 0.99),
    busyMsPerSecond: Math.round(w.busy.wallMsPerSecond),
    held: (await held(page)).spans,
  };
}

/** Time from setting a filter (or a find) to the next painted frame, per query. */
async function latencies(page: Page, kind: 'setQuery' | 'setFind', queries: string[]) {
  const out: number[] = [];
  for (const q of queries) {
    // After the frame is painted: a rAF runs before paint, a message posted from it after.
    out.push(
      (await page.evaluate(`new Promise((resolve) => {
        const t0 = performance.now();
        window.__sandbox.${kind}(${JSON.stringify(q)});
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - t0);
          ch.port2.postMessage(0);
        });
      })`)) as number,
    );
    await page.waitForTimeout(150);
  }
  await page.evaluate(() => window.__sandbox!.setFind(''));
  return out;
}

/** Imports an OTLP/JSON file and times it until the list is painted. */
async function importTime(browser: Browser, base: string, text: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${base}/sandbox.html?mode=metadata&speed=100`);
  await page.waitForFunction(() => !!window.__sandbox);
  await page.evaluate((t) => {
    (window as unknown as { __file: string }).__file = t;
  }, text);
  const r = (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    const ok = window.__sandbox.importText(window.__file, 'bench.json');
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve({
        ms: performance.now() - t0,
        ok,
        shown: document.querySelector('[data-testid="trace-count"]')?.textContent,
        spans: window.__sandbox.buffer().size,
      });
      ch.port2.postMessage(0);
    }));
  })`)) as { ms: number; ok: boolean; shown: string; spans: number };
  await page.close();
  if (!r.ok) throw new Error('the benchmark file did not import');
  return r;
}

interface Round {
  plain: FrameWindow;
  filtered: FrameWindow;
  filterMs: number[];
  findMs: number[];
  importMs: number;
  at100k: FrameWindow;
}

async function round(browser: Browser, base: string, file: string): Promise<Round> {
  const page = await streaming(browser, base, 20_000, 25_000);
  const plain = await frameWindow(page, 8);
  const filterMs = await latencies(page, 'setQuery', FILTERS);
  const findMs = await latencies(page, 'setFind', FINDS);
  await page.evaluate(() => window.__sandbox!.setQuery('service:lab_orders kind:consumer'));
  await page.waitForTimeout(500);
  const filtered = await frameWindow(page, 8);
  await page.close();
  const importMs = (await importTime(browser, base, file)).ms;
  const big = await streaming(browser, base, 100_000, 100_000);
  const at100k = await frameWindow(big, 8);
  await big.close();
  return { plain, filtered, filterMs, findMs, importMs, at100k };
}

/** The JS heap after GC, every 30 s through a stream at the 25,000-span cap. */
async function heapOverStream(browser: Browser, base: string, seconds: number) {
  const page = await streaming(browser, base, 20_000, 25_000);
  const cdp = await openCdp(page);
  const samples = [(await heapAfterGc(cdp)) / 2 ** 20];
  for (let t = 30; t <= seconds; t += 30) {
    await page.waitForTimeout(30_000);
    samples.push((await heapAfterGc(cdp)) / 2 ** 20);
  }
  await page.close();
  return samples.map((h) => Number(h.toFixed(2)));
}

export interface ReadingResult {
  rounds: number;
  filterToPaintMs: Spread;
  findToPaintMs: Spread;
  framesNoFilter: Record<'p95' | 'p99' | 'busyMsPerSecond', Spread>;
  framesFilterActive: Record<'p95' | 'p99' | 'busyMsPerSecond', Spread>;
  import40kMs: Spread;
  importSpans: number;
  framesAt100k: Record<'p95' | 'p99' | 'busyMsPerSecond', Spread>;
  heapOverStreamMiB: number[] | null;
}

const frameSpread = (ws: FrameWindow[]) => ({
  p95: spread(ws.map((w) => w.frameP95)),
  p99: spread(ws.map((w) => w.frameP99)),
  busyMsPerSecond: spread(
    ws.map((w) => w.busyMsPerSecond),
    0,
  ),
});

export async function readingBench(
  browser: Browser,
  base: string,
  o: { rounds: number; streamSeconds: number },
  log: (line: string) => void,
): Promise<ReadingResult> {
  const spans = runScenario({
    mode: 'metadata',
    seed: 3,
    requests: Math.ceil(40_000 / SPANS_PER_REQUEST),
  }).spans;
  const file = toOtlpJson(spans);
  log(
    `  reading traces: ${o.rounds} rounds, each on fresh pages, ~1,000 spans/s streaming at 1280x720`,
  );
  const rounds: Round[] = [];
  for (let i = 0; i < o.rounds; i++) rounds.push(await round(browser, base, file));
  const result: ReadingResult = {
    rounds: rounds.length,
    filterToPaintMs: spread(rounds.map((r) => percentile(r.filterMs, 0.5))),
    findToPaintMs: spread(rounds.map((r) => percentile(r.findMs, 0.5))),
    framesNoFilter: frameSpread(rounds.map((r) => r.plain)),
    framesFilterActive: frameSpread(rounds.map((r) => r.filtered)),
    import40kMs: spread(rounds.map((r) => r.importMs)),
    importSpans: spans.length,
    framesAt100k: frameSpread(rounds.map((r) => r.at100k)),
    heapOverStreamMiB:
      o.streamSeconds > 0 ? await heapOverStream(browser, base, o.streamSeconds) : null,
  };
  logReading(result, rounds, log, (file.length / 2 ** 20).toFixed(1));
  return result;
}

function logReading(r: ReadingResult, rounds: Round[], log: (line: string) => void, mib: string) {
  const row = (name: string, s: Spread, unit: string) =>
    log(`    ${name.padEnd(42)} ${formatSpread(s, unit)}`);
  const frames = (name: string, f: ReadingResult['framesNoFilter'], heldNote: string) => {
    row(`${name}: frame p95`, f.p95, ' ms');
    row(`${name}: frame p99`, f.p99, ' ms');
    row(`${name}: main thread busy/s`, f.busyMsPerSecond, ` ms${heldNote}`);
  };
  const heldOf = (ws: FrameWindow[]) => ` (held ${ws.map((w) => w.held).join(', ')})`;
  row('filter to next painted frame, median', r.filterToPaintMs, ' ms (goal: within 50 ms)');
  row('find in trace to next painted frame, median', r.findToPaintMs, ' ms');
  frames('no filter', r.framesNoFilter, heldOf(rounds.map((x) => x.plain)));
  frames('filter active', r.framesFilterActive, heldOf(rounds.map((x) => x.filtered)));
  row(
    `import ${r.importSpans.toLocaleString('en')} spans (${mib} MiB) to painted`,
    r.import40kMs,
    ' ms (goal: under 2,000 ms)',
  );
  frames('100,000 held', r.framesAt100k, heldOf(rounds.map((x) => x.at100k)));
  if (r.heapOverStreamMiB)
    log(
      `    JS heap after GC every 30 s over the stream: ${r.heapOverStreamMiB.join(', ')} MiB (range ${(Math.max(...r.heapOverStreamMiB) - Math.min(...r.heapOverStreamMiB)).toFixed(2)} MiB)`,
    );
}

/**
 * npm run bench:ui (its second part) — reading traces while the sandbox streams (issue 11):
 * - filter and search latency: from setting the query to the next painted frame, while about
 *   1,000 spans/s stream in and 20,000 or more are held;
 * - frame interval p95 with a filter active, and the main thread's busy share over that window;
 * - importing a 40,000-span OTLP/JSON file until the list shows it;
 * - frame figures at 100,000 spans held;
 * - the JS heap (after a forced GC) through a long stream, every 30 s.
 *
 * Each is a separate function; `BENCH_OUT_DIR` points at a build (dist by default), so the same
 * script measures an older build for a before/after. Features an old build lacks are reported as
 * such. BENCH_STREAM_SECONDS sets the heap stream's length (180 by default).
 */
import { cpus, loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { runScenario } from '../core/runScenario.ts';
import { toOtlpJson } from '../telemetry/otlpJson.ts';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium.ts';

const PORT = Number(process.env.BENCH_READING_PORT ?? 4181);
const OUT_DIR = process.env.BENCH_OUT_DIR ?? 'dist';
const STREAM_SECONDS = Number(process.env.BENCH_STREAM_SECONDS ?? 180);
const SPANS_PER_REQUEST = 37;
const SPEED = 400;

const f = (ms: number) => `${ms.toFixed(1)} ms`;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** Opens the page, fills it to `spans`, and starts a steady ~1,000 spans/s load. */
async function streaming(page: Page, base: string, spans: number, cap: number): Promise<number> {
  await page.goto(`${base}/sandbox.html?mode=metadata&speed=100`);
  await page.waitForFunction(() => !!window.__sandbox);
  return page.evaluate(
    ([n, c, speed, rps]) => {
      const scene = window.__sandbox!;
      scene.setCap(c);
      scene.send(n);
      scene.finish();
      scene.store.setState({ speed });
      scene.setLoad(rps);
      return scene.buffer().size;
    },
    [Math.ceil(spans / SPANS_PER_REQUEST), cap, SPEED, 1000 / SPANS_PER_REQUEST] as const,
  );
}

/** Frame intervals over `seconds`, and the share of that time the main thread ran long tasks. */
async function frames(page: Page, seconds: number) {
  const r = (await page.evaluate(`new Promise((resolve) => {
    const frames = [];
    let busy = 0;
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) busy += e.duration;
    });
    try { po.observe({ type: 'longtask' }); } catch {}
    let last, start;
    let minHeld = Infinity, maxHeld = 0;
    const tick = (t) => {
      const held = window.__sandbox.buffer().size;
      minHeld = Math.min(minHeld, held); maxHeld = Math.max(maxHeld, held);
      if (last !== undefined) frames.push(t - last);
      last = t; start ??= t;
      if (t - start < ${seconds * 1000}) requestAnimationFrame(tick);
      else { po.disconnect(); resolve({ frames, busy, elapsed: t - start, minHeld, maxHeld }); }
    };
    requestAnimationFrame(tick);
  })`)) as { frames: number[]; busy: number; elapsed: number; minHeld: number; maxHeld: number };
  const sorted = [...r.frames].sort((a, b) => a - b);
  return {
    median: pct(sorted, 0.5),
    p95: pct(sorted, 0.95),
    p99: pct(sorted, 0.99),
    over20: r.frames.filter((ms) => ms > 20).length,
    count: r.frames.length,
    longTaskShare: r.busy / r.elapsed,
    held: `${r.minHeld}-${r.maxHeld}`,
  };
}

/** Time from setting a filter (or a find) to the next painted frame, per query. */
async function filterLatency(page: Page, kind: 'query' | 'find', queries: string[]) {
  const has = await page.evaluate(
    (k) => typeof (window.__sandbox as unknown as Record<string, unknown>)[k] === 'function',
    kind === 'query' ? 'setQuery' : 'setFind',
  );
  if (!has) return null;
  const out: number[] = [];
  for (const q of queries) {
    // After the frame is painted: a rAF runs before paint, a message posted from it after.
    const ms = (await page.evaluate(`new Promise((resolve) => {
      const t0 = performance.now();
      window.__sandbox.${kind === 'query' ? 'setQuery' : 'setFind'}(${JSON.stringify(q)});
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    })`)) as number;
    out.push(ms);
    await page.waitForTimeout(150);
  }
  return out;
}

/** Imports a generated 40,000-span OTLP/JSON file and times it until the list is painted. */
async function importTime(page: Page, base: string, text: string) {
  await page.goto(`${base}/sandbox.html?mode=metadata&speed=100`);
  await page.waitForFunction(() => !!window.__sandbox);
  await page.evaluate((t) => {
    (window as unknown as { __file: string }).__file = t;
  }, text);
  return (await page.evaluate(`new Promise((resolve) => {
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
}

/** The JS heap after a forced GC, every 30 s through a stream at the 25,000-span cap. */
async function heapOverStream(page: Page, base: string, seconds: number) {
  await streaming(page, base, 20_000, 25_000);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 2 ** 20;
  };
  const samples: number[] = [await heap()];
  for (let t = 30; t <= seconds; t += 30) {
    await page.waitForTimeout(30_000);
    samples.push(await heap());
  }
  return samples;
}

const server = await preview({
  build: { outDir: OUT_DIR },
  preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
  logLevel: 'silent',
});
try {
  const base = `http://127.0.0.1:${PORT}`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  console.log(`reading traces (${OUT_DIR}), Chromium headless, 1280x720`);
  console.log(`  machine: ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(2)}`);

  const held = await streaming(page, base, 20_000, 25_000);
  await page.waitForTimeout(1000);
  const plain = await frames(page, 8);
  const queries = [
    'status:broken',
    'req:req-300',
    'service:lab_orders',
    'kind:consumer',
    'dur>60ms',
    'sim.request.id=req-5',
    'INSERT',
  ];
  const lat = await filterLatency(page, 'query', queries);
  const find = await filterLatency(page, 'find', ['INSERT', 'event', 'LabOrder', 'xyz']);
  await page.evaluate(() =>
    (window.__sandbox as unknown as { setQuery?: (q: string) => void }).setQuery?.(
      'service:lab_orders kind:consumer',
    ),
  );
  await page.waitForTimeout(500);
  const filtered = await frames(page, 8);
  const show = (name: string, r: Awaited<ReturnType<typeof frames>>) =>
    console.log(
      `  ${name}: frame median ${f(r.median)}, p95 ${f(r.p95)}, p99 ${f(r.p99)}, ${r.over20} of ${r.count} over 20 ms; long tasks ${(r.longTaskShare * 100).toFixed(0)}% of the time; held ${r.held}`,
    );
  console.log(`  streaming ~1,000 spans/s from ${held} spans held:`);
  show('no filter', plain);
  show('filter active', filtered);
  const sortedLat = (xs: number[]) => [...xs].sort((a, b) => a - b);
  if (lat) {
    const s = sortedLat(lat);
    console.log(
      `  filter to next painted frame: median ${f(pct(s, 0.5))}, max ${f(s[s.length - 1] ?? NaN)} (${queries.length} queries: ${lat.map((x) => x.toFixed(0)).join(', ')} ms)`,
    );
  } else console.log('  filter: not in this build');
  if (find) {
    const s = sortedLat(find);
    console.log(
      `  find in trace to next painted frame: median ${f(pct(s, 0.5))}, max ${f(s[s.length - 1] ?? NaN)}`,
    );
  } else console.log('  find in trace: not in this build');

  const file = toOtlpJson(
    runScenario({ mode: 'metadata', seed: 3, requests: Math.ceil(40_000 / SPANS_PER_REQUEST) })
      .spans,
  );
  const imp = await importTime(page, base, file);
  console.log(
    `  import of a ${imp.spans.toLocaleString('en')}-span file (${(file.length / 2 ** 20).toFixed(1)} MiB): ${f(imp.ms)} to the painted list ("${imp.shown}")`,
  );

  const held100 = await streaming(page, base, 100_000, 100_000);
  await page.waitForTimeout(1000);
  show(`at ${held100.toLocaleString('en')} spans held (cap 100,000)`, await frames(page, 8));

  if (STREAM_SECONDS > 0) {
    const heap = await heapOverStream(page, base, STREAM_SECONDS);
    console.log(
      `  JS heap after GC over a ${STREAM_SECONDS} s stream at the 25,000 cap, every 30 s: ${heap.map((h) => h.toFixed(1)).join(', ')} MiB`,
    );
  }
  await browser.close();
} finally {
  await server.close();
}

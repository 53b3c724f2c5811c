/**
 * npm run bench:ui — frame times of the sandbox page in Chromium while it streams about 1,000
 * spans/s and holds 20,000 or more (up to the 25,000-span cap, beyond which it evicts).
 * Runs against the built site (`vite build` first), through `vite preview`.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4179);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SPANS_PER_REQUEST = 37; // one lab-order request in metadata mode
const PREFILL_SPANS = 20_000;
const SPANS_PER_SECOND = 1_000;

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore' },
);
try {
  const base = `http://127.0.0.1:${PORT}`;
  await waitForServer(`${base}/sandbox.html`);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${base}/sandbox.html?mode=metadata&speed=100`);
  await page.waitForFunction(() => !!window.__sandbox);
  const held = await page.evaluate(
    (n) => {
      const scene = window.__sandbox!;
      scene.send(n);
      scene.finish();
      return scene.buffer().size;
    },
    Math.ceil(PREFILL_SPANS / SPANS_PER_REQUEST),
  );
  await page.evaluate((rps) => {
    const scene = window.__sandbox!;
    // Past the UI's 100x: at 100x the simulated event store saturates near 500 spans/s.
    scene.store.setState({ speed: 400 });
    scene.setLoad(rps);
  }, SPANS_PER_SECOND / SPANS_PER_REQUEST);
  // Let the stream settle, then record the interval between animation frames.
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => window.__sandbox!.simulation().stats().spansStarted);
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const frames: number[] = await page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last;
    let start;
    const tick = (t) => {
      if (last !== undefined) out.push(t - last);
      last = t;
      start ??= t;
      if (t - start < ${SECONDS * 1000}) requestAnimationFrame(tick);
      else resolve(out);
    };
    requestAnimationFrame(tick);
  })`);
  const after = await page.evaluate(() => {
    const scene = window.__sandbox!;
    return {
      started: scene.simulation().stats().spansStarted,
      held: scene.buffer().size,
      evicted: scene.buffer().evictedSpans,
    };
  });
  await browser.close();
  const sorted = [...frames].sort((a, b) => a - b);
  const median = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  const rate = (after.started - before) / SECONDS;
  console.log(`sandbox UI, Chromium ${SECONDS}s at 1280x720, metadata mode, virtual speed 400x`);
  console.log(`  prefilled ${held} spans; streaming ${rate.toFixed(0)} spans/s`);
  console.log(`  holding ${after.held} spans at the end (evicted ${after.evicted} oldest)`);
  console.log(`  frames: ${frames.length}`);
  console.log(`  frame time median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  console.log(`  frames over 20 ms: ${frames.filter((f) => f > 20).length}`);
} finally {
  server.kill();
}

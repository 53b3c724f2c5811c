/**
 * `npm run bench:deck [-- --build]`: what the deck costs in Chromium, on the built site.
 * - The gzip size of the JavaScript loaded for the first slide (budget: 100 KB).
 * - The median time of a slide change over the whole deck: from the key press to the new slide
 *   rendered and laid out, and to the next frame.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import { startPreview } from './previewServer.ts';

const BUDGET_KB = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const server = await startPreview(process.argv.includes('--build'));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(`${server.url}/#/1`, { waitUntil: 'networkidle' });
  await page.locator('.deck-main .slide[data-slide="1"]').waitFor();

  let total = 0;
  console.log('JavaScript for the first slide (gzip):');
  for (const path of [...scripts].sort()) {
    const gz = gzipSync(readFileSync(`dist${path}`)).length;
    total += gz;
    console.log(`  ${(gz / 1024).toFixed(1).padStart(6)} KB  ${path}`);
  }
  console.log(`  ${(total / 1024).toFixed(1).padStart(6)} KB  total (budget ${BUDGET_KB} KB)`);

  const positions = await page.evaluate(() => {
    const steps = JSON.parse(
      document.querySelector('.deck')?.getAttribute('data-steps') ?? '[]',
    ) as number[];
    return steps.reduce((n, s) => n + s + 1, 0);
  });
  // Warm-up lap: later laps should not measure first-time lazy loading of live scenes.
  for (let i = 1; i < positions; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => !document.querySelector('[data-scene-loading]'));

  // In-page code as a string: tsx would wrap named helpers in a __name() the page does not have.
  const timings = (await page.evaluate(`(async () => {
    const where = () => {
      const el = document.querySelector('.deck-main .slide');
      return el.getAttribute('data-slide') + '.' + el.getAttribute('data-step');
    };
    const laid = [];
    const painted = [];
    for (let i = 1; i < ${positions}; i++) {
      const before = where();
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      // React renders a key press's update in a microtask; wait frames only if it has not yet.
      await Promise.resolve();
      while (where() === before) await new Promise((r) => requestAnimationFrame(r));
      document.querySelector('.deck-main .slide').getBoundingClientRect();
      laid.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      painted.push(performance.now() - t0);
    }
    return { laid, painted };
  })()`)) as { laid: number[]; painted: number[] };

  console.log(`Slide changes measured: ${timings.laid.length} (every slide and build)`);
  console.log(`  median to rendered and laid out: ${median(timings.laid).toFixed(1)} ms`);
  console.log(`  median until painted (2 rAF):    ${median(timings.painted).toFixed(1)} ms`);
  console.log(`  slowest:                          ${Math.max(...timings.laid).toFixed(1)} ms`);
  if (total / 1024 > BUDGET_KB) {
    console.error(`First-slide JavaScript is over budget: ${(total / 1024).toFixed(1)} KB`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}

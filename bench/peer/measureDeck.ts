/**
 * The measurement of scripts/bench-deck.ts, made deck-agnostic so that our deck and a peer deck go
 * through the very same steps:
 * - load the first slide in Chromium at 1920x1080 and sum the gzip size of every script response
 *   (bytes from `response.body()`, gzip at zlib's default level);
 * - a warm-up lap of ArrowRight presses, back to the start;
 * - then, in the page, for every position: dispatch a keydown ArrowRight, wait until the deck's
 *   current-position indicator changed, force layout (“rendered and laid out”), then wait for the
 *   frame that shows it to be rendered (“painted”), and one more frame.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

export interface DeckProbe {
  /** For messages. */
  name: string;
  /** URL of the first slide. */
  url: string;
  /** In-page expression, truthy once the first slide is shown. */
  ready: string;
  /** In-page expression: the current position as "slide.step" (slide from 1). */
  where: string;
  /** How many positions (slides and builds) to step through, from the first one. */
  positions: (page: Page) => Promise<number>;
  /** How many slides those positions cover. */
  slides: (page: Page) => Promise<number>;
  /** Back to the first position after the warm-up lap. */
  restart: (page: Page) => Promise<void>;
  /** In-page expression, truthy when lazily loaded parts of the deck have settled. */
  settle?: string;
}

export interface DeckFigures {
  scripts: { path: string; gzipBytes: number }[];
  jsGzipBytes: number;
  slides: number;
  positions: number;
  /**
   * Per measured change, ms from the key press: to rendered and laid out; to the frame showing
   * it rendered on the main thread ("painted", sub-frame resolution); to the animation frame after
   * that one (the old "2 rAF" figure, which moves in whole frames); and whether the slide changed.
   */
  laid: number[];
  painted: number[];
  nextFrames: number[];
  slideChange: boolean[];
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Starts counting the gzip size of every script the page receives; the returned function reads
 * what arrived so far, sorted by path.
 */
export function countScripts(page: Page): () => Promise<{ path: string; gzipBytes: number }[]> {
  const sizes: Promise<{ path: string; gzipBytes: number }>[] = [];
  page.on('response', (r) => {
    const type = r.request().resourceType();
    // Code inline in the page counts too (ours opens the route with one; a peer may have some).
    if (type === 'document')
      sizes.push(
        r.text().then((html) => {
          const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
            .map((m) => m[1] ?? '')
            .join('\n');
          return {
            path: `${new URL(r.url()).pathname} (inline scripts)`,
            gzipBytes: inline ? gzipSync(inline).length : 0,
          };
        }),
      );
    if (type !== 'script') return;
    sizes.push(
      r.body().then((body) => ({
        path: new URL(r.url()).pathname,
        gzipBytes: gzipSync(body).length,
      })),
    );
  });
  return async () => (await Promise.all([...sizes])).sort((a, b) => a.path.localeCompare(b.path));
}

export async function measureDeck(browser: Browser, probe: DeckProbe): Promise<DeckFigures> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    const scriptsSoFar = countScripts(page);
    await page.goto(probe.url, { waitUntil: 'networkidle' });
    await page.waitForFunction(probe.ready);
    // Only what the first slide loaded: later responses (warm-up lap) are not counted.
    const scripts = await scriptsSoFar();
    const jsGzipBytes = scripts.reduce((n, s) => n + s.gzipBytes, 0);

    const positions = await probe.positions(page);
    const slides = await probe.slides(page);
    const first = (await page.evaluate(probe.where)) as string;

    // Warm-up lap: later laps should not measure first-time work (lazy chunks, JIT, caches).
    for (let i = 1; i < positions; i++) await page.keyboard.press('ArrowRight');
    // Under load a deck may still be catching up with the lap's key presses: retry a few times.
    const atStart = `(${probe.where}) === ${JSON.stringify(first)}`;
    for (let attempt = 1; ; attempt++) {
      await probe.restart(page);
      const ok = await page
        .waitForFunction(atStart, undefined, { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (ok) break;
      const at = (await page.evaluate(probe.where)) as string;
      if (attempt === 3)
        throw new Error(`${probe.name}: back to the start failed: at ${at}, not ${first}`);
      console.warn(`  (${probe.name}: not back at the start but at ${at}; restart again)`);
    }
    if (probe.settle) await page.waitForFunction(probe.settle);
    // Let transitions of the restart finish before the first measured change.
    await page.waitForTimeout(1000);

    // In-page code as a string: tsx would wrap named helpers in a __name() the page does not have.
    // keyCode/which as well as key: Mousetrap (Spectacle) reads e.which; our deck reads e.key.
    // Dispatched on document, it bubbles to window, where our deck listens. A keyup follows at
    // once: Slidev tracks held keys and keeps moving while it believes ArrowRight is down.
    // Each change starts at a different phase of the frame (0-16 ms after one), as a person's key
    // press would, so that "painted" is not a whole number of frames.
    const timings = (await page.evaluate(`(async () => {
      const where = () => ${probe.where};
      const key = (type) => document.dispatchEvent(new KeyboardEvent(type, {
        key: 'ArrowRight', code: 'ArrowRight', keyCode: 39, which: 39, bubbles: true, cancelable: true,
      }));
      // When the frame that shows the change has been rendered on the main thread: a message
      // posted from its animation frame callback runs right after its style, layout and paint.
      const rendered = () => new Promise((r) => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r(performance.now());
        ch.port2.postMessage(0);
      }));
      const laid = [];
      const painted = [];
      const nextFrames = [];
      const slideChange = [];
      for (let i = 1; i < ${positions}; i++) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, (i * 7) % 17)));
        const before = where();
        const t0 = performance.now();
        key('keydown');
        key('keyup');
        // React renders a key press's update in a microtask; wait frames only if it has not yet.
        await Promise.resolve();
        while (where() === before) {
          if (performance.now() - t0 > 5000) throw new Error('ArrowRight did not leave ' + before);
          await new Promise((r) => requestAnimationFrame(r));
        }
        document.documentElement.getBoundingClientRect();
        laid.push(performance.now() - t0);
        painted.push((await rendered()) - t0);
        await new Promise((r) => requestAnimationFrame(r));
        nextFrames.push(performance.now() - t0);
        slideChange.push(before.split('.')[0] !== where().split('.')[0]);
      }
      return { laid, painted, nextFrames, slideChange };
    })()`)) as Pick<DeckFigures, 'laid' | 'painted' | 'nextFrames' | 'slideChange'>;

    return { scripts, jsGzipBytes, slides, positions, ...timings };
  } finally {
    await page.close();
  }
}

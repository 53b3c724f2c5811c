/**
 * The sandbox under a steady stream with its buffer full: main-thread cost per round, and the
 * heap after GC over a long stream. Driven by benchUi.ts, which documents the method.
 */
import type { Browser, Page } from '@playwright/test';
import { heapAfterGc, held, openCdp, recordWindow, type HeldCounts } from './pageProbe.ts';
import { percentile } from './stats.ts';

export interface StreamOptions {
  /** Spans per second wanted. */
  rate: number;
  /** Virtual speed. */
  speed: number;
  cap: number;
}

const SPANS_PER_REQUEST = 37; // one lab-order request in metadata mode
const MIB = 2 ** 20;

/** A fresh sandbox page with its buffer at the cap and a steady load running. */
async function streamingPage(browser: Browser, base: string, o: StreamOptions): Promise<Page> {
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
    [o.cap, Math.ceil((o.cap * 1.05) / SPANS_PER_REQUEST)] as const,
  );
  await page.evaluate(
    ([rps, speed]) => {
      const scene = window.__sandbox!;
      // Past the UI's 100x, which the controls clamp to: set on the store directly.
      scene.store.setState({ speed });
      scene.setLoad(rps);
    },
    [o.rate / SPANS_PER_REQUEST, o.speed] as const,
  );
  return page;
}

export interface Round {
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

export async function evictionRound(
  browser: Browser,
  base: string,
  o: StreamOptions,
  seconds: number,
): Promise<Round> {
  const page = await streamingPage(browser, base, o);
  try {
    await page.waitForTimeout(3000); // settle: the first requests of the load, JIT
    const before = await held(page);
    const w = await recordWindow(page, seconds);
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

export interface MemorySample {
  minute: number;
  heapMiB: number;
  held: HeldCounts;
}

export async function memoryStream(
  browser: Browser,
  base: string,
  o: StreamOptions,
  minutes: number,
  sampleSeconds: number,
  log: (line: string) => void,
): Promise<MemorySample[]> {
  const page = await streamingPage(browser, base, o);
  try {
    const cdp = await openCdp(page);
    const samples: MemorySample[] = [];
    const t0 = Date.now();
    for (;;) {
      await page.waitForTimeout(sampleSeconds * 1000);
      const minute = (Date.now() - t0) / 60_000;
      const heap = await heapAfterGc(cdp);
      const counts = await held(page);
      samples.push({ minute, heapMiB: heap / MIB, held: counts });
      log(
        `    ${minute.toFixed(1).padStart(5)} min: heap after GC ${(heap / MIB).toFixed(2)} MiB, ${counts.spans} spans held, ${counts.evictedSpans} evicted, ${counts.ended} ended, recorder: ${counts.flights} flights, ${counts.stacks} stacks, ${counts.nodes} processes`,
      );
      if (minute >= minutes) return samples;
    }
  } finally {
    await page.close();
  }
}

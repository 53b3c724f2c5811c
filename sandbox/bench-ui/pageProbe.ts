/**
 * What the UI benchmark reads from the sandbox page: main-thread busy time from a Chromium trace
 * (its top-level tasks), the JS heap right after a full garbage collection, what every bounded
 * buffer holds, and the page's frame intervals. Frame intervals alone hide the cost:
 * a frame sticks to vsync (16.7 ms) until the work no longer fits, so busy time is reported too.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface Busy {
  /** Main-thread task time per second, wall clock: what a frame budget sees. */
  wallMsPerSecond: number;
  /**
   * Main-thread task time per second that the thread spent on a core (thread time). On a machine
   * where other processes compete for the cores, wall time also counts the waits for a core; this
   * does not.
   */
  cpuMsPerSecond: number;
  /** cpuMsPerSecond for each whole second of the window. */
  cpuPerSecond: number[];
}

export interface HeldCounts {
  spans: number;
  traces: number;
  requests: number;
  evictedSpans: number;
  evictedTraces: number;
  /** The recorder's other buffers: messages in flight, process stacks, pid -> node names. */
  flights: number;
  stacks: number;
  nodes: number;
  started: number;
  ended: number;
  at: number;
}

export function openCdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Busy time of the renderer's main thread from a Chromium trace: its top-level tasks. */
export function busyFromTrace(json: string): Busy {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no renderer main thread');
  const tasks = events.filter(
    (e) =>
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.ph === 'X' &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  if (tasks.length === 0) throw new Error('the trace has no main-thread tasks');
  const t0 = Math.min(...tasks.map((t) => t.ts));
  const seconds = (Math.max(...tasks.map((t) => t.ts + (t.dur ?? 0))) - t0) / 1e6;
  const perSecond = Array.from({ length: Math.max(1, Math.floor(seconds)) }, () => 0);
  let wall = 0;
  let cpu = 0;
  for (const t of tasks) {
    wall += t.dur ?? 0;
    cpu += t.tdur ?? 0;
    const i = Math.floor((t.ts - t0) / 1e6);
    if (i < perSecond.length) perSecond[i]! += (t.tdur ?? 0) / 1000;
  }
  return {
    wallMsPerSecond: wall / 1000 / seconds,
    cpuMsPerSecond: cpu / 1000 / seconds,
    cpuPerSecond: perSecond.map(Math.round),
  };
}

/**
 * Chromium flags the heap figure needs: `gc()` in the page, and `performance.memory` unrounded
 * (without the flag Chromium rounds it to coarse buckets). Both only add to what a page can call.
 */
export const MEMORY_ARGS = ['--js-flags=--expose-gc', '--enable-precise-memory-info'];

/**
 * V8's used heap right after two full collections (the second collects what the first
 * finalized), read in the same task as the collections. Read through two DevTools calls instead
 * (HeapProfiler.collectGarbage, then Runtime.getHeapUsage), the figure also counted whatever the
 * page allocated between them: the frame loop keeps running while the calls travel, and one
 * publish of a 50,000-span scene allocates megabytes. Streaming 5,000 spans/s, five such reads
 * within a second spread up to 2.9 MiB, and heap snapshots at a 33.2 MiB and a 29.7 MiB sample
 * held the same objects within 0.1 MiB. Inside one task nothing runs between the collections and
 * the read: five reads spread at most 0.3 MiB. `performance.memory` counts ArrayBuffer backing
 * stores on top of V8's used heap; they are taken off, so this is the figure
 * Runtime.getHeapUsage reports (its `usedSize`), measured at rest to the byte.
 */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression:
      "typeof gc === 'function' ? (gc(), gc(), performance.memory.usedJSHeapSize) : 'no gc'",
    returnByValue: true,
  });
  if (typeof result.value !== 'number')
    throw new Error(
      'heapAfterGc needs Chromium launched with MEMORY_ARGS (gc() in the page, precise performance.memory)',
    );
  const { backingStorageSize } = await cdp.send('Runtime.getHeapUsage');
  return result.value - backingStorageSize;
}

/** How much every bounded buffer of the live scene holds right now. */
export function held(page: Page): Promise<HeldCounts> {
  return page.evaluate(() => {
    const scene = window.__sandbox!;
    const b = scene.buffer();
    const r = scene.recorder();
    const s = scene.simulation().stats();
    return {
      spans: b.size,
      traces: b.traces.size,
      requests: b.requests.size,
      evictedSpans: b.evictedSpans,
      evictedTraces: b.evictedTraces,
      flights: r.flights.size,
      stacks: r.stacks.size,
      nodes: r.knownProcesses,
      started: s.spansStarted,
      ended: s.spansEnded,
      at: performance.now(),
    };
  });
}

/**
 * Records `seconds` of frame intervals (between requestAnimationFrame callbacks) in the page,
 * and a Chromium trace of the same window for the main thread's busy time.
 */
export async function recordWindow(
  page: Page,
  seconds: number,
): Promise<{ frames: number[]; busy: Busy }> {
  const browser = page.context().browser();
  if (!browser) throw new Error('the page has no browser to trace');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const frames = (await page.evaluate(`new Promise((resolve) => {
    const frames = [];
    let last;
    let start;
    const tick = (t) => {
      if (last !== undefined) frames.push(t - last);
      last = t;
      start ??= t;
      if (t - start < ${seconds * 1000}) requestAnimationFrame(tick);
      else resolve(frames);
    };
    requestAnimationFrame(tick);
  })`)) as number[];
  const trace = await browser.stopTracing();
  return { frames, busy: busyFromTrace(trace.toString('utf8')) };
}

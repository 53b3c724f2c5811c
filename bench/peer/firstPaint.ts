/**
 * When a page first paints anything (First Contentful Paint) and when it first paints the text a
 * visitor came for (the first slide's title, a page's heading), read from the browser's own paint
 * timing, so deck tools are compared without touching their code:
 * - an init script marks, as soon as the DOM gets it, the element whose own text matches the
 *   wanted text with `elementtiming` (Element Timing API); its entry's renderTime is the
 *   presentation time of the frame that first showed it, in sub-millisecond resolution;
 * - `paint` entries give First Contentful Paint. When FCP is well before the title, something
 *   else painted first (a "Loading…" fallback).
 * Times are from navigation start (performance.timeOrigin) of a cold load with an empty cache.
 */
import type { Browser } from '@playwright/test';

export interface PaintFigures {
  fcpMs: number;
  titleMs: number;
  /** The text of what first matched: proof of what was measured. */
  titleText: string;
  /** When a "Loading…" fallback painted, if one did. */
  fallbackMs: number | null;
}

declare global {
  interface Window {
    __paint?: {
      fcp: number | null;
      title: number | null;
      text: string | null;
      fallback: number | null;
    };
  }
}

/** In-page: mark the wanted text for Element Timing as soon as it is in the DOM. */
const MARKER = (pattern: string) => `(() => {
  const wanted = new RegExp(${JSON.stringify(pattern)}, 'i');
  const fallback = /^\\s*Loading(…|\\.\\.\\.)?\\s*$/i;
  window.__paint = { fcp: null, title: null, text: null, fallback: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'first-contentful-paint' && window.__paint.fcp === null) window.__paint.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.identifier === 'wanted' && window.__paint.title === null) {
        window.__paint.title = e.renderTime || e.loadTime;
        window.__paint.text = e.element ? e.element.textContent.trim().slice(0, 60) : null;
      } else if (e.identifier === 'fallback' && window.__paint.fallback === null)
        window.__paint.fallback = e.renderTime || e.loadTime;
  }).observe({ type: 'element', buffered: true });
  const mark = (root) => {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.currentNode; n; n = walk.nextNode()) {
      if (n.nodeType !== 3) continue;
      const id = wanted.test(n.textContent) ? 'wanted' : fallback.test(n.textContent) ? 'fallback' : null;
      const el = n.parentElement;
      if (id && el && !el.hasAttribute('elementtiming')) el.setAttribute('elementtiming', id);
    }
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) mark(n);
  }).observe(document, { childList: true, subtree: true });
})()`;

/** Loads `url` in a fresh context (cold cache) and reads when it painted first, and the title. */
export async function measureFirstPaint(
  browser: Browser,
  url: string,
  /** A regular expression the wanted text node matches, e.g. `^\s*Tracing\s*$`. */
  pattern: string,
  viewport = { width: 1920, height: 1080 },
): Promise<PaintFigures> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARKER(pattern));
    await page.goto(url, { waitUntil: 'load' });
    // Functions, not strings: a page whose policy forbids eval (ours) cannot run a string.
    await page.waitForFunction(() => window.__paint?.title != null, undefined, {
      timeout: 30_000,
    });
    const got = await page.evaluate(() => window.__paint!);
    return {
      fcpMs: got.fcp ?? NaN,
      titleMs: got.title ?? NaN,
      titleText: got.text ?? '',
      fallbackMs: got.fallback,
    };
  } finally {
    await context.close();
  }
}

/**
 * What the built site weighs: every file of dist/ (goal: at most 2 MB), the emoji font among
 * them, and the gzip size of the JavaScript the first slide loads (goal: at most 100 KB).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { countScripts } from '../../bench/peer/measureDeck.ts';

export interface SiteSize {
  distBytes: number;
  files: number;
  emojiFontBytes: number;
  firstSlideJsGzipBytes: number;
  firstSlideScripts: { path: string; gzipBytes: number }[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export async function siteSize(browser: Browser, dir: string, base: string): Promise<SiteSize> {
  const files = filesUnder(dir);
  const size = (f: string) => statSync(f).size;
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    const scriptsSoFar = countScripts(page);
    await page.goto(`${base}/#/1`, { waitUntil: 'networkidle' });
    await page.locator('.deck-main .slide[data-slide="1"]').waitFor();
    const scripts = await scriptsSoFar();
    return {
      distBytes: files.reduce((n, f) => n + size(f), 0),
      files: files.length,
      emojiFontBytes: files.filter((f) => /emoji/i.test(f)).reduce((n, f) => n + size(f), 0),
      firstSlideJsGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
      firstSlideScripts: scripts,
    };
  } finally {
    await page.close();
  }
}

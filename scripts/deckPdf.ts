import type { Page } from '@playwright/test';

/**
 * Prints the deck's print view (`#/print`, or `#/print/notes`) to PDF in Chromium: one page per
 * slide, all builds shown, live scenes as their current picture. Shared by `npm run export:pdf`
 * and the browser test that counts its pages.
 */
export async function renderDeckPdf(
  page: Page,
  baseUrl: string,
  options: { notes?: boolean; path?: string } = {},
): Promise<{ pdf: Buffer; slides: number }> {
  await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
  await page.goto(`${baseUrl}/#/print${options.notes ? '/notes' : ''}`);
  await page.locator('[data-print-ready]').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-scene-loading]'));
  // Live scenes have run their requests and drawn them.
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.live-scene').length ===
      document.querySelectorAll('.live-scene [data-scene-ready]').length,
  );
  await page.evaluate(() => document.fonts.ready);
  const slides = await page.locator('.print-page').count();
  const pdf = await page.pdf({
    path: options.path,
    preferCSSPageSize: true,
    printBackground: true,
  });
  return { pdf, slides };
}

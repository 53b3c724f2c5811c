import { expect, test } from '@playwright/test';
import { renderDeckPdf } from '../scripts/deckPdf.ts';
import { countPdfPages } from '../scripts/pdfPages.ts';

test('the PDF has one page per slide, live scenes drawn', async ({ page, baseURL }) => {
  const { pdf, slides } = await renderDeckPdf(page, baseURL ?? '');
  expect(slides).toBeGreaterThan(41);
  expect(countPdfPages(pdf)).toBe(slides);
  await expect(page.locator('.print-page .live-scene svg[role="img"]').first()).toBeVisible();
});

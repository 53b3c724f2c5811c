import { expect, test } from '@playwright/test';
import { renderDeckPdf } from '../scripts/deckPdf.ts';
import { countPdfPages } from '../scripts/pdfPages.ts';

test('the PDF has one page per slide, live scenes drawn', async ({ page, baseURL }) => {
  const { pdf, slides } = await renderDeckPdf(page, baseURL ?? '');
  expect(slides).toBeGreaterThan(41);
  expect(countPdfPages(pdf)).toBe(slides);
  // Live scenes print as their finished picture: the real simulation's traces and topology.
  const scene = page.locator('.print-page .live-scene').first();
  await expect(scene.locator('[data-scene-idle]')).toBeAttached();
  await expect(scene.getByTestId('trace-row').first()).toBeVisible();
  await expect(scene.locator('canvas')).toBeVisible();
});

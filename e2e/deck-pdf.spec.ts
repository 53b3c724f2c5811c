import { expect, test } from '@playwright/test';
import { renderDeckPdf } from '../scripts/deckPdf.ts';
import { countPdfPages } from '../scripts/pdfPages.ts';

test('the PDF has one page per slide, live scenes drawn', async ({ page, baseURL }) => {
  const { pdf, slides } = await renderDeckPdf(page, baseURL ?? '');
  expect(slides).toBeGreaterThan(41);
  expect(countPdfPages(pdf)).toBe(slides);
  // Live scenes print as their settled picture: the real simulation's topology with its marks,
  // and the slide's point (the selected span, its explanation, its traces).
  const scene = page.locator('.print-page .live-scene').first();
  await expect(scene.locator('[data-scene-idle]')).toBeAttached();
  await expect(scene.getByTestId('slide-stage')).toHaveAttribute('data-settled', 'true');
  await expect(scene.locator('.scene-stage-row').first()).toBeVisible();
  await expect(scene.getByTestId('focus-explanation')).not.toBeEmpty();
  await expect(scene.getByTestId('context-hops')).toHaveAttribute('data-focus-trace', /\w/);
  await expect(scene.locator('canvas')).toBeVisible();
  const process = page.locator('.print-page .live-scene[data-mode="process"]').first();
  await expect(process.getByTestId('context-hops')).toHaveAttribute(
    'data-break-hop',
    'RequestProcess>Router',
  );
});

import { expect, test } from '@playwright/test';
import { collectErrors, currentSlide, expectSlide, openDeck } from './deckHelpers.ts';

test('a live scene on a slide runs the real simulation; builds send requests and switch the mode', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openDeck(page, '#/29');
  const scene = currentSlide(page).locator('.live-scene');
  const sandbox = scene.getByTestId('sandbox');
  await expect(sandbox).toHaveAttribute('data-mode', 'global');
  await expect(scene.getByTestId('trace-count')).toHaveText('1 trace, 1 request');
  await expect(scene.getByTestId('trace-row')).toHaveCount(1);

  // The build's <Scene requests={3}> sends two more requests into the running simulation.
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 29, 1);
  await expect(scene.getByTestId('trace-count')).toHaveText(/, 3 requests$/);
  await expect(scene.getByTestId('trace-row').nth(1)).toBeVisible();

  // The audience can send more; the trace list grows.
  await scene.getByRole('button', { name: 'Send a request' }).click();
  await expect(scene.getByTestId('trace-count')).toHaveText(/, 4 requests$/);

  // A build that switches the mode replays the scene under the new mode.
  await page.evaluate(() => (location.hash = '#/44'));
  await expect(sandbox).toHaveAttribute('data-mode', 'process');
  await expect(scene.locator('[data-scene-idle]')).toBeAttached();
  await expect(scene.locator('[data-traces]')).toHaveText('17 traces · 1 request');
  await page.keyboard.press('ArrowRight');
  await expect(sandbox).toHaveAttribute('data-mode', 'metadata');
  await expect(scene.locator('[data-scene-idle]')).toBeAttached();
  // Request -> Command is connected; each event handler still starts a trace of its own.
  await expect(scene.locator('[data-traces]')).toHaveText('7 traces · 1 request');
  expect(errors).toEqual([]);
});

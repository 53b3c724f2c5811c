import { expect, test } from '@playwright/test';
import { collectErrors, expectSlide } from './deckHelpers.ts';

test('reading mode: contents, a figure per slide, notes as prose, live scenes, and the place kept', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/1');
  const total = JSON.parse((await page.locator('.deck').getAttribute('data-steps')) ?? '[]')
    .length as number;
  // From the deck: the r key opens the article at the same slide.
  await page.evaluate(() => (location.hash = '#/4'));
  // The deck follows the hash on its hashchange event: wait for it before the key.
  await expectSlide(page, 4);
  await page.keyboard.press('r');
  await expect(page).toHaveURL(/#\/read\/4$/);

  const toc = page.getByRole('navigation', { name: 'Contents' });
  await expect(toc.getByRole('link')).toHaveCount(total);
  await expect(page.locator('.read-figure')).toHaveCount(total);
  await expect(toc.locator('[aria-current="location"]')).toContainText('4');
  // Notes are prose under their figure.
  await expect(
    page.getByRole('region', { name: 'Slide 4', exact: true }).locator('.read-prose'),
  ).toContainText('Backend Developer');

  // A live scene stays paused until it is scrolled into view, then runs.
  const live = page.getByRole('region', { name: 'Slide 29', exact: true }).locator('.live-scene');
  await expect(live).toHaveAttribute('data-paused', 'true');
  await toc.getByRole('link', { name: /^29 / }).click();
  await expect(live).toHaveAttribute('data-paused', 'false');
  await expect(live.locator('[data-traces]')).toContainText('3 requests');
  await expect(toc.locator('[aria-current="location"]')).toContainText('29');
  // The sticky scene follows the section: slide 29's global mode.
  const side = page.getByRole('complementary', { name: 'Live scene for this section' });
  await expect(side).toContainText('global');
  await expect(side.getByTestId('sandbox')).toHaveAttribute('data-mode', 'global');

  // A reload of #/read (no slide in the URL) opens where the reader stopped.
  await page.goto('/#/read');
  await expect(toc.locator('[aria-current="location"]')).toContainText('29');
  await expect(page.getByRole('region', { name: 'Slide 29', exact: true })).toBeInViewport();

  // A corrupt saved place does not break the page.
  await page.evaluate(() => localStorage.setItem('tracing-in-elixir.read', '{nope'));
  await page.reload();
  await expect(toc.locator('[aria-current="location"]')).toContainText('1');
  expect(errors).toEqual([]);
});

test('the sandbox route fires the requests its URL asks for', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'The sandbox' }).click();
  await expect(page).toHaveURL(/#\/sandbox/);
  await page.goto('/#/sandbox?mode=metadata&requests=3');
  await expect(page.getByTestId('trace-count')).toContainText('3 requests');
  await expect(page.getByTestId('trace-row').first()).toBeVisible();
  expect(errors).toEqual([]);
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`reading mode at ${size.width}x${size.height}: a live figure shows the whole scene, its trace column too`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/#/read');
    await page.locator('#read-44 .read-figure').scrollIntoViewIfNeeded();
    // In view, the figure's scene runs (a new one, not the paused picture); wait for it to finish.
    const figure = page.locator('#read-44 .read-figure .live-scene[data-paused="false"]');
    // At a slide's pace a request takes several seconds.
    await expect(figure.locator('[data-scene-idle]')).toBeAttached({ timeout: 30_000 });
    // Measured again until the layout settles (the figure's scene is swapped as it comes into view).
    await expect
      .poll(async () => {
        const box = await figure.locator('.scene-fit').boundingBox();
        // The slide's point: the explanation and the traces it concerns.
        const traces = await figure.locator('.scene-stage-focus').boundingBox();
        const list = await figure.locator('.scene-stage-trace').last().boundingBox();
        if (!box || !traces || !list) return 'not laid out';
        const inside =
          traces.x >= box.x &&
          traces.x + traces.width <= box.x + box.width + 1 &&
          traces.y + traces.height <= box.y + box.height + 1;
        return inside && list.width > box.width * 0.3 ? 'whole' : 'cut off';
      })
      .toBe('whole');
  });
}

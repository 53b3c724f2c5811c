import { expect, type Page } from '@playwright/test';

/** Samples `scrollY` for `ms` and returns every value seen: one value means the page held still. */
export async function scrollPositionsFor(page: Page, ms = 3000): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const seen = new Set<number>([Math.round(scrollY)]);
        const start = performance.now();
        const tick = () => {
          seen.add(Math.round(scrollY));
          if (performance.now() - start < duration) requestAnimationFrame(tick);
          else resolve([...seen]);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** Waits until a scroll (smooth or not) has come to rest: the same scrollY over 300 ms. */
export async function waitForScrollToRest(page: Page): Promise<number> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const y = await page.evaluate(() => Math.round(scrollY));
        const still = y === last;
        last = y;
        return still;
      },
      // A dev server on a busy machine may still be loading what the page shows.
      { intervals: [300], timeout: 15_000 },
    )
    .toBe(true);
  return last;
}

/**
 * The reader scrolls by contents clicks, by the wheel and by End; after each, the page must stay
 * where the reader left it for 3 s, with no input (it used to flip between two sections).
 */
export async function expectReadingHoldsStill(page: Page, base = '') {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${base}/#/`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/#/read`);
  const toc = page.getByRole('navigation', { name: 'Contents' });
  const links = toc.getByRole('link');
  await expect(links.first()).toBeVisible({ timeout: 20_000 });
  const count = await links.count();
  expect(count).toBeGreaterThan(10);

  // Contents: an entry two thirds down, then one near the end.
  for (const n of [Math.floor(count * 0.6), Math.floor(count * 0.85)]) {
    await links.nth(n).click();
    const y = await waitForScrollToRest(page);
    expect(y).toBeGreaterThan(0);
    expect(await scrollPositionsFor(page)).toEqual([y]);
  }

  // The wheel, fast, back up.
  await page.mouse.move(640, 400);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -1800);
  const afterWheel = await waitForScrollToRest(page);
  expect(await scrollPositionsFor(page)).toEqual([afterWheel]);

  // End: the bottom of the article, and it stays there.
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  const atEnd = await waitForScrollToRest(page);
  const bottom = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  expect(atEnd).toBeGreaterThan(bottom - 50);
  expect(await scrollPositionsFor(page)).toEqual([atEnd]);
}

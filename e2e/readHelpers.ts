import { expect, type Page } from '@playwright/test';

/**
 * Where the reader's view stands for `ms`: the top of the slide at the top of the view (its
 * `read-N` block), sampled after each painted frame. One value means what the reader sees held
 * still. This is what the reader sees, not `scrollY`: while panels above still load (a dev
 * server compiles them on first request) the page grows above the view, and the page keeps the
 * view where it is by scrolling (keepInPlace.ts, the browser's scroll anchoring), so `scrollY`
 * changes while nothing on screen moves. A value seen in one sample only is left out: a read
 * between a change above and the same frame's correction, never painted.
 */
export async function viewPositionsFor(page: Page, ms = 3000): Promise<string[]> {
  return page.evaluate(
    (duration) =>
      new Promise<string[]>((resolve) => {
        const blocks = [...document.querySelectorAll<HTMLElement>('[id^="read-"]')].filter((el) =>
          /^read-\d+$/.test(el.id),
        );
        const anchor =
          blocks.find((el) => el.getBoundingClientRect().bottom > 1) ?? document.documentElement;
        const where = () =>
          `${anchor.id || 'page'} at ${Math.round(anchor.getBoundingClientRect().top)}`;
        const samples: string[] = [where()];
        const start = performance.now();
        const tick = () =>
          setTimeout(() => {
            samples.push(where());
            if (performance.now() - start < duration) requestAnimationFrame(tick);
            else
              resolve([
                ...new Set(samples.filter((s, i) => s === samples[i - 1] || s === samples[i + 1])),
              ]);
          });
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** The reader's view stays put for 3 s: one position, printed when there are more. */
async function expectViewHoldsStill(page: Page) {
  const seen = await viewPositionsFor(page);
  expect(seen).toEqual(seen.slice(0, 1));
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
    await expectViewHoldsStill(page);
  }

  // The wheel, fast, back up.
  await page.mouse.move(640, 400);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -1800);
  await waitForScrollToRest(page);
  await expectViewHoldsStill(page);

  // End: the bottom of the article, and it stays there.
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  const atEnd = await waitForScrollToRest(page);
  const bottom = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  expect(atEnd).toBeGreaterThan(bottom - 50);
  await expectViewHoldsStill(page);
}

import { expect, test } from '@playwright/test';
import { collectErrors, currentSlide, deckSteps, expectSlide, openDeck } from './deckHelpers.ts';

test('keys move through slides and builds, the URL follows, a reload keeps the place', async ({
  page,
}) => {
  await openDeck(page, '#/1');
  await expect(page.getByRole('heading', { name: 'Tracing' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 2);
  await expect(page).toHaveURL(/#\/2$/);
  await page.keyboard.press('Space');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('n');
  await expectSlide(page, 5);
  await page.keyboard.press('Shift+Space');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('p');
  await page.keyboard.press('ArrowLeft');
  await expectSlide(page, 1);
  await page.keyboard.press('End');
  const total = (await deckSteps(page)).length;
  await expect(page).toHaveURL(new RegExp(`#/${total}$`));
  await page.keyboard.press('Home');
  await expectSlide(page, 1);

  // A slide with builds: each build has its own URL, and a reload lands on it.
  const steps = await deckSteps(page);
  const withBuilds = steps.findIndex((s) => s > 1) + 1;
  await page.goto(`/#/${withBuilds}`);
  await expectSlide(page, withBuilds);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`#/${withBuilds}\\.2$`));
  await page.reload();
  await expectSlide(page, withBuilds, 2);
  await expect(currentSlide(page).locator('.step[data-at="2"]')).toHaveAttribute(
    'data-shown',
    'true',
  );
  await expect(currentSlide(page).locator('.step[data-at="3"]')).toHaveAttribute(
    'data-shown',
    'false',
  );
});

test('editing the URL moves the deck, and /12 means #/12', async ({ page }) => {
  await openDeck(page, '#/3');
  await expectSlide(page, 3);
  await page.evaluate(() => (location.hash = '#/7'));
  await expectSlide(page, 7);
  await page.goto('/12');
  await expect(page).toHaveURL(/\/#\/12$/);
  await expectSlide(page, 12);
});

test('the overview grid jumps to a slide by keyboard', async ({ page }) => {
  await openDeck(page, '#/4');
  await page.keyboard.press('o');
  const grid = page.getByRole('dialog', { name: 'All slides' });
  await expect(grid).toBeVisible();
  const total = (await deckSteps(page)).length;
  await expect(grid.locator('.thumb')).toHaveCount(total);
  await expect(grid.locator('.thumb[aria-current="true"]')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(grid.getByRole('button', { name: /^Slide 6:/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grid).toBeHidden();
  await expectSlide(page, 6);
  await page.keyboard.press('o');
  await grid.getByRole('button', { name: /^Slide 13:/ }).click();
  await expectSlide(page, 13);
});

test('help, black screen, theme and the live scene beside the slides', async ({ page }) => {
  await openDeck(page, '#/2');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keys' });
  await expect(help).toContainText('Black screen');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('b');
  await expect(page.locator('.black-screen')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 3);
  await page.keyboard.press('b');
  await expect(page.locator('.black-screen')).toBeHidden();

  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  const dock = page.getByRole('complementary', { name: 'Live scene beside the slides' });
  await expect(dock).toBeHidden();
  await page.keyboard.press('l');
  await expect(dock).toBeVisible();
  await page.evaluate(() => (location.hash = '#/29'));
  await expect(dock).toContainText('global');
  const traces = dock.locator('[data-traces]');
  await expect(traces).toHaveText('1 trace · 1 request');
  // The same sandbox stays as the talk moves on: each slide's <Scene> requests run in turn.
  await page.evaluate(() => (location.hash = '#/34'));
  await expect(dock).toContainText('process');
  // `requests` is a slide's count so far, as on the slide: slide 29 has 3 after its build
  // (<Scene requests={3} />, 1 then 2 more), slide 34 has 1.
  await expect(traces).toHaveText(/ · 4 requests$/);
  await expect(dock.getByTestId('sandbox')).toHaveAttribute('data-mode', 'process');
  await page.keyboard.press('l');
  await expect(dock).toBeHidden();
});

test('a swipe moves the deck on touch screens', async ({ page }) => {
  await openDeck(page, '#/5');
  const swipe = (fromX: number, toX: number) =>
    page.evaluate(
      ([a, b]) => {
        const el = document.querySelector('.deck-main');
        if (!el) throw new Error('no deck');
        const touch = (x: number) =>
          new Touch({ identifier: 1, target: el, clientX: x, clientY: 300 });
        el.dispatchEvent(
          new TouchEvent('touchstart', { touches: [touch(a!)], changedTouches: [touch(a!)] }),
        );
        el.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(b!)] }));
      },
      [fromX, toX],
    );
  await swipe(600, 200);
  await expectSlide(page, 6);
  await swipe(200, 600);
  await expectSlide(page, 5);
});

test('every slide and build shows without a console error, under the site’s CSP', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openDeck(page, '#/1');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /default-src 'self'/,
  );
  const steps = await deckSteps(page);
  const positions = steps.reduce((n, s) => n + s + 1, 0);
  for (let i = 1; i < positions; i++) await page.keyboard.press('ArrowRight');
  await expectSlide(page, steps.length, steps[steps.length - 1] ?? 0);
  await page.waitForFunction(() => !document.querySelector('[data-scene-loading]'));
  expect(errors).toEqual([]);
});

test('autoscale shrinks only the slides that ask for it', async ({ page }) => {
  await openDeck(page, '#/2');
  const factor = () =>
    currentSlide(page).evaluate((el) => el.style.getPropertyValue('--autoscale'));
  await expect.poll(factor).not.toBe('');
  expect(Number(await factor())).toBeLessThan(1);
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 3);
  expect(await factor()).toBe('');
});

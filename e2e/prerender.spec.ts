import { expect, test, type Page } from '@playwright/test';

/**
 * The built index.html carries the first render of three routes (app/prerender): the first
 * slide, the sandbox's controls with an empty scene, and the exercise list. They must show with
 * no JavaScript at all, styled, and the app must then take that markup over (hydrate it) and work.
 */
const SHELLS = [
  {
    path: '/',
    shell: 'home',
    content: (p: Page) => p.getByRole('link', { name: 'The talk', exact: true }),
  },
  {
    path: '/#/1',
    shell: 'deck',
    content: (p: Page) => p.getByRole('heading', { name: 'Tracing' }),
  },
  {
    path: '/#/sandbox',
    shell: 'sandbox',
    content: (p: Page) => p.getByRole('button', { name: /Send request/ }),
  },
  {
    // The test window (1280x720) is wide: contents open, the live scene beside the text.
    path: '/#/read',
    shell: 'read-wide',
    content: (p: Page) => p.getByRole('heading', { name: 'Tracing in Elixir' }),
  },
  {
    path: '/#/exercises',
    shell: 'exercises',
    content: (p: Page) => p.getByRole('link', { name: /Start with exercise 1/ }),
  },
];

/** Every console message, to show that hydration drew nothing again and nothing was refused. */
function consoleOf(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  return messages;
}

for (const { path, shell, content } of SHELLS) {
  test(`${path} shows its prerendered ${shell} with no JavaScript, styled`, async ({ page }) => {
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('data-shell', shell);
    await expect(content(page)).toBeVisible();
    // Styled: the site's and the shells' stylesheets, and the view's own, which the head script
    // applied before the first paint (the front page has none of its own).
    const sheets = await page.evaluate(() => document.styleSheets.length);
    expect(sheets).toBeGreaterThanOrEqual(shell === 'home' ? 2 : 3);
    // Only the opened route's shell shows.
    for (const other of SHELLS.filter((s) => s.shell !== shell))
      await expect(page.locator(`[data-shell="${other.shell}"]`)).toBeHidden();
  });

  test(`${path}: the app hydrates the ${shell} shell and works`, async ({ page }) => {
    const messages = consoleOf(page);
    await page.goto(path);
    const kept = page.locator(`#root > [data-shell="${shell}"]`);
    // takeShell left the one shell, made interactive, and React adopted it.
    await expect(kept).toHaveCount(1);
    await expect(kept).not.toHaveAttribute('inert');
    await expect(page.locator('#root > *')).toHaveCount(1);
    await expect(content(page)).toBeVisible();
    if (shell === 'home') {
      await content(page).click();
      await expect(page.locator('.deck-main .slide[data-slide="1"]')).toBeVisible();
    } else if (shell === 'deck') {
      await page.keyboard.press('ArrowRight');
      await expect(page).toHaveURL(/#\/2$/);
      await expect(page.locator('.deck-main .slide[data-slide="2"]')).toBeVisible();
    } else if (shell === 'sandbox') {
      await content(page).click();
      await expect(page.getByTestId('trace-count')).toHaveText(/, 1 request$/);
    } else if (shell === 'read-wide') {
      // The contents jump to a section the page had not rendered yet: the app renders it.
      await page.getByRole('navigation', { name: 'Contents' }).getByRole('link').nth(20).click();
      await expect(page.locator('#read-s21')).toBeInViewport();
    } else {
      await content(page).click();
      await expect(page).toHaveURL(/#\/exercises\/1$/);
      // The app, not just the link: the exercise opens with its heading focused.
      await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
    }
    expect(messages).toEqual([]);
  });
}

test('a phone gets the narrow reading shell, and the app takes it over', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const messages = consoleOf(page);
  await page.goto('/#/read');
  await expect(page.locator('html')).toHaveAttribute('data-shell', 'read');
  await expect(page.locator('#root > [data-shell="read"]')).not.toHaveAttribute('inert');
  await expect(page.getByRole('heading', { name: 'Tracing in Elixir' })).toBeVisible();
  expect(messages).toEqual([]);
  await page.close();
});

test('a route the build did not prerender starts from an empty page', async ({ page }) => {
  const messages = consoleOf(page);
  await page.route('**/*.js', (route) => route.abort());
  await page.goto('/#/5');
  await expect(page.locator('html')).not.toHaveAttribute('data-shell');
  for (const { shell } of SHELLS)
    await expect(page.locator(`[data-shell="${shell}"]`)).toBeHidden();
  expect(messages.filter((m) => /Content Security Policy/.test(m))).toEqual([]);
});

test('a saved light theme skips the dark prerendered slide, and the deck opens light', async ({
  page,
}) => {
  const messages = consoleOf(page);
  await page.addInitScript(() => localStorage.setItem('deck.theme', 'light'));
  await page.goto('/#/1');
  await expect(page.locator('.deck')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('html')).not.toHaveAttribute('data-shell');
  await expect(page.locator('[data-shell]:not(html)')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Tracing' })).toBeVisible();
  expect(messages).toEqual([]);
});

test('keys pressed on the prerendered slide, before the app runs, move the deck once it does', async ({
  page,
}) => {
  const messages = consoleOf(page);
  // The app's entry waits until the keys are pressed: the slide shows, and nothing listens yet.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/main-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/#/1', { waitUntil: 'commit' });
  const shell = page.locator('#root > [data-shell="deck"]');
  await expect(shell.getByRole('heading', { name: 'Tracing' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(shell).toHaveAttribute('inert');
  await expect(page).toHaveURL(/#\/1$/);
  release();
  await expect(page.locator('.deck-main .slide')).toHaveAttribute('data-slide', '3');
  await expect(page).toHaveURL(/#\/3$/);
  // Played once: a key pressed now moves one slide more, not two.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.deck-main .slide')).toHaveAttribute('data-slide', '4');
  expect(messages).toEqual([]);
});

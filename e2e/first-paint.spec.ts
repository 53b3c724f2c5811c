import { expect, test } from '@playwright/test';

/**
 * The route a visitor opens renders its content in the first render: its code loads before
 * React starts, so the "Loading…" fallback never reaches the DOM (and so never paints).
 * An init script records every text the page's DOM ever holds, from the first node on.
 */
const ROUTES = [
  { path: '/#/1', content: /^Tracing$/ },
  { path: '/#/sandbox', content: /^Send request/ },
  { path: '/#/read', content: /^Tracing$/ },
  { path: '/#/exercises', content: /The Tracing Plug/ },
];

for (const { path, content } of ROUTES) {
  test(`${path} shows its content without a "Loading…" fallback first`, async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __texts: string[] }).__texts = seen;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes) seen.push((n.textContent ?? '').trim().slice(0, 80));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(path);
    await expect(page.getByText(content).first()).toBeVisible();
    const texts = await page.evaluate(() => (window as unknown as { __texts: string[] }).__texts);
    expect(texts.filter((t) => /^Loading…/.test(t))).toEqual([]);
  });
}

test('a route opened later still loads (with the fallback while its code arrives)', async ({
  page,
}) => {
  await page.goto('/#/1');
  await expect(page.locator('.deck-main .slide[data-slide="1"]')).toBeVisible();
  await page.goto('/#/sandbox');
  await expect(page.getByRole('button', { name: /Send request/ })).toBeVisible();
});

import { expect, test } from '@playwright/test';

// The talk needs no network, and a projector PC may have no emoji font: the emoji the slides use
// must come from a font the site bundles, served from its own origin.
test('the bundled emoji font loads from the site and covers every emoji in the talk', async ({
  page,
}) => {
  const fontRequests: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fontRequests.push(r.url());
  });
  await page.goto('/#/1');
  await expect(page.locator('.deck-main .slide[data-slide="1"]')).toBeVisible();
  const emoji = ['👨‍💻', '🧙‍♂️', '🤷‍♂️', '🎉', '💩', '🧱', '👉'];
  const covered = await page.evaluate(async (chars) => {
    const text = chars.join('');
    const faces = await document.fonts.load('64px "Deck Emoji"', text);
    return { loaded: faces.length, check: document.fonts.check('64px "Deck Emoji"', text) };
  }, emoji);
  expect(covered.loaded).toBeGreaterThan(0);
  expect(covered.check).toBe(true);
  const origin = new URL(page.url()).origin;
  expect(fontRequests.length).toBeGreaterThan(0);
  for (const url of fontRequests) expect(url.startsWith(origin)).toBe(true);
});

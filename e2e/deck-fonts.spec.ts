import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** The emoji the talk draws, whole (👨‍💻 is one), from the talk's own source. */
function talkEmoji(): string[] {
  const text = readFileSync(join(import.meta.dirname, '..', 'slides', 'talk.mdx'), 'utf8');
  const found = new Set<string>();
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text))
    if (/\p{Extended_Pictographic}/u.test(segment) && /[\u{1F000}-\u{1FAFF}]/u.test(segment))
      found.add(segment);
  return [...found];
}

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
  const emoji = talkEmoji();
  expect(emoji.length).toBeGreaterThan(3);
  // Each emoji drawn with the bundled face only: a glyph the subset lacks falls back to a system
  // font, and this machine has no colour emoji font, so it would draw no coloured pixel.
  // (document.fonts.check only says the face loaded, not that it has every glyph.)
  const coloured = await page.evaluate(async (chars) => {
    await document.fonts.load('64px "Deck Emoji"', chars.join(''));
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 96;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    return chars.map((ch) => {
      ctx.clearRect(0, 0, 96, 96);
      ctx.font = '64px "Deck Emoji"';
      ctx.textBaseline = 'top';
      ctx.fillStyle = '#000';
      ctx.fillText(ch, 8, 8);
      const d = ctx.getImageData(0, 0, 96, 96).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        const r = d[i]!;
        const g = d[i + 1]!;
        const b = d[i + 2]!;
        if (d[i + 3]! > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 40) n++;
      }
      return { ch, n };
    });
  }, emoji);
  expect(coloured.filter((c) => c.n < 50)).toEqual([]);
  const origin = new URL(page.url()).origin;
  expect(fontRequests.length).toBeGreaterThan(0);
  for (const url of fontRequests) expect(url.startsWith(origin)).toBe(true);
});

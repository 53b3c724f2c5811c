import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, useDevServer } from './devServer.ts';
import { expectSlide } from './deckHelpers.ts';

// `npm run dev`: editing the talk's MDX hot-reloads the deck and keeps the current slide.
// Runs its own dev server, on a free port, with its own dependency cache.
const TALK = join(ROOT, 'slides', 'talk.mdx');

const baseUrl = useDevServer('.vite-deck-e2e', 5291);

test('editing the MDX while on slide 12 shows the change and stays on slide 12', async ({
  page,
}) => {
  const original = readFileSync(TALK, 'utf8');
  expect(original).toContain('# Transactions');
  try {
    // Edits made before the hot-update socket is up would go unheard.
    const connected = page.waitForEvent('console', (m) => m.text().includes('[vite] connected'));
    await page.goto(`${baseUrl()}#/12`);
    await connected;
    // The first request compiles the talk (code highlighting included): slow on a busy machine.
    await page.locator('.deck-main .slide').waitFor({ timeout: 60_000 });
    await expectSlide(page, 12);
    const slide = page.locator('.deck-main .slide');
    await expect(slide).toContainText('Transactions');

    writeFileSync(TALK, original.replace('# Transactions', '# Transactions, edited live'));
    // A file watcher on a busy machine can take a while: wait generously, assert no duration.
    await expect(slide).toContainText('Transactions, edited live', { timeout: 20_000 });
    await expectSlide(page, 12);
    await expect(page).toHaveURL(/#\/12$/);
  } finally {
    writeFileSync(TALK, original);
  }
});

import { test } from '@playwright/test';
import { useDevServer } from './devServer.ts';
import { expectReadingHoldsStill } from './readHelpers.ts';

// The same on `npm run dev` (its own dev server and dependency cache, on a free port).
const baseUrl = useDevServer('.vite-read-e2e', 5391);

test('reading mode on the dev server stays where the reader scrolled it', async ({ page }) => {
  // A dev server compiles every module on first request: slow on a busy machine.
  test.setTimeout(240_000);
  await expectReadingHoldsStill(page, baseUrl().replace(/\/$/, ''));
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, useDevServer } from './devServer.ts';

// `npm run dev`: a local edit to an exercise file reaches the open page (hot update), without
// overwriting code the learner typed in the browser. Runs its own dev server, on a free port.
const FILE = join(ROOT, 'exercises', '02-exray-spans', 'exercise.ts');

const baseUrl = useDevServer('.vite-exercises-e2e', 5290);

test('an edited exercise.ts shows at once; with code of their own, the learner is asked', async ({
  page,
}) => {
  const original = readFileSync(FILE, 'utf8');
  const editor = page.locator('.cm-content');
  try {
    // Edits made before the hot-update socket is up would go unheard.
    const connected = page.waitForEvent('console', (m) => m.text().includes('[vite] connected'));
    await page.goto(`${baseUrl()}exercises.html#/exercises/2`);
    await connected;
    await expect(editor).toContainText('export const exray');

    writeFileSync(FILE, `${original}// edited on disk: one\n`);
    // A file watcher on a busy machine can take a while: wait generously, assert no duration.
    await expect(editor).toContainText('// edited on disk: one', { timeout: 20_000 });

    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('// typed in the browser');
    writeFileSync(FILE, `${original}// edited on disk: two\n`);
    const banner = page.getByTestId('starter-changed');
    await expect(banner).toContainText(
      '02-exray-spans/exercise.ts changed on disk, and you have edited the code here.',
      { timeout: 20_000 },
    );
    await expect(editor).toContainText('// typed in the browser');
    await expect(editor).not.toContainText('// edited on disk: two');

    await banner.getByRole('button', { name: 'Load the file' }).click();
    await expect(editor).toContainText('// edited on disk: two');
    await expect(editor).not.toContainText('// typed in the browser');
    await expect(banner).toHaveCount(0);
  } finally {
    writeFileSync(FILE, original);
  }
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** The talk's own `description:` setting, read from the talk file the site was built from. */
const DESCRIPTION = /^description:\s*(.+)$/m.exec(
  readFileSync(join(import.meta.dirname, '..', 'slides', 'talk.mdx'), 'utf8'),
)?.[1];

test('the site shell loads without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tracing in Elixir' })).toBeVisible();
  // A visitor who never heard the talk reads what it teaches, in the talk's own words.
  expect(DESCRIPTION).toBeTruthy();
  await expect(page.locator('.home-about')).toHaveText(DESCRIPTION!);
  expect(errors).toEqual([]);
});

test('the front page leads to every part of the site, each without console errors', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto('/');
  await page.getByRole('link', { name: 'Workshop exercises' }).click();
  await expect(page).toHaveURL(/#\/exercises$/);
  await expect(page.getByRole('heading', { name: 'Workshop exercises' })).toBeVisible();
  await page.goto('/#/exercises/3');
  await expect(
    page.getByRole('heading', { name: /Inject: context into command metadata/ }),
  ).toBeVisible();
  await page.goto('/');
  await page.getByRole('link', { name: 'The sandbox' }).click();
  await expect(page.getByRole('heading', { name: 'Live tracing sandbox' })).toBeVisible();
  expect(errors).toEqual([]);
});

import { expect, test } from '@playwright/test';

test('the site shell loads without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tracing in Elixir' })).toBeVisible();
  expect(errors).toEqual([]);
});

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

import { expect, type Page } from '@playwright/test';

/** The slide the audience view shows, as its 1-based number. */
export function currentSlide(page: Page) {
  return page.locator('.deck-main .slide');
}

export async function expectSlide(page: Page, n: number, step = 0) {
  await expect(currentSlide(page)).toHaveAttribute('data-slide', String(n));
  await expect(currentSlide(page)).toHaveAttribute('data-step', String(step));
}

/** Builds per slide, as the deck reports them. */
export async function deckSteps(page: Page): Promise<number[]> {
  const raw = await page.locator('.deck').getAttribute('data-steps');
  return JSON.parse(raw ?? '[]') as number[];
}

/** Collects console errors and uncaught page errors. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Opens a deck URL and waits until the deck (or presenter view) listens to keys. */
export async function openDeck(page: Page, hash: string) {
  await page.goto(`/${hash}`);
  await page.locator(hash.startsWith('#/presenter') ? '.presenter' : '.deck').waitFor();
}

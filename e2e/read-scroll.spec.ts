import { test } from '@playwright/test';
import { collectErrors } from './deckHelpers.ts';
import { expectReadingHoldsStill } from './readHelpers.ts';

// The reading mode once scrolled back to the saved place on every render, so the page flipped
// between two sections by itself. On the built site.
test('reading mode stays where the reader scrolled it: contents, wheel, End', async ({ page }) => {
  const errors = collectErrors(page);
  await expectReadingHoldsStill(page);
  test.expect(errors).toEqual([]);
});

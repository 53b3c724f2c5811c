import { expect, test } from '@playwright/test';
import { collectErrors, expectSlide, openDeck } from './deckHelpers.ts';

// The audience window is a background page here, and a background page gets few animation
// frames: a slide's scene, paced to be talked over, would take minutes. Reduced motion shows
// each scene's settled picture at once, which is what these tests compare.
test.use({ reducedMotion: 'reduce' });

test('presenter and audience windows follow each other over BroadcastChannel', async ({
  context,
}) => {
  const audience = await context.newPage();
  const presenter = await context.newPage();
  const errors = [...collectErrors(audience), ...collectErrors(presenter)];
  await openDeck(audience, '#/4');
  await openDeck(presenter, '#/presenter/4');
  await expectSlide(audience, 4);

  const notes = presenter.getByRole('region', { name: 'Speaker notes' });
  await expect(notes).toContainText('Backend developer');
  await expect(presenter.getByRole('region', { name: 'Next' })).toContainText('Next: slide 5');
  await expect(presenter.getByLabel('Elapsed time')).toContainText('00:0');
  await expect(presenter.getByLabel('Clock')).toContainText(/\d\d:\d\d/);

  // Presenter drives the audience…
  await presenter.keyboard.press('ArrowRight');
  await expectSlide(audience, 5);
  await expect(audience).toHaveURL(/#\/5$/);
  await expect(presenter).toHaveURL(/#\/presenter\/5$/);
  // …and the audience window drives the presenter.
  await audience.keyboard.press('ArrowRight');
  await expect(presenter.locator('.presenter-current .slide')).toHaveAttribute('data-slide', '6');
  await expect(notes).toContainText('The call to adventure');
  await audience.keyboard.press('ArrowRight');
  await expect(notes).toContainText('elixir diagnostics');

  // The black screen follows too.
  await presenter.keyboard.press('b');
  await expect(audience.locator('.black-screen')).toBeVisible();
  await presenter.keyboard.press('b');
  await expect(audience.locator('.black-screen')).toBeHidden();

  // Builds are synced step by step.
  await presenter.evaluate(() => (location.hash = '#/presenter/41'));
  await expectSlide(audience, 41);
  await presenter.keyboard.press('ArrowRight');
  await expectSlide(audience, 41, 1);
  await expect(presenter.getByText('build 1 / 4')).toBeVisible();

  // Scene inputs travel as inputs: the presenter sends a request, the audience's scene runs it.
  // The presenter's preview is paused (finished at once); both end with the same traces.
  await presenter.evaluate(() => (location.hash = '#/presenter/29'));
  await expectSlide(audience, 29);
  const audienceCount = audience.locator('.deck-main [data-traces]');
  const presenterCount = presenter.locator('.presenter-current [data-traces]');
  await expect(audienceCount).toHaveText('1 trace · 1 request');
  await expect(presenter.locator('.presenter-current .scene-send')).toHaveCount(0);
  await expect(presenter.locator('.presenter-current .live-scene')).toHaveAttribute(
    'data-paused',
    'true',
  );
  await presenter.getByRole('button', { name: 'Send a request' }).click();
  await expect(presenterCount).toHaveText('2 traces · 2 requests');
  await expect(audienceCount).toHaveText('2 traces · 2 requests');
  // A build sends two requests at once into both simulations; both see the same traces.
  await presenter.keyboard.press('ArrowRight');
  await expectSlide(audience, 29, 1);
  await expect(audience.locator('.deck-main [data-scene-idle]')).toBeAttached();
  await expect(presenterCount).toHaveText(/ · 4 requests$/);
  await expect(audienceCount).toHaveText((await presenterCount.textContent()) ?? '');
  expect(errors).toEqual([]);
});

test('inputs made inside the audience window’s scene, with its own keys, reach the presenter', async ({
  context,
}) => {
  const audience = await context.newPage();
  const presenter = await context.newPage();
  const errors = [...collectErrors(audience), ...collectErrors(presenter)];
  await openDeck(audience, '#/29');
  await openDeck(presenter, '#/presenter/29');
  const audienceScene = audience.locator('.deck-main .live-scene');
  const presenterScene = presenter.locator('.presenter-current .live-scene');
  const audienceCount = audienceScene.locator('[data-traces]');
  const presenterCount = presenterScene.locator('[data-traces]');
  await expect(audienceCount).toHaveText('1 trace · 1 request');
  await expect(presenterCount).toHaveText('1 trace · 1 request');

  // The sandbox's shortcuts work on the focused scene: 3 switches to metadata, s sends a
  // request. Neither is a deck key there (s would open the presenter view).
  const list = audienceScene.getByTestId('slide-stage');
  await list.press('3');
  await expect(audienceScene.getByTestId('sandbox')).toHaveAttribute('data-mode', 'metadata');
  await expect(presenterScene.getByTestId('sandbox')).toHaveAttribute('data-mode', 'metadata');
  await list.press('s');
  await expect(presenterCount).toHaveText(/ · 2 requests$/);
  await expect(audienceScene.locator('[data-scene-idle]')).toBeAttached();
  await expect(audienceCount).toHaveText((await presenterCount.textContent()) ?? '');
  // Shift+2 turns a fault on; both windows replay the two requests under it.
  await list.press('Shift+Digit2');
  await expect(audienceScene.locator('[data-scene-idle]')).toBeAttached();
  await expect(presenterCount).toHaveText(/ · 2 requests$/);
  await expect(audienceCount).toHaveText((await presenterCount.textContent()) ?? '');
  await expect(audience).toHaveURL(/#\/29$/);
  expect(context.pages()).toHaveLength(2);
  expect(errors).toEqual([]);
});

test('s opens the presenter view in a new window at the current slide', async ({ page }) => {
  await openDeck(page, '#/9');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  await expect(popup).toHaveURL(/#\/presenter\/9$/);
  await expect(popup.getByRole('region', { name: 'Current slide' })).toBeVisible();
  await popup.getByRole('button', { name: 'Reset' }).click();
  await expect(popup.getByLabel('Elapsed time')).toContainText('00:00');
});

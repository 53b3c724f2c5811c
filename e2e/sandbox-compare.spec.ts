import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Fault } from '../sandbox/core/config.ts';
import type { PropagationMode } from '../sandbox/core/propagation/index.ts';
import { runScenario } from '../sandbox/core/runScenario.ts';

// Compare two modes on the sandbox page, through its own entry against the built site.
const open = (page: Page, query: string) => page.goto(`/sandbox.html?${query}`);

/** The count line the page must show for `requests` requests in a mode: what the core produces. */
function expectedCount(
  mode: PropagationMode,
  requests: number,
  more: { seed?: number; faults?: Fault[] } = {},
) {
  const { summary } = runScenario({ seed: 1, ...more, mode, requests });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(summary.traces, 'trace')}, ${plural(requests, 'request')}`;
}

function sides(page: Page): { left: Locator; right: Locator; count: (side: Locator) => Locator } {
  const all = page.getByTestId('sandbox');
  return {
    left: all.nth(0),
    right: all.nth(1),
    count: (side) => side.getByTestId('trace-count'),
  };
}

test('a compare link reproduces both sides; shortcuts drive both; a reload keeps it', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The order the page writes, so the link it shows is the link it was opened with.
  const link =
    'compare=1&mode=links&mode2=process&scenario=lab-order&seed=7&speed=100&requests=2&faults=drop-metadata';
  await open(page, link);
  const { left, right, count } = sides(page);
  await expect(page.getByTestId('sandbox')).toHaveCount(2);
  await expect(left).toHaveAttribute('data-mode', 'links');
  await expect(right).toHaveAttribute('data-mode', 'process');
  const faults: Fault[] = ['drop-metadata'];
  await expect(count(left)).toHaveText(expectedCount('links', 2, { seed: 7, faults }));
  await expect(count(right)).toHaveText(expectedCount('process', 2, { seed: 7, faults }));
  await expect(page.getByRole('combobox', { name: 'Left mode' })).toHaveValue('links');
  await expect(page.getByRole('combobox', { name: 'Right mode' })).toHaveValue('process');
  await expect(page.getByRole('checkbox', { name: /drop-metadata/ })).toBeChecked();
  await expect(page).toHaveURL(`/sandbox.html?${link}`);

  // S with the focus on the page sends one request to both sides.
  await page.locator('body').press('s');
  await expect(count(left)).toHaveText(expectedCount('links', 3, { seed: 7, faults }));
  await expect(count(right)).toHaveText(expectedCount('process', 3, { seed: 7, faults }));
  await expect(page).toHaveURL(/&requests=3&/);

  // 7 picks the right side's third mode, Shift+1 turns the first fault off on both sides.
  await page.locator('body').press('7');
  await page.locator('body').press('Shift+Digit1');
  await expect(page.getByRole('combobox', { name: 'Right mode' })).toHaveValue('metadata');
  await expect(page.getByRole('checkbox', { name: /drop-metadata/ })).not.toBeChecked();
  await expect(right).toHaveAttribute('data-mode', 'metadata');
  await expect(count(left)).toHaveText(expectedCount('links', 3, { seed: 7 }));
  await expect(count(right)).toHaveText(expectedCount('metadata', 3, { seed: 7 }));
  const after =
    'compare=1&mode=links&mode2=metadata&scenario=lab-order&seed=7&speed=100&requests=3';
  await expect(page).toHaveURL(`/sandbox.html?${after}`);

  await page.reload();
  await expect(left).toHaveAttribute('data-mode', 'links');
  await expect(right).toHaveAttribute('data-mode', 'metadata');
  await expect(count(left)).toHaveText(expectedCount('links', 3, { seed: 7 }));
  await expect(count(right)).toHaveText(expectedCount('metadata', 3, { seed: 7 }));
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  await expect(page).toHaveURL(`/sandbox.html?${after}`);
  expect(errors).toEqual([]);
});

test('compare shortcuts work with the focus on a control or inside one side, not in a field', async ({
  page,
}) => {
  await open(page, 'compare=1&mode=metadata&mode2=process&speed=100&requests=1');
  const { left, right, count } = sides(page);
  await expect(count(left)).toHaveText(expectedCount('metadata', 1));
  await expect(count(right)).toHaveText(expectedCount('process', 1));
  await expect(page.getByRole('button', { name: /Send request to both/ })).toHaveAttribute(
    'aria-keyshortcuts',
    's',
  );

  // Focus on a control, shown by the focus ring: the keys still reach both sides.
  const pause = page.getByRole('button', { name: /^Pause/ });
  await page.getByRole('spinbutton', { name: 'Requests per burst' }).focus();
  await page.keyboard.press('Tab');
  await expect(pause).toBeFocused();
  expect(
    await pause.evaluate((el) => [el.matches(':focus-visible'), getComputedStyle(el).outlineStyle]),
  ).toEqual([true, 'solid']);
  // The button says what it will do, and is no toggle: a toggle whose label changed too read
  // "Pause, toggle button, pressed" while the scene played.
  await page.keyboard.press('p');
  const play = page.getByRole('button', { name: /^Play/ });
  await expect(play).toBeVisible();
  expect(await play.getAttribute('aria-pressed')).toBeNull();
  await page.keyboard.press('p');
  await expect(pause).toBeVisible();
  expect(await pause.getAttribute('aria-pressed')).toBeNull();
  await page.keyboard.press('b');
  await expect(count(left)).toHaveText(expectedCount('metadata', 5));
  await expect(count(right)).toHaveText(expectedCount('process', 5));

  // Focus inside the right side (its trace list): S still sends to both, not to that side alone.
  await right.getByTestId('trace-row').first().click();
  expect(await right.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('s');
  await expect(count(left)).toHaveText(expectedCount('metadata', 6));
  await expect(count(right)).toHaveText(expectedCount('process', 6));

  // Typing in a field is text: 2 goes into the seed, and does not pick the left mode.
  const seed = page.getByRole('spinbutton', { name: 'Seed' });
  await seed.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('2');
  await expect(seed).toHaveValue('12');
  await expect(page).toHaveURL(/&seed=12&/);
  await expect(page.getByRole('combobox', { name: 'Left mode' })).toHaveValue('metadata');
  await expect(count(left)).toHaveText(expectedCount('metadata', 6, { seed: 12 }));
  await expect(count(right)).toHaveText(expectedCount('process', 6, { seed: 12 }));

  // R resets both, once the focus has left the field.
  await seed.blur();
  await page.keyboard.press('r');
  await expect(count(left)).toHaveText('0 traces, 0 requests');
  await expect(count(right)).toHaveText('0 traces, 0 requests');
  await expect(page).not.toHaveURL(/requests=/);
});

test('the older compare=<mode> link still opens the comparison, and Live goes back', async ({
  page,
}) => {
  await open(page, 'mode=metadata&compare=links&requests=1&speed=100');
  const { left, right, count } = sides(page);
  await expect(count(left)).toHaveText(expectedCount('metadata', 1));
  await expect(count(right)).toHaveText(expectedCount('links', 1));
  await expect(page).toHaveURL(/\?compare=1&mode=metadata&mode2=links&/);
  await page.getByRole('button', { name: 'Live', exact: true }).click();
  await expect(page.getByTestId('sandbox')).toHaveCount(1);
  await expect(page).not.toHaveURL(/compare=|mode2=/);
  await page.getByRole('button', { name: 'Compare two modes' }).click();
  await expect(page.getByTestId('sandbox')).toHaveCount(2);
  await expect(page).toHaveURL(/\?compare=1&mode=metadata&mode2=links&/);
});

for (const [width, height, labels] of [
  [390, 844, 'short'],
  [1280, 720, 'short'],
  [1920, 1080, 'full'],
] as const) {
  test(`${width}x${height}: each side names every process whole, in its picture (${labels} names) and its waterfall`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await open(page, 'compare=1&mode=metadata&mode2=process&speed=100&requests=1');
    const { left, right, count } = sides(page);
    await expect(count(right)).toHaveText(expectedCount('process', 1));
    for (const side of [left, right]) {
      await expect(side.locator('figure.sbx-topology')).toHaveAttribute('data-labels', labels);
      // At 1280 the wide picture at a third of the screen's height read `Phoe…`, `LabO…`, `H…`,
      // and a phone's `Sample …`. And no pill (where the context was lost) covers a box's name
      // (on a phone's tall picture no gap is as tall as a pill: it may cover a box's foot).
      const canvas = side.locator('canvas.sbx-topology-canvas');
      await expect(canvas).toHaveAttribute('data-cut-labels', '0');
      if (width > 390) await expect(canvas).toHaveAttribute('data-covering-pills', '0');
      await expect(canvas).toHaveAttribute('data-pills-over-names', '0');
      // The waterfall stacks its rows on a side narrower than 640 px (waterfallColumns.ts): at
      // 1280, side by side, it read `commanded.application.…` beside an axis of `0 µs` alone.
      await side.getByTestId('trace-row').first().click();
      const waterfall = side.locator('.sbx-waterfall');
      if (width < 1920) await expect(waterfall).toHaveAttribute('data-stacked', 'true');
      else await expect(waterfall).not.toHaveAttribute('data-stacked', /./);
      const cutNames = await waterfall
        .locator('.sbx-span-label')
        .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).length);
      if (width > 390) expect(cutNames).toBe(0);
    }
  });
}

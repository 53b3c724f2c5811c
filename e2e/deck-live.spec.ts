import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, currentSlide, deckSteps, expectSlide, openDeck } from './deckHelpers.ts';

/** Slides with a live scene, as the deck reports them (1-based). */
async function liveSlides(page: Page): Promise<number[]> {
  const raw = await page.locator('.deck').getAttribute('data-live-slides');
  return JSON.parse(raw ?? '[]') as number[];
}

/**
 * Text in the scene that leaves the scene's box, is cut by its own box (scrollWidth) or clipped
 * by a box that hides overflow; screen-reader text is left out. Empty when everything reads.
 */
function overflowingText(scene: Locator): Promise<string[]> {
  return scene.evaluate((root) => {
    const box = root.getBoundingClientRect();
    const out: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.sr-only')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (!own) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const text = (el.textContent ?? '').trim().slice(0, 40);
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
        out.push(`outside the scene: ${text}`);
      if (getComputedStyle(el).display !== 'inline' && el.scrollWidth > el.clientWidth + 1)
        out.push(`cut: ${text}`);
      for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
        if (getComputedStyle(p).overflow === 'visible') continue;
        const pr = p.getBoundingClientRect();
        if (r.bottom > pr.bottom + 1 || r.right > pr.right + 1) out.push(`clipped: ${text}`);
        break;
      }
    }
    return out;
  });
}

/** Goes to the first live slide whose scene starts in `mode`; returns its number. */
async function gotoLiveSlide(page: Page, mode: string): Promise<number> {
  for (const n of await liveSlides(page)) {
    await page.evaluate((h) => (location.hash = h), `#/${n}`);
    await expectSlide(page, n);
    const scene = currentSlide(page).locator('.live-scene');
    if ((await scene.getAttribute('data-mode')) === mode) return n;
  }
  throw new Error(`no live slide in ${mode} mode`);
}

/** The scene on the current slide, settled, and what its marks say. */
async function settledScene(page: Page) {
  const scene = currentSlide(page).locator('.live-scene');
  await expect(scene.locator('[data-scene-idle]')).toBeAttached();
  const stage = scene.getByTestId('slide-stage');
  await expect(stage).toHaveAttribute('data-settled', 'true');
  const hops = scene.getByTestId('context-hops');
  return { scene, stage, hops };
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
])
  test.describe(`live slides at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size, reducedMotion: 'reduce' });

    test('every live slide settles on its point, selected and explained, and all its text reads', async ({
      page,
    }) => {
      const errors = collectErrors(page);
      await openDeck(page, '#/1');
      const slides = await liveSlides(page);
      const steps = await deckSteps(page);
      expect(slides.length).toBeGreaterThanOrEqual(5);
      const seen = new Set<string>();
      for (const n of slides) {
        const last = steps[n - 1] ?? 0;
        await page.evaluate((h) => (location.hash = h), `#/${n}${last ? `.${last}` : ''}`);
        await expectSlide(page, n, last);
        const { scene, stage, hops } = await settledScene(page);
        const reason = await stage.getAttribute('data-focus-reason');
        const mode = await scene.getAttribute('data-mode');
        seen.add(`${mode}:${reason}`);

        // The point of the slide, as data: the span the marks chose is the one selected, and
        // its explanation (or the connected trace's summary) is shown in the scene.
        const focusSpan = (await hops.getAttribute('data-focus-span')) ?? '';
        await expect(stage).toHaveAttribute('data-selected-span', focusSpan);
        await expect(stage.getByTestId('focus-explanation')).not.toBeEmpty();
        if (focusSpan)
          await expect(stage.locator(`.scene-stage-row[data-selected]`)).toHaveAttribute(
            'data-span-ids',
            new RegExp(focusSpan),
          );
        // Every span of the traces shown is in view, in a row of its own or its process's.
        const inView = Number(await stage.getAttribute('data-spans-in-view'));
        const rows = await stage
          .locator('.scene-stage-row')
          .evaluateAll((els) =>
            els.reduce(
              (n, el) => n + (el.getAttribute('data-span-ids') ?? '').split(' ').length,
              0,
            ),
          );
        expect(rows).toBe(inView);
        await expect(stage.locator('.scene-stage-focus')).toHaveAttribute('data-fits', 'true');

        // Nothing cut: not the text, not a box's label on the topology.
        expect(await overflowingText(scene), `slide ${n}`).toEqual([]);
        if (size.width === 1920)
          await expect(scene.locator('canvas')).toHaveAttribute('data-cut-labels', '0');
        // Nor a box's name under a pill that names a break or a mix-up.
        await expect(scene.locator('canvas')).toHaveAttribute('data-covering-pills', '0');

        if (mode === 'process') {
          expect(reason).toBe('cut');
          await expect(hops).toHaveAttribute('data-break-hop', 'RequestProcess>Router');
          await expect(stage.getByTestId('focus-explanation')).toContainText(
            'carried no trace context',
          );
        }
        if (mode === 'metadata' && reason === 'cut') {
          // Request → Command is carried; the events' handlers start traces of their own.
          await expect(hops).toHaveAttribute('data-carried-hops', /RequestProcess>Router/);
          await expect(hops).toHaveAttribute('data-break-hop', /^EventStore>/);
        }
        if (mode === 'metadata' && reason === 'connected') {
          // The climax: one trace, every span of it in view.
          await expect(hops).toHaveAttribute('data-break-hop', '');
          await expect(stage).toHaveAttribute('data-trace-spans', '37');
          expect(inView).toBe(37);
        }
        if (mode === 'global') {
          // Two requests mixed: the wrong trace is selected, both requests named.
          expect(reason).toBe('mixed');
          await expect(hops).toHaveAttribute('data-mixed-spans', /\w+/);
          await expect(stage.getByTestId('focus-explanation')).toContainText('Wrong parent');
          await expect(stage.locator('.scene-stage-trace[data-focus]')).toContainText(
            /req-\d \+ req-\d/,
          );
          // The proof of concept is one process: the topology draws it and the client only.
          await expect(scene.locator('canvas')).toHaveAttribute('data-nodes', '2');
        }
        if (mode === 'links') {
          expect(reason).toBe('linked');
          await expect(hops).toHaveAttribute('data-linked-hops', /EventStore>/);
        }
      }
      expect([...seen].sort()).toEqual(
        expect.arrayContaining([
          'global:mixed',
          'links:linked',
          'metadata:connected',
          'process:cut',
        ]),
      );
      expect(errors).toEqual([]);
    });
  });

test.describe('live slides played with motion, as a room sees them', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'no-preference' });

  // Spans arrive one by one and the summary grows a line only when the run settles: the trees
  // must be fitted again then, or the last rows end up below the panel's edge (slide 47 cut its
  // last row at 1920 this way, while the reduced-motion run above, settled at once, fitted).
  test('every live slide ends with all its text in view', async ({ page }) => {
    test.slow();
    const errors = collectErrors(page);
    await openDeck(page, '#/1');
    for (const n of await liveSlides(page)) {
      await page.evaluate((h) => (location.hash = h), `#/${n}`);
      await expectSlide(page, n);
      const scene = currentSlide(page).locator('.live-scene');
      await expect(scene.locator('.scene-caption')).toHaveAttribute('data-scene-ready', 'true');
      await page.keyboard.press('+');
      await expect(scene.locator('[data-pace]')).toHaveText('2×');
      await expect(scene.locator('[data-scene-idle]')).toBeAttached({ timeout: 30_000 });
      const stage = scene.getByTestId('slide-stage');
      await expect(stage).toHaveAttribute('data-settled', 'true');
      expect(await overflowingText(scene), `slide ${n}`).toEqual([]);
      await expect(stage.locator('.scene-stage-focus')).toHaveAttribute('data-fits', 'true');
    }
    expect(errors).toEqual([]);
  });
});

test.describe('live slides with less room than they were made for', () => {
  // A talk with a longer title or explanation leaves the trees less room than ours do: the style
  // added here takes 150 design px from the panel, and rows must then be left out, whole.
  test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', bypassCSP: true });

  test('rows that cannot fit are left out whole, said so, and the break stays in view', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await openDeck(page, '#/1');
    await page.addStyleTag({ content: '.scene-stage-callout { margin-bottom: 150px; }' });
    let folded = 0;
    for (const n of await liveSlides(page)) {
      await page.evaluate((h) => (location.hash = h), `#/${n}`);
      await expectSlide(page, n);
      const { scene, stage, hops } = await settledScene(page);
      const panel = stage.locator('.scene-stage-focus');
      await expect(panel).toHaveAttribute('data-fits', 'true');
      expect(await overflowingText(scene), `slide ${n}`).toEqual([]);
      const focusSpan = (await hops.getAttribute('data-focus-span')) ?? '';
      if (focusSpan)
        await expect(stage.locator('.scene-stage-row[data-selected]')).toHaveAttribute(
          'data-span-ids',
          new RegExp(focusSpan),
        );
      // What is drawn and what is folded add up to the traces shown, and the fold says how much.
      const ids = async (selector: string) =>
        (
          await stage
            .locator(selector)
            .evaluateAll((els) => els.flatMap((el) => el.getAttribute('data-span-ids')!.split(' ')))
        ).length;
      const inFolds = await ids('.scene-stage-fold');
      expect(await ids('.scene-stage-row')).toBe(
        Number(await stage.getAttribute('data-spans-in-view')),
      );
      expect((await ids('.scene-stage-row')) + inFolds).toBe(
        Number(await stage.getAttribute('data-spans-shown-traces')),
      );
      if (inFolds > 0) {
        folded++;
        await expect(stage.locator('.scene-stage-fold').first()).toContainText(/left out to fit/);
        expect(Number(await panel.getAttribute('data-folded'))).toBeGreaterThan(0);
      }
    }
    // The connected trace at least, 17 rows, cannot fit in this room.
    expect(folded).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

test('a live scene unfolds at a narratable pace: step one hop, replay, slower and faster', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openDeck(page, '#/1');
  await gotoLiveSlide(page, 'process');
  const scene = currentSlide(page).locator('.live-scene');
  const caption = scene.locator('.scene-caption');
  await expect(caption).toHaveAttribute('data-scene-ready', 'true');
  // A request takes seconds at the slide's pace: the presenter can stop it one hop in.
  await page.keyboard.press('h');
  await expect(scene.locator('[data-scene-idle]')).toHaveCount(0);
  const spans = async () => Number(await caption.getAttribute('data-spans'));
  const before = await spans();
  // One more hop: the next process starts its span (paused; nothing moves on its own).
  await scene.getByRole('button', { name: 'Step one hop' }).click();
  await expect.poll(spans).toBeGreaterThan(before);
  await expect(scene.locator('[data-scene-idle]')).toHaveCount(0);
  // Slower and faster step the pace; the caption says it.
  await expect(scene.locator('[data-pace]')).toHaveText('1×');
  await page.keyboard.press('-');
  await expect(scene.locator('[data-pace]')).toHaveText('0.4×');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(scene.locator('[data-pace]')).toHaveText('2×');
  // Replay runs it again from the start, to its settled picture with its marks.
  await page.keyboard.press('a');
  await expect(scene.locator('[data-scene-idle]')).toBeAttached({ timeout: 20_000 });
  await expect(scene.getByTestId('context-hops')).toHaveAttribute('data-break-hop', /\w/);
  expect(errors).toEqual([]);
});

test('a slide number typed then Enter goes there; the help lists it and the scene keys', async ({
  page,
}) => {
  await openDeck(page, '#/3');
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await expect(page.locator('.goto-hint')).toContainText('Go to slide 12');
  await page.keyboard.press('Enter');
  await expectSlide(page, 12);
  await expect(page.locator('.goto-hint')).toHaveCount(0);
  // A number beyond the deck goes nowhere.
  await page.keyboard.press('9');
  await page.keyboard.press('9');
  await expect(page.locator('.goto-hint')).toContainText('No slide 99');
  await page.keyboard.press('Enter');
  await expectSlide(page, 12);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keys' });
  await expect(help).toContainText('go to that slide');
  await expect(help).toContainText('Live scene: replay');
  await expect(help).toContainText('Live scene: step one hop');
});

test('the presenter view goes to a typed slide number and drives the scene controls', async ({
  context,
}) => {
  const audience = await context.newPage();
  const presenter = await context.newPage();
  await openDeck(audience, '#/1');
  await openDeck(presenter, '#/presenter/1');
  const n = await gotoLiveSlide(audience, 'process');
  await audience.evaluate(() => (location.hash = '#/1'));
  await expectSlide(audience, 1);
  // The presenter must have followed back to 1 first: typed while it still showed slide n, "go to
  // n" would be no move at all, and the audience would stay where it is.
  await expect(presenter.locator('.presenter-where strong')).toHaveText('1');
  for (const digit of String(n)) await presenter.keyboard.press(digit);
  await presenter.keyboard.press('Enter');
  await expectSlide(audience, n);
  const scene = audience.locator('.deck-main .live-scene');
  await expect(scene.locator('.scene-caption')).toHaveAttribute('data-scene-ready', 'true');
  const controls = presenter.getByRole('group', { name: 'Live scene controls' });
  await controls.getByRole('button', { name: 'Slower' }).click();
  await expect(scene.locator('[data-pace]')).toHaveText('0.4×');
  await controls.getByRole('button', { name: 'Faster' }).click();
  await expect(scene.locator('[data-pace]')).toHaveText('1×');
});

test('the overview nests no interactive element in a thumbnail', async ({ page }) => {
  const errors = collectErrors(page);
  await openDeck(page, '#/1');
  const n = (await liveSlides(page))[0] as number;
  await page.evaluate((h) => (location.hash = h), `#/${n}`);
  await page.keyboard.press('o');
  const grid = page.getByRole('dialog', { name: 'All slides' });
  await expect(grid.locator('.thumb-picture .live-scene').first()).toBeAttached();
  const nested = await grid.evaluate(
    (el) =>
      el.querySelectorAll(
        'button :is(button, a, input, select, textarea, summary, [tabindex]), a :is(button, a)',
      ).length,
  );
  expect(nested).toBe(0);
  // The pictures take no focus and no clicks: the button over each one does.
  await expect(grid.locator('.thumb-picture:not([inert])')).toHaveCount(0);
  expect(errors).toEqual([]);
});

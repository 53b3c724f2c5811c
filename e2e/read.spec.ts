import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, expectSlide } from './deckHelpers.ts';

/** Phrases the speaker notes use that must never reach a reader. */
const SPEAKER_CUES = [
  'next build',
  'ask the room',
  'question!',
  'point at',
  'the room',
  'watch the scene beside the slides',
  'thank the room',
  'let it land',
  'pause.',
  'not going to explain',
];

const words = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length;

test('reading mode: sections of reader text, contents, live scenes, and the place kept', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/1');
  const total = JSON.parse((await page.locator('.deck').getAttribute('data-steps')) ?? '[]')
    .length as number;
  // From the deck: the r key opens the article at the same slide.
  await page.evaluate(() => (location.hash = '#/4'));
  await expectSlide(page, 4);
  await page.keyboard.press('r');
  await expect(page).toHaveURL(/#\/read\/4$/);

  // The tutorial's code loads on demand: on a busy machine that can take a while.
  await expect(page.locator('.read-section').first()).toBeVisible({ timeout: 20_000 });
  // Every slide is a figure, in sections; the contents list the sections and the glossary.
  await expect(page.locator('.read-figure')).toHaveCount(total);
  const sections = page.locator('.read-section');
  const count = await sections.count();
  expect(count).toBeGreaterThanOrEqual(20);
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await expect(toc.getByRole('link')).toHaveCount(count + 1);
  // Slide 4 is read in the section "Meet Alexander".
  await expect(toc.locator('[aria-current="location"]')).toContainText('Meet Alexander');

  // Every section has reader text of its own, at least 60 words, and no speaker's cue.
  for (let k = 0; k < count; k++) {
    const section = sections.nth(k);
    const title = await section.locator(':scope > h2').innerText();
    const text = (await section.locator('.read-text').allInnerTexts()).join(' ');
    expect(words(text), `section ${title}`).toBeGreaterThanOrEqual(60);
    for (const cue of SPEAKER_CUES)
      expect(text.toLowerCase(), `${title}: "${cue}"`).not.toContain(cue);
    // Speaker notes are not shown at all.
    await expect(section.locator('.slide-notes')).toHaveCount(0);
  }

  // The page names the talk and counts what it holds; its guided steps and questions are
  // numbered in the order a reader meets them (not the order of the tutorial's library).
  await expect(page).toHaveTitle('Tracing in Elixir');
  await expect(page.locator('.read-head h1')).toHaveText('Tracing in Elixir');
  await expect(page.locator('.read-lede')).toContainText(
    `A tutorial in ${count} sections. How one developer found where trace context gets lost`,
  );
  await expect(page.locator('.read-lede')).toContainText(
    'do six guided steps and answer seven questions.',
  );
  const numbered = (what: string, n: number) =>
    Array.from({ length: n }, (_, k) => new RegExp(`${what} ${k + 1} of ${n}\\b`));
  await expect(page.locator('.guide .tutorial-kicker')).toHaveText(numbered('step', 6), {
    timeout: 20_000,
  });
  await expect(page.locator('.predict .tutorial-kicker')).toHaveText(numbered('question', 7));

  // Terms in the text link to the glossary, which defines all eleven.
  const glossary = page.getByRole('region', { name: 'Glossary' });
  for (const term of [
    'Trace',
    'Span',
    'Parent',
    'Span kind',
    'Context',
    'Propagation',
    'Carrier',
    'traceparent',
    'Process dictionary',
    'Link',
    'Sampling',
  ])
    await expect(
      glossary.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }),
    ).toHaveCount(1);
  const term = page.locator('a.term[data-term="process-dictionary"]').first();
  await term.scrollIntoViewIfNeeded();
  await term.click();
  await expect(page.locator('#glossary-process-dictionary')).toBeInViewport();
  await expect(page).toHaveURL(/#\/read/);

  // A live figure whose question is not answered yet waits for the reader's prediction: the
  // scene would show the answer. Once they have chosen, it stays paused until it is scrolled into
  // view, then runs.
  const live = page.locator('#read-29 .read-figure .live-scene');
  await expect(page.locator('#read-29 .read-figure [data-predict-first]')).toContainText(
    'Question 1 below',
  );
  await expect(live).toHaveCount(0);
  // The veil says what to predict, and takes the reader to the question's choices.
  const veil = page.locator('#read-29 .read-figure [data-predict-first]');
  await expect(veil).toContainText('What happens to their spans?');
  await veil.getByRole('button', { name: 'Answer question 1' }).click();
  const firstChoice = page.locator('#read-29 [data-question]').getByRole('radio').first();
  await expect(firstChoice).toBeFocused();
  await expect(firstChoice).toBeInViewport();
  await firstChoice.check();
  await page.evaluate(() => scrollTo(0, 0));
  await expect(live).toHaveAttribute('data-paused', 'true');
  await toc.getByRole('link', { name: /The proof of concept/ }).click();
  await expect(live).toHaveAttribute('data-paused', 'false');
  await expect(live.locator('[data-traces]')).toContainText('3 requests');
  await expect(toc.locator('[aria-current="location"]')).toContainText('The proof of concept');
  // The sticky scene follows the section: the proof of concept's global mode.
  const side = page.getByRole('complementary', { name: 'Live scene for this section' });
  await expect(side.getByTestId('sandbox')).toHaveAttribute('data-mode', 'global');

  // A reload of #/read (no slide in the URL) opens where the reader stopped.
  await page.goto('/#/read');
  await expect(toc.locator('[aria-current="location"]')).toContainText('The proof of concept');
  await expect(page.locator('#read-29')).toBeInViewport();

  // A corrupt saved value does not break the page, and the reader is told.
  await page.evaluate(() => localStorage.setItem('tracing-in-elixir.read', '{nope'));
  await page.reload();
  await expect(toc.locator('[aria-current="location"]')).toContainText('The journey');
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  expect(errors).toEqual([]);
});

/** Opens a section's guided step or question and returns its panel. */
async function panel(page: Page, selector: string) {
  const box = page.locator(selector);
  await box.scrollIntoViewIfNeeded();
  return box;
}

/** Sends a request in a guided step's scene, and waits until the step has explained the run. */
async function sendRequest(guide: Locator) {
  await guide.getByRole('button', { name: 'Send a request' }).click();
  await expect(guide).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
}

test('a guided step waits for the reader, then explains their run; the seed changes the words', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/#/read/34');
  const guide = await panel(page, '[data-guide="process-stacks"]');
  await expect(guide).toHaveAttribute('data-state', 'waiting');
  const result = guide.locator('.tutorial-result');
  await expect(result).toContainText('Nothing sent yet: what your run shows appears here.');
  // It waits: nothing happens until the reader sends a request in its scene.
  await page.waitForTimeout(500);
  await expect(guide).toHaveAttribute('data-state', 'waiting');
  await guide.getByRole('button', { name: 'Send a request' }).click();
  // The request plays out over a few seconds; meanwhile the step says what it waits for.
  await expect(result).toContainText('Waiting for the request to reach every process');
  await expect(guide).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  // The numbers are the scene's own: its caption counts the same traces.
  const traces = await guide.locator('[data-traces]').getAttribute('data-traces');
  await expect(result).toContainText(`became ${traces} traces`);
  await expect(result).toContainText('The first break is between Phoenix request and Router');
  const first = await result.innerText();
  expect(first).toContain('(seed 1)');

  // Another seed: the scene runs again with other timings, and the explanation follows it.
  await guide.getByLabel('Seed').fill('7');
  await expect(result).toContainText('(seed 7)', { timeout: 20_000 });
  await expect(guide).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  const second = await result.innerText();
  expect(second).not.toEqual(first);
  expect(second.match(/took ([\d.]+) ms/)?.[1]).not.toEqual(first.match(/took ([\d.]+) ms/)?.[1]);

  // Kept across a reload.
  await page.reload();
  await expect(page.getByTestId('tutorial-progress')).toContainText('1 of 6 guided steps done');
  expect(errors).toEqual([]);
});

test("at 1280x720 a guided step's picture spreads into its scene's width and names every box whole", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/read/34');
  const guide = await panel(page, '[data-guide="process-stacks"]');
  const canvas = guide.locator('canvas').first();
  // The scene is 630 x 260 px; the picture, fitted to its height, used 405 px of that width, and
  // its boxes, 71 px wide, read 'LabO…', 'Timel…' and 'Samp…'.
  await expect(canvas).toHaveAttribute('data-cut-labels', '0');
  await expect(canvas).toHaveAttribute('data-box-names', /LabOrder\|Sample\|Events\|Timeline/);
});

test("a guided scene's waterfall draws every bar inside its timeline, to the trace's scale", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/#/read');
  const guide = await panel(page, '[data-guide="proof-of-concept"]');
  await sendRequest(guide);
  const rows = guide.locator('[data-testid="span-row"]');
  await expect(rows).toHaveCount(3);
  // The slides' stylesheet gave the name column 62% of the row while the waterfall placed its
  // bars for the column it had measured: the root's bar ran 156 px past its 254 px timeline, and
  // the last span's duration read "2.87 m".
  const bars = await rows.evaluateAll((els) =>
    els.map((row) => {
      const cell = row.querySelector('.sbx-span-timeline')!.getBoundingClientRect();
      const bar = row.querySelector('.sbx-bar')!.getBoundingClientRect();
      const label = row.querySelector('.sbx-bar-label')?.getBoundingClientRect();
      return {
        cell: { left: cell.left, right: cell.right },
        bar: { left: bar.left, right: bar.right },
        label: label ? { left: label.left, right: label.right } : null,
      };
    }),
  );
  for (const { cell, bar, label } of bars) {
    expect(bar.left).toBeGreaterThanOrEqual(cell.left - 1);
    expect(bar.right).toBeLessThanOrEqual(cell.right + 1);
    if (label) expect(label.right).toBeLessThanOrEqual(cell.right + 1);
  }
  // The root span lasts the whole trace: its bar is the whole timeline.
  const root = bars[0]!;
  const width = (r: { left: number; right: number }) => r.right - r.left;
  expect(Math.abs(width(root.bar) - width(root.cell))).toBeLessThan(3);
  expect(errors).toEqual([]);
});

test('a question is answered, run, and answered back from the run; the answer is kept', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/#/read/47');
  const q = await panel(page, '[data-question="metadata-traces"]');
  const run = q.getByRole('button', { name: /Run it/ });
  await expect(run).toBeDisabled();
  // A wrong guess: the feedback says so, with the run's numbers.
  await q.getByLabel('17 traces').check();
  await run.click();
  const result = q.locator('.tutorial-result');
  await expect(result).toContainText('You said “17 traces”; your run says “1 trace”.', {
    timeout: 20_000,
  });
  await expect(q).toHaveAttribute('data-state', 'wrong');
  await expect(result).toContainText(/made 1 trace of 37 spans .* ([\d.]+) ms long \(seed 1\)/);
  const first = await result.innerText();
  // Another choice gets its own verdict from the same run.
  await q.getByLabel('1 trace').check();
  await expect(result).toContainText('You said “1 trace”, and your run agrees.');
  await expect(q).toHaveAttribute('data-state', 'right');
  // Another seed, other numbers in the words.
  await q.getByLabel('Seed').fill('5');
  await expect(result).toContainText('(seed 5)', { timeout: 20_000 });
  expect((await result.innerText()).replace('1 trace', '')).not.toEqual(
    first.replace('17 traces', ''),
  );

  await page.reload();
  const again = await panel(page, '[data-question="metadata-traces"]');
  await expect(again.getByLabel('1 trace')).toBeChecked();
  await expect(page.getByTestId('tutorial-progress')).toContainText(
    '1 of 7 questions answered (1 confirmed',
  );
  expect(errors).toEqual([]);
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`reading mode at ${size.width}x${size.height}: a live figure shows the whole scene, its trace column too`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/#/read');
    await page.locator('#read-44 .read-figure').scrollIntoViewIfNeeded();
    // A reader who would rather not guess first sees the scene at once.
    await page
      .locator('#read-44 .read-figure')
      .getByRole('button', { name: 'Show the scene now' })
      .click();
    const figure = page.locator('#read-44 .read-figure .live-scene[data-paused="false"]');
    // At a slide's pace a request takes several seconds.
    await expect(figure.locator('[data-scene-idle]')).toBeAttached({ timeout: 30_000 });
    // No pill naming a break or a mix-up covers a box's name on the topology (a phone's figure
    // draws none).
    await expect(figure.locator('canvas')).not.toHaveAttribute('data-covering-pills', /[1-9]/);
    // Measured again until the layout settles (the figure's scene is swapped as it comes into view).
    await expect
      .poll(async () => {
        const box = await figure.locator('.scene-fit').boundingBox();
        // The slide's point: the explanation and the traces it concerns.
        const traces = await figure.locator('.scene-stage-focus').boundingBox();
        const list = await figure.locator('.scene-stage-trace').last().boundingBox();
        if (!box || !traces || !list) return 'not laid out';
        const inside =
          traces.x >= box.x &&
          traces.x + traces.width <= box.x + box.width + 1 &&
          traces.y + traces.height <= box.y + box.height + 1;
        return inside && list.width > box.width * 0.3 ? 'whole' : 'cut off';
      })
      .toBe('whole');
    // The scene beside the text (wide screens) keeps every button on the screen.
    const outside = await page
      .locator('.scene-body[data-docked="true"] button')
      .evaluateAll((buttons) =>
        buttons
          .filter((b) => b.getBoundingClientRect().right > window.innerWidth)
          .map((b) => b.textContent),
      );
    expect(outside).toEqual([]);
  });
}

/** Numbered lists on slides whose widest number ("12.") needs more room than the list gives it. */
async function cutListNumbers(page: Page, slides: string) {
  return page.evaluate((selector) => {
    const measure = document.createElement('canvas').getContext('2d');
    const cut: string[] = [];
    for (const ol of document.querySelectorAll<HTMLElement>(`${selector} ol`)) {
      const last = ol.lastElementChild;
      // Only lists that draw numbers (an illustration's list may draw none).
      if (!measure || !last || getComputedStyle(last).listStyleType !== 'decimal') continue;
      const marker = getComputedStyle(last, '::marker');
      measure.font = `${marker.fontWeight} ${marker.fontSize} ${marker.fontFamily}`;
      const need = measure.measureText(`${ol.children.length}. `).width;
      const room = parseFloat(getComputedStyle(ol).paddingLeft);
      if (need > room) cut.push(`${ol.textContent?.slice(0, 40)}: ${need} > ${room}`);
    }
    return cut;
  }, slides);
}

test('at 1280x720 the docked scene names its mix-ups beside the picture, not over its boxes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // Slide 40: global mode, five requests; two pills name the mixed-up spans.
  await page.goto('/#/read/40');
  const dock = page.locator('.read-scene');
  await expect(dock.locator('[data-scene-idle]')).toBeAttached({ timeout: 30_000 });
  await expect(dock.getByTestId('context-hops')).toContainText('Requests mixed');
  // The picture fills the dock's height; the pills found room beside it (they covered Sample).
  await expect(dock.locator('canvas')).toHaveAttribute('data-covering-pills', '0');
});

test("a slide's numbered list keeps its numbers on the slide, in the deck and on the reading page", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/#/2');
  await expect(page.locator('.slide-body ol').first()).toBeVisible();
  expect(await cutListNumbers(page, '.deck .slide-body')).toEqual([]);
  await page.goto('/#/read/2');
  await expect(page.locator('.read-figure .slide-body ol').first()).toBeVisible({
    timeout: 20_000,
  });
  expect(await cutListNumbers(page, '.read-figure .slide-body')).toEqual([]);
});

test('the sandbox route fires the requests its URL asks for', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'The sandbox' }).click();
  await expect(page).toHaveURL(/#\/sandbox/);
  await page.goto('/#/sandbox?mode=metadata&requests=3');
  // At the sandbox's 1x a busy machine can take seconds to start the first spans.
  await expect(page.getByTestId('trace-count')).toContainText('3 requests', { timeout: 20_000 });
  await expect(page.getByTestId('trace-row').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('on a phone the deck offers the tutorial, and a guided step works in the flow', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/44');
  const offer = page.getByRole('complementary', { name: 'Read on a phone' });
  await offer.getByRole('link', { name: /Read the talk as a tutorial/ }).click();
  await expect(page).toHaveURL(/#\/read\/44$/);
  const guide = await panel(page, '[data-guide="links"]');
  await sendRequest(guide);
  await expect(guide.locator('.tutorial-result')).toContainText(/made 7 traces \(seed 1\)/);
  // The scene sits in the text's column, not beside it.
  const box = await guide.locator('.tutorial-scene').boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  // Its picture is there too, above the traces, and names the hop where the trace was linked: the
  // phone showed the traces alone, and the reader never saw where a trace stopped or was linked.
  const canvas = guide.locator('canvas').first();
  await expect(canvas).toBeVisible();
  await expect(canvas).toHaveAttribute('data-cut-labels', '0');
  await expect(canvas).toHaveAttribute('data-pills', /Events → Timeline: new trace, linked/);
  const picture = (await canvas.boundingBox())!;
  const traces = (await guide.locator('.sbx-col-traces').boundingBox())!;
  expect(picture.height).toBeGreaterThan(300);
  expect(picture.y + picture.height).toBeLessThanOrEqual(traces.y + 1);
  // Dismissed, the offer stays away for the visit.
  await page.goto('/#/3');
  await page.getByRole('button', { name: 'Stay on the slides' }).click();
  await page.reload();
  await expect(page.locator('.deck')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Read on a phone' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

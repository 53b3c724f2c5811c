import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { deckSteps, expectSlide } from './deckHelpers.ts';
import { ROOT } from './devServer.ts';

// Deckset talks written the way real ones are (slides/deck/fixtures/deckset/), each run by its own
// dev server with TALK=fixture, as `npm run dev -- --talk fixture` does. Every slide and build is
// walked at two projector sizes: nothing overflows, no command shows as text, builds step.
const FIXTURES = join(ROOT, 'slides', 'deck', 'fixtures', 'deckset');
const SCREENS = join(ROOT, 'test-results', 'deckset-screens');
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

/** Starts a dev server presenting `fixture` for the tests in the calling describe block. */
function useTalk(fixture: string): () => string {
  let server: ViteDevServer | undefined;
  let base = '';
  test.beforeAll(async () => {
    process.env.TALK = join(FIXTURES, fixture);
    try {
      server = await createServer({
        root: ROOT,
        configFile: join(ROOT, 'vite.config.ts'),
        logLevel: 'silent',
        cacheDir: join(ROOT, 'node_modules', '.vite-deckset-e2e'),
        server: { host: '127.0.0.1', port: 5391, strictPort: false },
      });
    } finally {
      delete process.env.TALK;
    }
    await server.listen();
    base = server.resolvedUrls?.local[0] ?? '';
  });
  test.afterAll(async () => {
    await server?.close();
  });
  return () => base;
}

/** What is wrong with the slide on screen: overflowing boxes and command text that leaked. */
async function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const slide = document.querySelector<HTMLElement>('.deck-main .slide');
    const body = slide?.querySelector<HTMLElement>('.slide-body');
    if (!slide || !body) return ['no slide'];
    if (body.scrollHeight > body.clientHeight + 1)
      found.push(`body overflows by ${body.scrollHeight - body.clientHeight}px`);
    const box = body.getBoundingClientRect();
    const frame = slide.getBoundingClientRect();
    const selector = 'h1, h2, h3, h4, h5, h6, p, li, pre, img, .deck-image, blockquote, aside';
    for (const el of body.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('.deck-background, .deck-side, .deck-footer, .step[data-shown="false"]'))
        continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const what = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      if (r.left < box.left - 1 || r.right > box.right + 1) found.push(`${what} too wide`);
      if (r.top < box.top - 1 || r.bottom > box.bottom + 1) found.push(`${what} too tall`);
      if (el.tagName === 'PRE' && !el.dataset.cut && el.scrollWidth > el.clientWidth + 2)
        found.push(`${what} lines cut without saying so`);
    }
    for (const el of slide.querySelectorAll<HTMLElement>('.deck-footer')) {
      const r = el.getBoundingClientRect();
      if (r.bottom > frame.bottom + 1 || r.right > frame.right + 1) found.push('footer outside');
    }
    const text = slide.innerText;
    const leaks = [
      /\[\.[a-z-]+/i,
      /\[fit\]/i,
      /^\s*(theme|autoscale|build-lists|footer|slidenumbers|slidecount|slide-dividers|code-language|header|list)\s*:/im,
      /<!--|<br/i,
      /~~/,
      /\[\^\w+\]/,
    ];
    for (const re of leaks) if (re.test(text)) found.push(`raw text ${String(re)}`);
    return found;
  });
}

/** Visits every slide and build, checks it and saves a screenshot to look at. */
async function walk(page: Page, base: string, fixture: string, size: { width: number }) {
  await page.goto(`${base}#/1`);
  // The dev server compiles the talk (and starts the highlighter) on this first request.
  await page.locator('.deck-main .slide').waitFor({ timeout: 60_000 });
  await expectSlide(page, 1);
  const steps = await deckSteps(page);
  const dir = join(SCREENS, fixture.replace(/\.md$/, ''));
  mkdirSync(dir, { recursive: true });
  const report: Record<string, string[]> = {};
  for (let i = 0; i < steps.length; i++) {
    for (let step = 0; step <= (steps[i] ?? 0); step++) {
      const at = `${i + 1}${step ? `.${step}` : ''}`;
      await page.goto(`${base}#/${at}`);
      await expectSlide(page, i + 1, step);
      // Pictures load after the slide: fitting runs again when they do.
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>('.deck-main img')].every((i) => i.complete),
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      const found = await problems(page);
      if (found.length) report[at] = found;
      await page.screenshot({ path: join(dir, `${size.width}-${at}.png`) });
    }
  }
  expect(report).toEqual({});
  return steps;
}

for (const size of SIZES) {
  test.describe(`Deckset fixtures at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size, reducedMotion: 'reduce' });

    test.describe('basics.md', () => {
      const base = useTalk('basics.md');
      test('every slide fits; settings, footer, numbers, build lists, footnotes', async ({
        page,
      }) => {
        const steps = await walk(page, base(), 'basics.md', size);
        expect(steps.slice(0, 3)).toEqual([0, 3, 0]);
        const slide = page.locator('.deck-main .slide');
        await page.goto(`${base()}#/1`);
        await expect(slide).not.toContainText('theme');
        await expect(slide.locator('.deck-footer')).toContainText('@alexander');
        await expect(slide.locator('.deck-footer strong')).toHaveText('@alexander');
        await expect(slide.locator('.deck-slide-number')).toHaveText('1 / 7');
        // Build lists: one top-level item per build, by key.
        await page.goto(`${base()}#/2`);
        const shown = slide.locator('.slide-body > ul > li:has(> .step[data-shown="true"])');
        await expect(shown).toHaveCount(0);
        await page.keyboard.press('ArrowRight');
        await expect(page).toHaveURL(/#\/2\.1$/);
        await expect(shown).toHaveCount(1);
        await page.keyboard.press('ArrowRight');
        await expect(shown).toHaveCount(2);
        await page.goto(`${base()}#/4`);
        await expect(slide.locator('.deck-footer')).toHaveCount(0);
        await page.goto(`${base()}#/5`);
        await expect(slide.locator('del')).toHaveText('Logs');
        await expect(slide.locator('.deck-footnotes')).toContainText('W3C Trace Context, 2021.');
      });
    });

    test.describe('code.md', () => {
      const base = useTalk('code.md');
      test('code is highlighted, fits or says it was cut, and highlights lines per build', async ({
        page,
      }) => {
        await walk(page, base(), 'code.md', size);
        const slide = page.locator('.deck-main .slide');
        await page.goto(`${base()}#/2`);
        await expect(slide.locator('pre .tk-keyword').first()).toHaveText('defmodule');
        const lit = slide.locator('pre .line:not([data-dim])');
        await page.goto(`${base()}#/3`);
        await expect(lit).toHaveCount(0);
        await page.keyboard.press('ArrowRight');
        await expect(page).toHaveURL(/#\/3\.1$/);
        await expect(lit).toHaveText(['  use Commanded.Event.Handler, name: __MODULE__']);
        await page.goto(`${base()}#/3.2`);
        await expect(lit).toHaveCount(3);
        await page.goto(`${base()}#/3.4`);
        await expect(lit).toHaveCount(9);
        // 70 lines cannot be read on one slide: the block is cut, and says how much.
        await page.goto(`${base()}#/8`);
        const cut = slide.locator('pre[data-cut="bottom"]');
        await expect(cut).toHaveAttribute('data-cut-lines', /^\d+$/);
        // 36 lines fit at a readable size, or are cut with a note, never silently.
        await page.goto(`${base()}#/7`);
        const pre = slide.locator('pre');
        const scale = Number(await pre.evaluate((el) => el.style.getPropertyValue('--code-scale')));
        expect(scale).toBeGreaterThanOrEqual(0.45);
      });
    });

    test.describe('layout.md', () => {
      const base = useTalk('layout.md');
      test('columns stand side by side; colours and dividers apply', async ({ page }) => {
        const steps = await walk(page, base(), 'layout.md', size);
        expect(steps).toHaveLength(6);
        const slide = page.locator('.deck-main .slide');
        await page.goto(`${base()}#/2`);
        const columns = slide.locator('.deck-column');
        await expect(columns).toHaveCount(2);
        const [a, b] = await columns.evaluateAll((els) =>
          els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
        );
        expect(b!.left).toBeGreaterThan(a!.right);
        expect(Math.abs(b!.top - a!.top)).toBeLessThan(2);
        await page.goto(`${base()}#/3`);
        await expect(slide.locator('.deck-fill')).toHaveCSS('background-color', 'rgb(29, 53, 87)');
        await expect(slide.locator('h2')).toHaveCSS('color', 'rgb(255, 255, 255)');
      });
    });

    test.describe('images.md', () => {
      const base = useTalk('images.md');
      test('every image form places its picture; a missing one is a placeholder', async ({
        page,
      }) => {
        await walk(page, base(), 'images.md', size);
        const slide = page.locator('.deck-main .slide');
        const stageWidth = await page.locator('.deck-main .stage').evaluate((e) => e.clientWidth);
        await page.goto(`${base()}#/4`);
        await expect(slide.locator('.deck-background img')).toHaveJSProperty('complete', true);
        expect(
          await slide
            .locator('.deck-background img')
            .evaluate((i: HTMLImageElement) => i.naturalWidth),
        ).toBeGreaterThan(0);
        await page.goto(`${base()}#/8`);
        const side = await slide.locator('.deck-side').boundingBox();
        expect(side!.width / stageWidth).toBeCloseTo(0.5, 2);
        await expect(slide.locator('.deck-side img')).toHaveCSS('object-fit', 'contain');
        // Inline pictures scale with the slide: the same share of its width at every size.
        await page.goto(`${base()}#/10`);
        const inline = await slide.locator('img[data-place="inline"]').boundingBox();
        expect(inline!.width / stageWidth).toBeCloseTo(320 / 1280, 2);
        await page.goto(`${base()}#/13`);
        await expect(
          slide.getByRole('img', { name: 'Missing image: images/not-there.png' }),
        ).toBeVisible();
        await page.goto(`${base()}#/14`);
        await expect(slide.locator('.deck-image-missing')).toContainText('images/also missing.jpg');
      });
    });

    test.describe('unknown.md', () => {
      const base = useTalk('unknown.md');
      test('unknown commands are left out and reported once in the console', async ({ page }) => {
        const warnings: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'warning' && m.text().includes('[deck]')) warnings.push(m.text());
        });
        await walk(page, base(), 'unknown.md', size);
        await expect(page.locator('.deck-main .slide')).not.toContainText('sparkles');
        // One report per page load (walk navigates by hash: one load).
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain(
          'Command [.sparkles] is unknown and was left out (slide 1, 2).',
        );
      });
    });
  });
}

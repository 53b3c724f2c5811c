/**
 * Screenshots every slide (all builds shown) at 1920x1080, 1280x720 and a phone width, into
 * test-results/deck-screens/ (or `--out DIR`), for a person to look at.
 * `npm run screenshots:deck [-- --build] [-- --out DIR] [-- --slides 29,31] [-- --sizes 1920x1080]
 * [-- --split] [-- --themes dark,light]`; `--split` shows the live scene beside the slides (the `l`
 * key), into `WxH-split/`; `--themes` takes each slide in each theme, into `WxH-<theme>/`.
 * Playwright empties test-results/ when it starts, so use --out to keep them while tests run.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import { startPreview } from './previewServer.ts';

const ALL_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
];

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const out = arg('--out') ?? 'test-results/deck-screens';
const only = arg('--slides')?.split(',').map(Number);
const SIZES = ALL_SIZES.filter(
  (s) => arg('--sizes')?.split(',').includes(`${s.width}x${s.height}`) ?? true,
);
const split = process.argv.includes('--split');
/** The deck's default theme only, unless themes are asked for. */
const themes: (string | undefined)[] = arg('--themes')?.split(',') ?? [undefined];
const server = await startPreview(process.argv.includes('--build'));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const size of SIZES)
    for (const theme of themes) {
      const dir = `${out}/${size.width}x${size.height}${split ? '-split' : ''}${theme ? `-${theme}` : ''}`;
      mkdirSync(dir, { recursive: true });
      // Reduced motion: bars are drawn at once, so the picture is the settled one.
      const page = await browser.newPage({ viewport: size, reducedMotion: 'reduce' });
      // The deck keeps its theme in localStorage ('deck.theme').
      if (theme) await page.addInitScript((t) => localStorage.setItem('deck.theme', t), theme);
      await page.goto(`${server.url}/#/1`);
      await page.locator('.slide').first().waitFor();
      if (split) {
        await page.keyboard.press('l');
        await page.locator('.scene-dock').waitFor();
      }
      const steps = await page.evaluate(() => {
        const raw = document.querySelector('.deck')?.getAttribute('data-steps') ?? '[]';
        return JSON.parse(raw) as number[];
      });
      for (let i = 0; i < steps.length; i++) {
        if (only && !only.includes(i + 1)) continue;
        const hash = `#/${i + 1}${steps[i] ? `.${steps[i]}` : ''}`;
        await page.evaluate((h) => (location.hash = h), hash);
        await page.locator(`.deck-main .slide[data-slide="${i + 1}"]`).waitFor();
        await page.waitForFunction(() => !document.querySelector('[data-scene-loading]'));
        await page.waitForFunction(
          () =>
            document.querySelectorAll('.live-scene').length ===
            document.querySelectorAll('.live-scene [data-scene-idle]').length,
        );
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `${dir}/slide-${String(i + 1).padStart(2, '0')}.png` });
      }
      await page.close();
      console.log(`${steps.length} slides at ${size.width}x${size.height} in ${dir}`);
    }
} finally {
  await browser.close();
  await server.close();
}

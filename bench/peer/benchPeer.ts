/**
 * `npm run bench:deck:peer [-- --build] [-- --seed path/to/talk.md]`: our deck against a peer.
 *
 * The peer is the seed talk (Deckset markdown, 41 slides) converted at bench time into
 * Spectacle's markdown and built as a static site; Spectacle is installed on demand into
 * node_modules/.cache/deck-peer/, never into the project's dependencies. Both decks are served
 * from 127.0.0.1 and measured by the same harness (measureDeck.ts, the method of
 * scripts/bench-deck.ts): first-slide JavaScript (gzip) and the median time of a slide change.
 *
 * Our deck is measured over its first 41 slides (the seed slides; the later ones are our own
 * additions), every build step included; it is also measured over the whole deck for reference.
 * Our site is built with the project's vite.config.ts into node_modules/.cache/deck-peer/ours-dist,
 * not dist/: teammates' builds empty dist/ while they run, which would break a page under
 * measurement. It is built when missing or with `--build` (as in `npm run bench:deck -- --build`),
 * from the working tree as it is at that moment. Both sites are served by the same static server.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium.ts';
import { measureDeck, median, type DeckFigures, type DeckProbe } from './measureDeck.ts';
import { buildPeerDeck, CACHE_ROOT, PEER_NAME } from './spectaclePeer.ts';
import { serveStatic } from './staticServer.ts';

const args = process.argv.slice(2);
const seedIndex = args.indexOf('--seed');
const SEED = seedIndex >= 0 ? args[seedIndex + 1]! : '/work/shared/seed/talk.md';
const log = (line: string) => console.log(line);

/** Our deck: `.deck[data-steps]` lists the builds of every slide; `.deck-main .slide` is current. */
function ourProbe(url: string, maxSlides: number): DeckProbe {
  const steps = (page: Page) =>
    page.evaluate(
      () =>
        JSON.parse(document.querySelector('.deck')?.getAttribute('data-steps') ?? '[]') as number[],
    );
  return {
    name: `ours (${maxSlides === Infinity ? 'whole deck' : `slides 1-${maxSlides}`})`,
    url: `${url}/#/1`,
    ready: `!!document.querySelector('.deck-main .slide[data-slide="1"]')`,
    where: `(() => { const el = document.querySelector('.deck-main .slide'); return el.getAttribute('data-slide') + '.' + el.getAttribute('data-step'); })()`,
    positions: async (page) =>
      (await steps(page)).slice(0, maxSlides).reduce((n, s) => n + s + 1, 0),
    slides: async (page) => Math.min(maxSlides, (await steps(page)).length),
    restart: (page) => page.keyboard.press('Home'),
    settle: `!document.querySelector('[data-scene-loading]')`,
  };
}

/**
 * Spectacle: the current position is in the URL (`?slideIndex=0&stepIndex=0`, pushed once the
 * slide change is committed); every slide leaves a `[data-slide-id]` placeholder. The markdown
 * slides have no builds, so positions = slides. Spectacle has no Home key: ArrowLeft back.
 */
function peerProbe(url: string): DeckProbe {
  const count = (page: Page) =>
    page.evaluate(() => document.querySelectorAll('[data-slide-id]').length);
  return {
    name: 'peer',
    url: `${url}/?slideIndex=0&stepIndex=0`,
    ready: `document.querySelectorAll('[data-slide-id]').length > 0 && new URLSearchParams(location.search).has('slideIndex')`,
    where: `(() => { const q = new URLSearchParams(location.search); return (Number(q.get('slideIndex')) + 1) + '.' + (q.get('stepIndex') ?? '0'); })()`,
    positions: count,
    slides: count,
    restart: async (page) => {
      const n = await count(page);
      for (let i = 1; i < n; i++) await page.keyboard.press('ArrowLeft');
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

function summary(f: DeckFigures) {
  const slideOnly = (xs: number[]) => xs.filter((_, i) => f.slideChange[i]);
  return {
    jsGzipKB: f.jsGzipBytes / 1024,
    slides: f.slides,
    changes: f.laid.length,
    slideChanges: f.slideChange.filter(Boolean).length,
    medianLaidMs: median(f.laid),
    medianPaintedMs: median(f.painted),
    medianLaidSlideOnlyMs: median(slideOnly(f.laid)),
    medianPaintedSlideOnlyMs: median(slideOnly(f.painted)),
    slowestLaidMs: Math.max(...f.laid),
  };
}

function printScripts(title: string, f: DeckFigures) {
  console.log(`${title}: JavaScript for the first slide (gzip)`);
  for (const s of f.scripts) console.log(`  ${kb(s.gzipBytes).padStart(9)}  ${s.path}`);
  console.log(`  ${kb(f.jsGzipBytes).padStart(9)}  total`);
}

// Build and serve the peer first: its first-run install must not hold our server open.
const peerBuild = await buildPeerDeck(SEED, log);
const peerServer = await serveStatic(peerBuild.distDir);
const OUR_DIST = join(CACHE_ROOT, 'ours-dist');
if (args.includes('--build') || !existsSync(`${OUR_DIST}/index.html`)) {
  log(`Building our site into ${OUR_DIST}…`);
  await build({ logLevel: 'warn', build: { outDir: OUR_DIST, emptyOutDir: true } });
}
const ourServer = await serveStatic(OUR_DIST);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const seedSlides = peerBuild.slides;
  const ours = await measureDeck(browser, ourProbe(ourServer.url, seedSlides));
  const oursAll = await measureDeck(browser, ourProbe(ourServer.url, Infinity));
  const peer = await measureDeck(browser, peerProbe(peerServer.url));

  printScripts('Ours', ours);
  printScripts(PEER_NAME, peer);
  if (peer.slides !== seedSlides)
    throw new Error(`The peer deck shows ${peer.slides} slides, the seed has ${seedSlides}`);
  if (peer.slideChange.some((c) => !c))
    throw new Error('The peer deck has builds: positions would not equal slides');

  const o = summary(ours);
  const a = summary(oursAll);
  const p = summary(peer);
  const rows: [string, string, string, string, string][] = [
    [
      'first-slide JS, gzip',
      kb(ours.jsGzipBytes),
      kb(peer.jsGzipBytes),
      ratio(ours.jsGzipBytes, peer.jsGzipBytes),
      kb(oursAll.jsGzipBytes),
    ],
    [
      'median change → laid out',
      ms(o.medianLaidMs),
      ms(p.medianLaidMs),
      ratio(o.medianLaidMs, p.medianLaidMs),
      ms(a.medianLaidMs),
    ],
    [
      'median change → painted (2 rAF)',
      ms(o.medianPaintedMs),
      ms(p.medianPaintedMs),
      ratio(o.medianPaintedMs, p.medianPaintedMs),
      ms(a.medianPaintedMs),
    ],
    [
      '  slide-to-slide only → laid out',
      ms(o.medianLaidSlideOnlyMs),
      ms(p.medianLaidSlideOnlyMs),
      ratio(o.medianLaidSlideOnlyMs, p.medianLaidSlideOnlyMs),
      ms(a.medianLaidSlideOnlyMs),
    ],
    [
      '  slide-to-slide only → painted',
      ms(o.medianPaintedSlideOnlyMs),
      ms(p.medianPaintedSlideOnlyMs),
      ratio(o.medianPaintedSlideOnlyMs, p.medianPaintedSlideOnlyMs),
      ms(a.medianPaintedSlideOnlyMs),
    ],
    [
      'slowest change → laid out',
      ms(o.slowestLaidMs),
      ms(p.slowestLaidMs),
      ratio(o.slowestLaidMs, p.slowestLaidMs),
      ms(a.slowestLaidMs),
    ],
    ['slides', String(o.slides), String(p.slides), ratio(o.slides, p.slides), String(a.slides)],
    [
      'changes measured (slides + builds)',
      `${o.changes} (${o.slideChanges} + ${o.changes - o.slideChanges})`,
      `${p.changes} (${p.slideChanges} + 0)`,
      '',
      `${a.changes} (${a.slideChanges} + ${a.changes - a.slideChanges})`,
    ],
  ];
  const head = ['', `ours, slides 1-${seedSlides}`, 'peer', 'ours/peer', 'ours, whole deck'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  console.log('');
  console.log(`Ours vs ${PEER_NAME}: the seed talk (${SEED}), headless Chromium 1920x1080`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(
    'ratio < 1: ours is smaller/faster. "Whole deck" is for reference only (its slides after the seed ones are not in the peer).',
  );

  mkdirSync('bench-results/peer', { recursive: true });
  writeFileSync(
    'bench-results/peer/last-run.json',
    JSON.stringify(
      {
        peer: PEER_NAME,
        seed: SEED,
        ours: o,
        oursWholeDeck: a,
        peerFigures: p,
        raw: { ours, oursAll, peer },
      },
      null,
      2,
    ),
  );
  console.log('Raw timings: bench-results/peer/last-run.json');
} finally {
  await browser.close();
  await ourServer.close();
  await peerServer.close();
}

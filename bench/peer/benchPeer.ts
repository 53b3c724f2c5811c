/**
 * `npm run bench:deck:peer [-- --build] [-- --seed path/to/talk.md]`: our deck against two peers.
 *
 * Peer 1 is the seed talk (Deckset markdown, 41 slides) converted at bench time into
 * Spectacle's markdown and built as a static site; Spectacle is installed on demand into
 * node_modules/.cache/deck-peer/, never into the project's dependencies. Peer 2 is the talk's
 * Slidev version (../shared/peers/slidev, see slidevPeer.ts), installed and built the same way.
 * All decks are served
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
import { buildSlidevPeer } from './slidevPeer.ts';
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
 * Slidev: the current slide is the URL's path (`/3`), with `?clicks=N` for builds (the talk has
 * none). ArrowLeft goes back to the start.
 */
function slidevProbe(url: string, slides: number): DeckProbe {
  // Slidev mounts only the slides near the current one: the count comes from its markdown.
  const count = () => Promise.resolve(slides);
  return {
    name: 'Slidev',
    url: `${url}/1`,
    ready: `location.pathname === '/1' && !!document.querySelector('.slidev-page-1')`,
    where: `(location.pathname.replace(/^\\//, '') + '.' + (new URLSearchParams(location.search).get('clicks') ?? '0'))`,
    positions: count,
    slides: count,
    restart: async (page) => {
      for (let i = 1; i < slides; i++) await page.keyboard.press('ArrowLeft');
    },
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
    medianNextFrameMs: median(f.nextFrames),
    medianLaidSlideOnlyMs: median(slideOnly(f.laid)),
    medianPaintedSlideOnlyMs: median(slideOnly(f.painted)),
    slowestLaidMs: Math.max(...f.laid),
  };
}
type Summary = ReturnType<typeof summary>;

function printScripts(title: string, f: DeckFigures) {
  console.log(`${title}: JavaScript for the first slide (gzip)`);
  for (const s of f.scripts) console.log(`  ${kb(s.gzipBytes).padStart(9)}  ${s.path}`);
  console.log(`  ${kb(f.jsGzipBytes).padStart(9)}  total`);
}

/** One row: ours, each peer, ours over each peer, ours over the whole deck. */
function figureRow(
  name: string,
  pick: (s: Summary) => number,
  show: (v: number) => string,
  o: Summary,
  peers: Summary[],
  all: Summary,
): string[] {
  return [
    name,
    show(pick(o)),
    ...peers.map((p) => show(pick(p))),
    ...peers.map((p) => ratio(pick(o), pick(p))),
    show(pick(all)),
  ];
}

// Build and serve the peers first: a first-run install must not hold our server open.
const spectacleBuild = await buildPeerDeck(SEED, log);
const slidev = buildSlidevPeer(log);
const spectacleServer = await serveStatic(spectacleBuild.distDir);
const slidevServer = await serveStatic(slidev.distDir);
const OUR_DIST = join(CACHE_ROOT, 'ours-dist');
if (args.includes('--build') || !existsSync(`${OUR_DIST}/index.html`)) {
  log(`Building our site into ${OUR_DIST}…`);
  await build({ logLevel: 'warn', build: { outDir: OUR_DIST, emptyOutDir: true } });
}
const ourServer = await serveStatic(OUR_DIST);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const seedSlides = spectacleBuild.slides;
  const ours = await measureDeck(browser, ourProbe(ourServer.url, seedSlides));
  const oursAll = await measureDeck(browser, ourProbe(ourServer.url, Infinity));
  const spectacle = await measureDeck(browser, peerProbe(spectacleServer.url));
  const slidevFigures = await measureDeck(browser, slidevProbe(slidevServer.url, slidev.slides));
  const peers = [
    { name: PEER_NAME, short: 'Spectacle', figures: spectacle },
    { name: slidev.name, short: 'Slidev', figures: slidevFigures },
  ];

  printScripts('Ours', ours);
  for (const p of peers) printScripts(p.name, p.figures);
  for (const p of peers) {
    if (p.figures.slides !== seedSlides)
      throw new Error(`${p.name} shows ${p.figures.slides} slides, the seed has ${seedSlides}`);
    if (p.figures.slideChange.some((c) => !c))
      throw new Error(`${p.name} has builds: positions would not equal slides`);
  }

  const o = summary(ours);
  const a = summary(oursAll);
  const ps = peers.map((p) => summary(p.figures));
  const rows = [
    figureRow('first-slide JS, gzip', (s) => s.jsGzipKB * 1024, kb, o, ps, a),
    figureRow('median change → laid out', (s) => s.medianLaidMs, ms, o, ps, a),
    figureRow('median change → painted', (s) => s.medianPaintedMs, ms, o, ps, a),
    figureRow('  slide-to-slide only → laid out', (s) => s.medianLaidSlideOnlyMs, ms, o, ps, a),
    figureRow('  slide-to-slide only → painted', (s) => s.medianPaintedSlideOnlyMs, ms, o, ps, a),
    figureRow(
      'median change → frame after (was "2 rAF")',
      (s) => s.medianNextFrameMs,
      ms,
      o,
      ps,
      a,
    ),
    figureRow('slowest change → laid out', (s) => s.slowestLaidMs, ms, o, ps, a),
    figureRow('slides', (s) => s.slides, String, o, ps, a),
  ];
  const head = [
    '',
    `ours, slides 1-${seedSlides}`,
    ...peers.map((p) => p.short),
    ...peers.map((p) => `ours/${p.short}`),
    'ours, whole deck',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  console.log('');
  console.log(
    `Ours vs ${peers.map((p) => p.name).join(' and ')}: the seed talk (${SEED}), headless Chromium 1920x1080`,
  );
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(
    'ratio < 1: ours is smaller/faster. "Painted": the frame showing the change rendered on the main thread (sub-frame resolution). "Whole deck" is for reference only.',
  );

  mkdirSync('bench-results/peer', { recursive: true });
  writeFileSync(
    'bench-results/peer/last-run.json',
    JSON.stringify(
      {
        peers: peers.map((p) => p.name),
        seed: SEED,
        ours: o,
        oursWholeDeck: a,
        peerFigures: Object.fromEntries(peers.map((p, i) => [p.short, ps[i]])),
        raw: { ours, oursAll, spectacle, slidev: slidevFigures },
      },
      null,
      2,
    ),
  );
  console.log('Raw timings: bench-results/peer/last-run.json');
} finally {
  await browser.close();
  await ourServer.close();
  await spectacleServer.close();
  await slidevServer.close();
}

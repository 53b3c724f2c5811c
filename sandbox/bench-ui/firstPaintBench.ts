/**
 * First paint of the site's entry routes against the talk's Slidev deck, cold loads in rounds
 * that interleave the pages (so the machine's other work falls on every side of a ratio):
 * when the browser first painted anything (FCP), when it painted the text the route is for, and
 * whether a "Loading…" fallback painted before it. Times come from the browser's paint timing
 * (Element Timing renderTime), below one frame's resolution.
 */
import type { Browser } from '@playwright/test';
import { measureFirstPaint, type PaintFigures } from '../../bench/peer/firstPaint.ts';
import { serveStatic } from '../../bench/peer/staticServer.ts';
import { buildSlidevPeer } from '../../bench/peer/slidevPeer.ts';
import { spread, type Spread } from './stats.ts';

/** Each route, and the text a visitor opened it for. */
export const ROUTES = [
  { route: 'deck', path: '/#/1', wanted: '^\\s*Tracing\\s*$', what: "the first slide's title" },
  { route: 'sandbox', path: '/#/sandbox', wanted: '^\\s*Send request\\s*$', what: 'the controls' },
  { route: 'read', path: '/#/read', wanted: '^\\s*Tracing\\s*$', what: 'the first section' },
  {
    route: 'exercises',
    path: '/#/exercises',
    wanted: '^\\s*The Tracing Plug\\s*$',
    what: 'the list',
  },
] as const;

export interface RouteFigures {
  route: string;
  site: string;
  wantedMs: Spread;
  fcpMs: Spread;
  /** Rounds in which a "Loading…" fallback painted before the content. */
  fallbackRounds: number;
}

export interface FirstPaintResult {
  peer: string;
  rounds: number;
  routes: RouteFigures[];
  peerTitleMs: Spread;
  /** Our first slide's title paint over Slidev's, per round. */
  deckOverPeer: Spread;
  /** Each route's content paint over Slidev's first slide title, per round (deck too). */
  routeOverPeer: Record<string, Spread>;
}

export async function firstPaintBench(
  browser: Browser,
  sites: { name: string; url: string }[],
  rounds: number,
  log: (line: string) => void,
): Promise<FirstPaintResult> {
  const peer = buildSlidevPeer(log);
  const peerServer = await serveStatic(peer.distDir);
  try {
    const figures = new Map<string, PaintFigures[]>();
    const add = (key: string, f: PaintFigures) =>
      figures.set(key, [...(figures.get(key) ?? []), f]);
    const ratios = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      const slidev = await measureFirstPaint(browser, `${peerServer.url}/1`, ROUTES[0].wanted);
      add('peer', slidev);
      for (const site of sites)
        for (const r of ROUTES) {
          const f = await measureFirstPaint(browser, `${site.url}${r.path}`, r.wanted);
          add(`${site.name} ${r.route}`, f);
          if (site === sites[0])
            ratios.set(r.route, [...(ratios.get(r.route) ?? []), f.titleMs / slidev.titleMs]);
        }
    }
    const routes: RouteFigures[] = [];
    for (const site of sites)
      for (const r of ROUTES) {
        const fs = figures.get(`${site.name} ${r.route}`) ?? [];
        routes.push({
          route: r.route,
          site: site.name,
          wantedMs: spread(fs.map((f) => f.titleMs)),
          fcpMs: spread(fs.map((f) => f.fcpMs)),
          fallbackRounds: fs.filter((f) => f.fallbackMs !== null && f.fallbackMs < f.titleMs)
            .length,
        });
      }
    return {
      peer: peer.name,
      rounds,
      routes,
      peerTitleMs: spread((figures.get('peer') ?? []).map((f) => f.titleMs)),
      deckOverPeer: spread(ratios.get('deck') ?? [], 2),
      routeOverPeer: Object.fromEntries(
        ROUTES.map((r) => [r.route, spread(ratios.get(r.route) ?? [], 2)]),
      ),
    };
  } finally {
    await peerServer.close();
  }
}

import { createElement, type ComponentType } from 'react';
import { lazyLoaded } from './lazyLoaded.ts';

/**
 * The site's hash routes. Each entry matches the path after `#/`, split at `/`, and names the
 * view that renders it; views load lazily so each part of the site ships its own code.
 * The deck's place is the last number in the URL: `#/12` is slide 12, `#/12.2` slide 12 with two
 * builds shown, `#/presenter/12` the presenter view there.
 */
export interface RouteEntry {
  name: string;
  /** Props for the view when the segments belong to this route, else undefined. */
  match(segments: readonly string[]): Record<string, unknown> | undefined;
  view: ComponentType<Record<string, unknown>>;
  /**
   * Loads the view's code. The entry point awaits it for the route a visitor opens before the
   * first render, so the first paint is the content, not a "Loading…" fallback.
   */
  preload?: () => Promise<unknown>;
}

const POSITION = /^\d+(\.\d+)?$/;

type View = ComponentType<Record<string, unknown>>;

/** A view whose code loads on demand; `preload` loads it before the first render (lazyLoaded.ts). */
function lazyView(load: () => Promise<View>): { view: View; preload: () => Promise<View> } {
  const { Component, preload } = lazyLoaded(load);
  return { view: Component as View, preload };
}

// The front page too: the first slide's JavaScript does not carry it (the build prerenders it).
const Home = lazyView(() => import('./Home.tsx').then((m) => m.Home as View));
const talkViews = () => import('../slides/TalkViews.tsx');
const TalkDeck = lazyView(() => talkViews().then((m) => m.TalkDeck as View));
type TalkViews = Awaited<ReturnType<typeof talkViews>>;
/**
 * A view that shows speaker notes or reader text: it waits for the whole talk (the first slide
 * loads only what the audience sees: slides/talkContent.tsx), and for what else it names.
 */
const wholeTalkView = (pick: (m: TalkViews) => View, also?: (m: TalkViews) => Promise<unknown>) =>
  lazyView(() =>
    talkViews().then(async (m) => {
      await Promise.all([m.preloadWholeTalk(), also?.(m)]);
      return pick(m);
    }),
  );
const TalkPresenter = wholeTalkView((m) => m.TalkPresenter as View);
const TalkPrint = wholeTalkView((m) => m.TalkPrint as View);
// With the reading page's own view loaded too: its first render never suspends.
const TalkReading = wholeTalkView(
  (m) => m.TalkReading as View,
  (m) => m.preloadReadingView(),
);
// The sandbox page reads and writes its own query (`#/sandbox?mode=…&requests=3`).
const SandboxPage = lazyView(() =>
  import('../sandbox/views/SandboxPage.tsx').then((m) => () => createElement(m.default)),
);
// The workshop reads its exercise from the hash itself (`#/exercises/3`).
const ExercisesPage = lazyView(() =>
  import('../exercises/web/ExercisesPage.tsx').then((m) => () => createElement(m.default)),
);

export const routes: readonly RouteEntry[] = [
  { name: 'home', match: (s) => (s.length === 0 ? {} : undefined), ...Home },
  {
    name: 'deck',
    match: (s) => (s.length === 1 && POSITION.test(s[0] ?? '') ? {} : undefined),
    ...TalkDeck,
  },
  {
    name: 'presenter',
    match: (s) =>
      s[0] === 'presenter' && (s.length === 1 || (s.length === 2 && POSITION.test(s[1] ?? '')))
        ? {}
        : undefined,
    ...TalkPresenter,
  },
  {
    name: 'print',
    match: (s) =>
      s[0] === 'print' && (s.length === 1 || (s.length === 2 && s[1] === 'notes'))
        ? { notes: s[1] === 'notes' }
        : undefined,
    ...TalkPrint,
  },
  {
    name: 'sandbox',
    match: (s) => (s.length === 1 && s[0] === 'sandbox' ? {} : undefined),
    ...SandboxPage,
  },
  {
    // The talk as an article; `#/read/12` opens it at slide 12's section.
    name: 'read',
    match: (s) =>
      s[0] === 'read' && (s.length === 1 || (s.length === 2 && POSITION.test(s[1] ?? '')))
        ? { slide: s[1] === undefined ? undefined : Number.parseInt(s[1], 10) }
        : undefined,
    ...TalkReading,
  },
  {
    name: 'exercises',
    // `#/exercises/3` or `#/exercises/03-inject`; the page shows the list for an unknown one.
    match: (s) => (s[0] === 'exercises' && s.length <= 2 ? {} : undefined),
    ...ExercisesPage,
  },
];

export function hashSegments(hash: string): string[] {
  return hash
    .replace(/^#\/?/, '')
    .split('?')[0]!
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
}

/** The route for a `location.hash`, with its view's props; undefined when nothing matches. */
export function matchRoute(
  hash: string,
): { entry: RouteEntry; props: Record<string, unknown> } | undefined {
  const segments = hashSegments(hash);
  for (const entry of routes) {
    const props = entry.match(segments);
    if (props) return { entry, props };
  }
  return undefined;
}

/** `/12` or `/presenter/12` (a path, not a hash) as the hash route it means; undefined for `/`. */
export function hashForPath(pathname: string): string | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path === '' || path === '/index.html') return undefined;
  return matchRoute(`#${path}`) ? `#${path}` : undefined;
}

import { createElement, lazy, type ComponentType } from 'react';
import { Home } from './Home.tsx';

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
}

const POSITION = /^\d+(\.\d+)?$/;

const TalkDeck = lazy(() =>
  import('../slides/TalkViews.tsx').then((m) => ({ default: m.TalkDeck })),
);
const TalkPresenter = lazy(() =>
  import('../slides/TalkViews.tsx').then((m) => ({ default: m.TalkPresenter })),
);
const TalkPrint = lazy(() =>
  import('../slides/TalkViews.tsx').then((m) => ({ default: m.TalkPrint })),
);

// The sandbox page reads and writes its own query (`#/sandbox?mode=…&requests=3`).
const SandboxPage = lazy(() =>
  import('../sandbox/views/SandboxPage.tsx').then((m) => ({
    default: () => createElement(m.default),
  })),
);
// The workshop reads its exercise from the hash itself (`#/exercises/3`).
const ExercisesPage = lazy(() =>
  import('../exercises/web/ExercisesPage.tsx').then((m) => ({
    default: () => createElement(m.default),
  })),
);
const TalkReading = lazy(() =>
  import('../slides/TalkViews.tsx').then((m) => ({ default: m.TalkReading })),
);

export const routes: readonly RouteEntry[] = [
  { name: 'home', match: (s) => (s.length === 0 ? {} : undefined), view: Home },
  {
    name: 'deck',
    match: (s) => (s.length === 1 && POSITION.test(s[0] ?? '') ? {} : undefined),
    view: TalkDeck,
  },
  {
    name: 'presenter',
    match: (s) =>
      s[0] === 'presenter' && (s.length === 1 || (s.length === 2 && POSITION.test(s[1] ?? '')))
        ? {}
        : undefined,
    view: TalkPresenter,
  },
  {
    name: 'print',
    match: (s) =>
      s[0] === 'print' && (s.length === 1 || (s.length === 2 && s[1] === 'notes'))
        ? { notes: s[1] === 'notes' }
        : undefined,
    view: TalkPrint,
  },
  {
    name: 'sandbox',
    match: (s) => (s.length === 1 && s[0] === 'sandbox' ? {} : undefined),
    view: SandboxPage,
  },
  {
    // The talk as an article; `#/read/12` opens it at slide 12's section.
    name: 'read',
    match: (s) =>
      s[0] === 'read' && (s.length === 1 || (s.length === 2 && POSITION.test(s[1] ?? '')))
        ? { slide: s[1] === undefined ? undefined : Number.parseInt(s[1], 10) }
        : undefined,
    view: TalkReading,
  },
  {
    name: 'exercises',
    // `#/exercises/3` or `#/exercises/03-inject`; the page shows the list for an unknown one.
    match: (s) => (s[0] === 'exercises' && s.length <= 2 ? {} : undefined),
    view: ExercisesPage,
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

/**
 * The routes whose first paint is prerendered at build time (a "shell"): index.html carries each
 * one's markup, hidden, and a small head script (app/routePreload.ts) shows the one whose route
 * was opened, before any JavaScript of the app has loaded. React then hydrates it. Only routes
 * whose first render the build can know are here: an exact route with no query, and with the
 * saved state that changes how it looks at its defaults.
 */
import { READ_WIDE } from '../../slides/read/readLayout.ts';

export interface ShellRoute {
  /** The shell's name: `data-shell` on the markup and on `<html>` when it shows. */
  name: string;
  /** What follows `#/` (or the path, for `/1`) exactly, query included. */
  routes: readonly string[];
  /**
   * Saved preferences (localStorage) under which the first render looks like the shell: a
   * value of null means "nothing saved". Any other value, and the shell stays hidden.
   */
  preferences?: Readonly<Record<string, readonly (string | null)[]>>;
  /**
   * Media queries the shell is drawn under (AssumedMedia), and shown only where they hold:
   * a page laid out by script for wide screens has a shell for each.
   */
  media?: Readonly<Record<string, boolean>>;
}

/** A first-time reader: saved progress opens the page elsewhere (slides/read/tutorial/progress.ts). */
const READER = { 'tracing-in-elixir.read': [null], 'deck.theme': [null, 'dark'] } as const;

export const SHELL_ROUTES: readonly ShellRoute[] = [
  { name: 'home', routes: [''] },
  {
    name: 'deck',
    routes: ['1', '1.0'],
    // The deck's theme and its live-scene split (THEME_KEY, SPLIT_KEY in slides/deck/store.deck.ts;
    // a test checks the names). Literal here: this file loads in the build's config.
    preferences: { 'deck.theme': [null, 'dark'], 'deck.split': [null, 'false'] },
  },
  {
    name: 'read',
    routes: ['read'],
    preferences: READER,
    media: { [READ_WIDE]: false },
  },
  {
    name: 'read-wide',
    routes: ['read'],
    preferences: READER,
    media: { [READ_WIDE]: true },
  },
  { name: 'sandbox', routes: ['sandbox'] },
  {
    name: 'exercises',
    routes: ['exercises'],
    // A learner's saved progress marks the list (STORAGE_KEY in exercises/web/progress.ts).
    preferences: { 'tracing-in-elixir:exercises': [null] },
  },
];

/** The shells as the head script reads them (openRoute.ts): every field filled in. */
export function shellTable(shells: readonly ShellRoute[] = SHELL_ROUTES) {
  return shells.map(({ name, routes, preferences, media }) => ({
    name,
    routes,
    preferences: preferences ?? {},
    media: media ?? {},
  }));
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropHiddenShells, openRoute, type OpenRouteTable } from './openRoute.ts';
import { SHELL_ROUTES, shellTable } from './shellRoutes.ts';
import { SPLIT_KEY, THEME_KEY } from '../../slides/deck/store.deck.ts';
import { STORAGE_KEY } from '../../exercises/web/progress.ts';
import { READING_KEY } from '../../slides/read/tutorial/progress.ts';

const TABLE: OpenRouteTable = {
  base: '/',
  files: {
    talk: ['assets/talk.js', 'assets/talk.css'],
    home: ['assets/home.js'],
    read: ['assets/talk.js', 'assets/talk.css', 'assets/read.js'],
    sandbox: ['assets/sandbox.js', 'assets/sandbox.css'],
  },
  shells: shellTable(),
};

interface FakeLink {
  rel: string;
  as?: string;
  href?: string;
  crossOrigin?: string;
  attrs: Record<string, string>;
  setAttribute(name: string, value: string): void;
}

/** The page as the head script sees it: a URL, saved preferences, `<html>` and `<head>`. */
function page(url: string, saved: Record<string, string> | 'blocked' = {}, width = 1920) {
  const { hash, pathname } = new URL(url, 'http://site');
  const html: Record<string, string> = {};
  const head: FakeLink[] = [];
  vi.stubGlobal('location', { hash, pathname });
  vi.stubGlobal('matchMedia', (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    if (!min) throw new Error(`the test knows no query ${query}`);
    return { matches: width >= Number(min[1]) };
  });
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => {
      if (saved === 'blocked') throw new Error('SecurityError');
      return saved[key] ?? null;
    },
  });
  vi.stubGlobal('document', {
    documentElement: { setAttribute: (k: string, v: string) => (html[k] = v) },
    createElement: (): FakeLink => ({
      rel: '',
      attrs: {},
      setAttribute(name, value) {
        this.attrs[name] = value;
      },
    }),
    head: { appendChild: (link: FakeLink) => head.push(link) },
  });
  return { html, head };
}

/** The function as the build writes it into the page: from its source text alone. */
const inPage = new Function(`return (${openRoute.toString()})`)() as typeof openRoute;

afterEach(() => vi.unstubAllGlobals());

describe('openRoute (index.html head script)', () => {
  it('shows the first slide’s shell and makes its stylesheet hold the first paint', () => {
    const { html, head } = page('/#/1');
    expect(inPage(TABLE)).toBe('deck');
    expect(html['data-shell']).toBe('deck');
    expect(html['data-shell-route']).toBe('1');
    expect(head.map((l) => [l.rel, l.href, l.attrs.blocking ?? null])).toEqual([
      ['modulepreload', '/assets/talk.js', null],
      ['stylesheet', '/assets/talk.css', 'render'],
    ]);
    expect(head.every((l) => l.crossOrigin === '')).toBe(true);
  });

  it('preloads without a shell where the build cannot know the first render', () => {
    for (const url of ['/#/5', '/#/1.2', '/#/sandbox?mode=global', '/#/presenter/1']) {
      const { html, head } = page(url);
      expect(inPage(TABLE), url).toBeNull();
      expect(html['data-shell']).toBeUndefined();
      const css = head.find((l) => l.href?.endsWith('.css'));
      expect([css?.rel, css?.as, css?.attrs.blocking]).toEqual(['preload', 'style', undefined]);
    }
  });

  it('starts loading the view of any route, the reading page with the talk’s', () => {
    const files = (url: string) => {
      const { head } = page(url);
      inPage(TABLE);
      return head.map((l) => l.href);
    };
    expect(files('/#/read/12')).toEqual(['/assets/talk.js', '/assets/talk.css', '/assets/read.js']);
    expect(files('/#/presenter/3')).toEqual(['/assets/talk.js', '/assets/talk.css']);
    expect(files('/#/print')).toEqual(['/assets/talk.js', '/assets/talk.css']);
    expect(files('/#/nowhere')).toEqual([]);
    expect(files('/')).toEqual(['/assets/home.js']);
  });

  it('reads the route from the path when there is no hash (`/1`)', () => {
    page('/1');
    expect(inPage(TABLE)).toBe('deck');
    page('/sandbox');
    expect(inPage(TABLE)).toBe('sandbox');
  });

  it('shows no shell when a saved preference changes how the page looks', () => {
    page('/#/1', { [THEME_KEY]: 'light' });
    expect(inPage(TABLE)).toBeNull();
    page('/#/1', { [SPLIT_KEY]: 'true' });
    expect(inPage(TABLE)).toBeNull();
    page('/#/1', { [THEME_KEY]: 'dark', [SPLIT_KEY]: 'false' });
    expect(inPage(TABLE)).toBe('deck');
    page('/#/exercises', { [STORAGE_KEY]: '{"version":3}' });
    expect(inPage(TABLE)).toBeNull();
  });

  it('shows the reading page’s shell drawn for the screen’s width', () => {
    page('/#/read', {}, 1920);
    expect(inPage(TABLE)).toBe('read-wide');
    page('/#/read', {}, 390);
    expect(inPage(TABLE)).toBe('read');
    // A returning reader opens where they stopped: not the first section the shell shows.
    page('/#/read', { 'tracing-in-elixir.read': '{"v":1}' });
    expect(inPage(TABLE)).toBeNull();
  });

  it('treats storage it may not read as nothing saved', () => {
    page('/#/1', 'blocked');
    expect(inPage(TABLE)).toBe('deck');
  });

  it('names the preferences the views really read', () => {
    const keys = SHELL_ROUTES.flatMap((s) => Object.keys(s.preferences ?? {}));
    expect([...new Set(keys)].sort()).toEqual(
      [SPLIT_KEY, THEME_KEY, STORAGE_KEY, READING_KEY].sort(),
    );
  });
});

/** `#root`'s children as DOMContentLoaded finds them: shells by name, anything else by `null`. */
function parsedRoot(children: (string | null)[]) {
  let ready: (() => void) | undefined;
  interface Kid {
    shell: string | null;
    getAttribute(name: string): string | null;
    remove(): void;
  }
  const kids: Kid[] = children.map((shell) => ({
    shell,
    getAttribute: (name) => (name === 'data-shell' ? shell : null),
    remove() {
      kids.splice(kids.indexOf(this), 1);
    },
  }));
  vi.stubGlobal('document', {
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'DOMContentLoaded') ready = listener;
    },
    getElementById: (id: string) => (id === 'root' ? { children: kids } : null),
  });
  return {
    parsed: () => ready?.(),
    left: () => kids.map((k) => k.shell),
  };
}

describe('dropHiddenShells (index.html head script, after openRoute)', () => {
  const drop = new Function(`return (${dropHiddenShells.toString()})`)() as typeof dropHiddenShells;

  it('waits for the page to be parsed, then keeps the shown shell alone', () => {
    const root = parsedRoot(['home', 'deck', 'read', 'read-wide']);
    drop('read-wide');
    expect(root.left()).toEqual(['home', 'deck', 'read', 'read-wide']);
    root.parsed();
    expect(root.left()).toEqual(['read-wide']);
  });

  it('removes every shell when none shows, and never what the app rendered', () => {
    const root = parsedRoot(['read', null, 'read-wide']);
    drop(null);
    root.parsed();
    expect(root.left()).toEqual([null]);
  });
});

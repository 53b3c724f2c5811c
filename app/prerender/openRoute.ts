/**
 * What index.html's head does first, inline, before any of the app's code has loaded:
 * - it starts loading the opened route's view (its chunks and stylesheets; `read` has the talk's
 *   and the reading page's), so they are not
 *   requested only after main.js has run, one round trip later;
 * - when the route has a prerendered shell (shellRoutes.ts) and the saved preferences match it,
 *   it shows that shell (`<html data-shell>`) and makes the view's stylesheet hold the first
 *   paint, so the shell never shows unstyled.
 * The build writes `(openRoute)(table)` into the page (app/routePreload.ts), so this function
 * must stand alone: no imports, nothing from the module around it.
 */
export interface OpenRouteTable {
  base: string;
  /** Files to load for each route's view (`home`, `talk` for a slide, `read`, `sandbox`…). */
  files: Record<string, readonly string[]>;
  shells: readonly {
    name: string;
    routes: readonly string[];
    preferences: Readonly<Record<string, readonly (string | null)[]>>;
    media: Readonly<Record<string, boolean>>;
  }[];
}

export function openRoute(table: OpenRouteTable): string | null {
  const where = location.hash
    ? location.hash.replace(/^#\/?/, '')
    : location.pathname.replace(/^\/+/, '');
  const first = where.split('?')[0]!.split('/')[0]!;
  const talk = /^\d/.test(first) || first === 'presenter' || first === 'print';
  const view = talk ? 'talk' : first || 'home';
  const saved = (name: string): string | null => {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  };
  const shown = table.shells.find(
    (shell) =>
      shell.routes.includes(where) &&
      Object.keys(shell.preferences).every((name) =>
        shell.preferences[name]!.includes(saved(name)),
      ) &&
      Object.keys(shell.media).every((query) => matchMedia(query).matches === shell.media[query]),
  );
  if (shown) {
    document.documentElement.setAttribute('data-shell', shown.name);
    // Which route it was drawn for: the app takes the shell over only if it is still there.
    document.documentElement.setAttribute('data-shell-route', where);
  }
  for (const file of table.files[view] ?? []) {
    const link = document.createElement('link');
    const css = file.endsWith('.css');
    if (css && shown) {
      link.rel = 'stylesheet';
      link.setAttribute('blocking', 'render');
    } else if (css) {
      link.rel = 'preload';
      link.as = 'style';
    } else link.rel = 'modulepreload';
    // As Vite's own loader asks for them, so the browser uses what this started.
    link.crossOrigin = '';
    link.href = table.base + file;
    document.head.appendChild(link);
  }
  return shown ? shown.name : null;
}

/**
 * Once index.html is parsed, removes the prerendered shells that do not show (`shown` is what
 * openRoute returned). Hidden by CSS, they still held the page's text in the DOM, the reading
 * page's twice over, until the app's first render took them away: anything that reads the DOM
 * (a test, an extension) met stale copies for as long as the route's code took to load.
 * Written into the page after openRoute, so it too must stand alone. It removes only elements
 * with `data-shell`: what the app has rendered by then has none, and a shell it hydrates is the
 * shown one.
 */
export function dropHiddenShells(shown: string | null): void {
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      const root = document.getElementById('root');
      for (const child of Array.from(root ? root.children : [])) {
        const name = child.getAttribute('data-shell');
        if (name !== null && name !== shown) child.remove();
      }
    },
    { once: true },
  );
}

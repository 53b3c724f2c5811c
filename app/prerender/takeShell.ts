/** What takeShell needs of an element: `#root`'s children are DOM elements in the browser. */
export interface ShellCandidate {
  getAttribute(name: string): string | null;
  remove(): void;
}

/**
 * The shell index.html's head script showed (`<html data-shell>`, see openRoute.ts), if the
 * visitor is still on the route it was drawn for: a hash that changed while the app loaded (a
 * link, the back button) leaves the shell behind.
 */
export function shownShell(html: Element, hash: string): string | null {
  const name = html.getAttribute('data-shell');
  const drawnFor = html.getAttribute('data-shell-route');
  return name && drawnFor === hash.replace(/^#\/?/, '') ? name : null;
}

/**
 * Before the app's first render: keeps the prerendered shell named `shown` (shownShell) and
 * removes the others. Returns the shell's element for React to hydrate (it stays `inert` until
 * the hydration commits: see main.tsx); null when no shell shows (another route, a saved state
 * the build could not know), and then `#root` is left empty.
 */
export function takeShell<T extends ShellCandidate>(
  root: { readonly children: ArrayLike<T> },
  shown: string | null,
): T | null {
  let kept: T | null = null;
  for (const child of Array.from(root.children)) {
    if (shown && !kept && child.getAttribute('data-shell') === shown) kept = child;
    else child.remove();
  }
  return kept;
}

/** The media queries a shell was drawn under (its `data-media`, see prerenderPlugin.ts). */
export function assumedMediaOf(shell: {
  getAttribute(name: string): string | null;
}): Record<string, boolean> {
  try {
    const parsed = JSON.parse(shell.getAttribute('data-media') ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

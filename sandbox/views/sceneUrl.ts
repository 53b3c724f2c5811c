import { parseScene, queryOf, sceneParams, withQuery, type UrlScene } from '../model/urlState.ts';

/** The page's address as history holds it: path, query and hash. */
function here(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/**
 * The sandbox page's URL, read and written from one place. A link followed, Back or an edited
 * hash changes the address at once, but the event that tells the page (hashchange, popstate)
 * comes a task later. A scene written into the URL in between would put the old scene back over
 * the link, and the event would then read the old scene: the link was lost (the page stayed at
 * "0 requests" under `#/sandbox?requests=3`). So a write waits while the address holds something
 * the page has not read yet: the event's `read()` applies it, and writes go on from there.
 */
export class SceneUrl {
  /** The address as the page last read or wrote it. */
  private known: string | null = null;
  /** True while the page applies the address to its scene (`apply`). */
  private applying = false;

  /** Reads the scene from the address: the page now knows this one. */
  read(): UrlScene {
    this.known = here();
    return parseScene(queryOf(window.location));
  }

  /**
   * Reads the address and applies it. The scene reports each setting as it changes, and writing
   * those into the address would put a half-applied scene there: the new mode with the old request
   * count. The browser's second event for the same link (popstate, then hashchange) would then
   * read that and undo the link. So nothing is written while `apply` runs.
   */
  apply(to: (scene: UrlScene) => void): void {
    const scene = this.read();
    this.applying = true;
    try {
      to(scene);
    } finally {
      this.applying = false;
    }
  }

  /** True when the address changed since the page last read or wrote it. */
  unread(): boolean {
    return this.known !== null && here() !== this.known;
  }

  /**
   * Writes the scene into the address, unless it holds a change not read yet (see above) or is
   * being applied. `push` makes a history entry (a setting changed: Back returns to the scene
   * before); otherwise the entry is replaced (the request count, the selection).
   */
  write(scene: UrlScene, push = false): void {
    if (this.applying || this.unread()) return;
    const next = withQuery(window.location, sceneParams(scene));
    if (next !== here()) {
      if (push) window.history.pushState(window.history.state, '', next);
      else window.history.replaceState(window.history.state, '', next);
    }
    this.known = here();
  }

  /** A new history entry for the same address (opening or leaving the comparison). */
  pushSame(): void {
    window.history.pushState(window.history.state, '', window.location.href);
  }
}

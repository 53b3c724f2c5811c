/**
 * Keys pressed before the app listens. The prerendered shell paints the slide long before the
 * app's code has run, and a speaker who presses the clicker at once would see it ignored: the
 * shell is inert, and no view listens yet. index.html's head holds those keys
 * (`holdEarlyKeys`, written inline by app/routePreload.ts); the first view that listens to the
 * page's keys plays them again (`replayEarlyKeys`: the deck, the presenter view, the sandbox page).
 */

/** At most this many keys are held: a key held down repeats, and only the last ones matter. */
const MAX_HELD = 32;

/** A held key, with the route it was pressed on. */
interface HeldKey {
  event: KeyboardEvent;
  route: string;
}

/** Where holdEarlyKeys leaves its keys: a function that stops holding and hands them over. */
interface EarlyKeysWindow {
  takeEarlyKeys?: () => HeldKey[];
}

/**
 * Runs inline in index.html's head, so it must stand alone: no imports, nothing from the module
 * around it (as openRoute.ts).
 */
export function holdEarlyKeys(max: number): void {
  const held: HeldKey[] = [];
  const hold = (event: KeyboardEvent) => {
    held.push({ event, route: location.hash.split('?')[0] ?? '' });
    if (held.length > max) held.shift();
  };
  addEventListener('keydown', hold, true);
  (window as EarlyKeysWindow).takeEarlyKeys = () => {
    removeEventListener('keydown', hold, true);
    return held;
  };
}

/** The inline script's text: `holdEarlyKeys` and its call. */
export function holdEarlyKeysScript(): string {
  return `(${holdEarlyKeys.toString()})(${MAX_HELD});`;
}

/**
 * Called by a view right after it starts listening to the page's keys (in the effect that
 * attaches its listener: its children's listeners are attached by then). The first call stops
 * holding keys and dispatches the held ones again, at once and in order, where they were pressed
 * (the body when that element is gone). At once: a key pressed after this call reaches the view
 * directly, and must come after the held ones. Only keys pressed on the route still open count:
 * a key typed on the front page must not move a deck opened afterwards. Later calls, and pages
 * without the head script (the dev server), do nothing. The copies are not trusted events, so the
 * browser does not repeat a key's default action (a scroll) that the first press already had.
 */
export function replayEarlyKeys(): void {
  const early = window as Window & EarlyKeysWindow;
  const take = early.takeEarlyKeys;
  if (!take) return;
  delete early.takeEarlyKeys;
  const route = location.hash.split('?')[0] ?? '';
  for (const { event, route: pressedOn } of take()) {
    if (pressedOn !== route) continue;
    const target =
      event.target instanceof Node && event.target.isConnected ? event.target : document.body;
    // The event is its own init: key, code, modifiers, repeat, bubbles, cancelable, composed.
    target.dispatchEvent(new KeyboardEvent('keydown', event));
  }
}

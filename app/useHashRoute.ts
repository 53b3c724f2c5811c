import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const hashNow = () => location.hash;

/**
 * The current `location.hash`, re-rendering on every change. Hydrating a prerendered shell
 * (app/prerender) reads the server snapshot: in the browser that is the same hash; at build time
 * there is none, and the prerender names its route to `App` instead.
 */
export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, hashNow, () =>
    typeof location === 'undefined' ? '' : hashNow(),
  );
}

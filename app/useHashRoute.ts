import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current `location.hash`, re-rendering on every change. */
export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}

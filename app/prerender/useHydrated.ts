import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while the build prerenders a page and while the browser hydrates it; true from the next
 * render on (and at once in a page the app draws itself). A part that needs a browser to be worth
 * drawing (a running live scene) waits for it: the prerendered page stays small and quick to lay
 * out, and the hydration still matches it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

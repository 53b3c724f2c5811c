import { useCallback, useContext, useSyncExternalStore } from 'react';
import { AssumedMedia } from '../../app/prerender/assumedMedia.ts';

/**
 * Whether a media query matches now, re-rendering when that changes. A prerendered page (the
 * build) and its hydration (the browser) read the query from AssumedMedia instead.
 */
export function useMediaQuery(query: string): boolean {
  const assumed = useContext(AssumedMedia);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => matchMedia(query).matches,
    () => assumed[query] ?? false,
  );
}

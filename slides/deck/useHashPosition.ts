import { useEffect } from 'react';
import { formatPosition, positionInUrl } from './navigation.ts';
import type { DeckStore } from './store.deck.ts';

/**
 * Keeps the deck's place in the URL (`#/12.2`, or `#/presenter/12.2` with a prefix) and follows
 * the URL when it is edited, so a reload, a bookmark or a hot reload of the MDX keeps the place.
 */
export function useHashPosition(store: DeckStore, prefix: string) {
  useEffect(() => {
    // This view's own addresses: a URL that has already moved on to another route (a link
    // followed while the page was loading) is left alone, not overwritten with this place.
    const own = new RegExp(
      `^(#/?${prefix.replace(/\/$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?(\\d+(\\.\\d+)?)?)?$`,
    );
    const fromUrl = () => {
      const p = positionInUrl(location.hash);
      if (p) store.getState().goto(p);
    };
    const toUrl = () => {
      const s = store.getState();
      const hash = `#/${prefix}${formatPosition(s)}`;
      if (location.hash !== hash && own.test(location.hash))
        history.replaceState(history.state, '', hash);
    };
    fromUrl();
    toUrl();
    window.addEventListener('hashchange', fromUrl);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.slide !== prev.slide || s.step !== prev.step) toUrl();
    });
    return () => {
      window.removeEventListener('hashchange', fromUrl);
      unsubscribe();
    };
  }, [store, prefix]);
}

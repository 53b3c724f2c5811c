import { useState } from 'react';
import { useMediaQuery } from './useMediaQuery.ts';
import './phoneReadOffer.css';

/** A phone held upright: a 16:9 slide is a strip across its middle. */
const PHONE = '(max-width: 600px) and (orientation: portrait)';
const DISMISSED = 'tracing-in-elixir.read-offer-dismissed';

/**
 * On a phone the deck offers the reading mode, which is made for a narrow screen: the same talk
 * as a tutorial, opened at the slide being shown. Dismissed for the rest of the visit.
 */
export function PhoneReadOffer({ slide }: { slide: number }) {
  const phone = useMediaQuery(PHONE);
  const [dismissed, setDismissed] = useState(() => {
    try {
      return sessionStorage.getItem(DISMISSED) === '1';
    } catch {
      return false;
    }
  });
  if (!phone || dismissed) return null;
  return (
    <aside className="phone-read-offer" aria-label="Read on a phone">
      <a href={`#/read/${slide + 1}`}>
        <strong>On a phone?</strong> Read the talk as a tutorial, with the live scenes in the text →
      </a>
      <button
        type="button"
        aria-label="Stay on the slides"
        onClick={() => {
          setDismissed(true);
          try {
            sessionStorage.setItem(DISMISSED, '1');
          } catch {
            // Blocked storage: dismissed for this page only.
          }
        }}
      >
        ×
      </button>
    </aside>
  );
}

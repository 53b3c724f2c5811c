import { useContext, type ReactNode } from 'react';
import { SlideContext } from '../deck/slideContext.ts';

/**
 * A build: hidden until the slide reaches build `at` (numbered by remarkDeck in document order).
 * Hidden builds keep their space, so the slide does not jump as they appear.
 */
export function Step({ at, children }: { at?: string; children?: ReactNode }) {
  const { step } = useContext(SlideContext);
  const shown = step >= Number(at ?? 1);
  return (
    <div className="step" data-at={at} data-shown={shown} aria-hidden={!shown}>
      {children}
    </div>
  );
}

import type { ReactNode } from 'react';

/**
 * A 16:9 stage, as large as its box allows. Everything on a slide is sized in `cqw` (a share of
 * the stage's width), so slides scale as one picture: on a projector, in a thumbnail, on paper.
 */
export function Stage({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="stage-frame">
      <div className="stage" role="group" aria-roledescription="slide" aria-label={label}>
        {children}
      </div>
    </div>
  );
}

import { useContext, type ReactNode } from 'react';
import { SlideContext } from './slideContext.ts';

/** One slide of the compiled MDX: renders only when it is the slide being asked for. */
export function Slide({ index, children }: { index: string; children?: ReactNode }) {
  const ctx = useContext(SlideContext);
  return Number(index) === ctx.index ? <>{children}</> : null;
}

/** What the audience sees. */
export function SlideBody({ children }: { children?: ReactNode }) {
  const { part } = useContext(SlideContext);
  return part === 'body' ? <div className="slide-body">{children}</div> : null;
}

/** Speaker notes: hidden on the slide, shown in the presenter view and in print with notes. */
export function Notes({ children }: { children?: ReactNode }) {
  const { part } = useContext(SlideContext);
  return part === 'notes' ? <div className="slide-notes">{children}</div> : null;
}

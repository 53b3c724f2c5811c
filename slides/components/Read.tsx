import { useContext, type ReactNode } from 'react';
import { SlideContext } from '../deck/slideContext.ts';

/**
 * Reader text: prose for someone reading the talk alone (`#/read`), kept beside its slide in the
 * MDX. It never shows on a slide or in the presenter view (speaker notes are for those): remarkRead
 * moves it out of the slide's body, and it renders only when the reading mode asks for the
 * slide's `read` part. `title` names the reading section it ends (the contents show it).
 */
export function Read({ children }: { title?: string; children?: ReactNode }) {
  const { part } = useContext(SlideContext);
  return part === 'read' ? <div className="read-text">{children}</div> : null;
}

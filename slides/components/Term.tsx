import { useContext, type ReactNode } from 'react';
import { GlossaryContext } from './glossaryContext.ts';

/**
 * A word of the glossary in reader text: a link to its entry at the end of the reading mode, its
 * definition as a tooltip. `<Term id="traceparent" />` or `<Term id="span">spans</Term>`.
 */
export function Term({ id, children }: { id: string; children?: ReactNode }) {
  const glossary = useContext(GlossaryContext);
  const entry = glossary?.entry(id);
  if (!glossary || !entry) return <>{children ?? id}</>;
  const anchor = glossary.anchor(id);
  return (
    <a
      className="term"
      href={`#/read`}
      data-term={id}
      title={entry.text}
      onClick={(e) => {
        // The route lives in the hash: scroll to the entry instead of following the link.
        e.preventDefault();
        document.getElementById(anchor)?.scrollIntoView({ block: 'center' });
        document.getElementById(anchor)?.focus({ preventScroll: true });
      }}
    >
      {children ?? entry.term}
    </a>
  );
}

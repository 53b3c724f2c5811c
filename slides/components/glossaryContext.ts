import { createContext } from 'react';
import type { GlossaryEntry } from '../read/glossary.ts';

/**
 * The glossary, for `<Term>` in reader text. The reading page provides it (its chunk carries the
 * glossary's text); the deck never shows reader text, so its first slide does not load it.
 */
export const GlossaryContext = createContext<{
  entry: (id: string) => GlossaryEntry | undefined;
  anchor: (id: string) => string;
} | null>(null);

// What every deck MDX file exports once remarkDeck has run (see deck/remarkDeck.ts).
declare module '*.mdx' {
  import type { MDXProps } from 'mdx/types';
  import type { JSX } from 'react';

  /** A DeckMeta (slides/deck/deckMeta.ts); ambient modules cannot import it by relative path. */
  export const deckMeta: unknown;
  /** A ReadMeta (slides/read/readMeta.ts), from remarkRead. */
  export const readMeta: unknown;
  export default function MDXContent(props: MDXProps): JSX.Element;
}

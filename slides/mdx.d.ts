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

// The same talk without its speaker notes and reader text (slides/deck/markdown/remarkSlidesOnly.ts).
declare module '*.mdx?slides' {
  import type { MDXProps } from 'mdx/types';
  import type { JSX } from 'react';

  export const deckMeta: unknown;
  export const readMeta: unknown;
  export default function MDXContent(props: MDXProps): JSX.Element;
}

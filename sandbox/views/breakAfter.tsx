import { Fragment, type ReactNode } from 'react';

/**
 * `text` with a soft break (<wbr>) after each of `chars` that has more text behind it: a dotted
 * name too wide for its column breaks between its parts (`http.request.` / `method`), not
 * inside a word, where `overflow-wrap: anywhere` alone put the break (`http.request.met` / `hod`).
 */
export function breakAfter(text: string, chars: string): ReactNode[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length - 1; i++)
    if (
      chars.includes(text[i] ?? '') &&
      !chars.includes(text[i + 1] ?? '') &&
      text[i + 1] !== ' '
    ) {
      parts.push(text.slice(start, i + 1));
      start = i + 1;
    }
  parts.push(text.slice(start));
  return parts.map((part, k) => (
    <Fragment key={k}>
      {k > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

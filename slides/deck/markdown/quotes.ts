import type { Blockquote, PhrasingContent } from 'mdast';

/** Deckset's quote author: a last line `-- Name` in a blockquote becomes its footer. */
export function splitQuoteAuthor(quote: Blockquote): void {
  const last = quote.children[quote.children.length - 1];
  if (last?.type !== 'paragraph') return;
  const at = last.children.findIndex((c) => c.type === 'text' && /(^|\n)--\s/.test(c.value));
  const text = last.children[at];
  if (at < 0 || text?.type !== 'text') return;
  const m = /(^|\n)--\s+/.exec(text.value);
  if (!m) return;
  const before = text.value.slice(0, m.index);
  const after = text.value.slice(m.index + m[0].length);
  const author: PhrasingContent[] = [
    { type: 'text', value: `— ${after}` },
    ...last.children.slice(at + 1),
  ];
  last.children = [...last.children.slice(0, at), ...(before ? [{ ...text, value: before }] : [])];
  quote.children.push({
    type: 'paragraph',
    data: { hName: 'footer', hProperties: { className: ['quote-author'] } },
    children: author,
  });
}

/**
 * GitHub-flavoured footnotes on slides. Deckset lets a slide reference a footnote defined
 * anywhere in the talk; each slide shows, at its foot, the definitions it references.
 */
import type { FootnoteDefinition, Parent, PhrasingContent, Root, RootContent } from 'mdast';

/** Takes every footnote definition out of the talk, by identifier. */
export function takeFootnoteDefinitions(tree: Root): Map<string, FootnoteDefinition> {
  const defs = new Map<string, FootnoteDefinition>();
  const visit = (parent: Parent) => {
    parent.children = parent.children.filter((child) => {
      if (child.type === 'footnoteDefinition') {
        defs.set(child.identifier, child);
        return false;
      }
      if ('children' in child) visit(child as Parent);
      return true;
    }) as Parent['children'];
  };
  visit(tree);
  return defs;
}

/** A reference as the superscript label it shows; records which definitions the slide needs. */
export function footnoteMark(label: string): PhrasingContent {
  return {
    type: 'text',
    value: label,
    data: { hName: 'sup', hProperties: { className: ['footnote-ref'] } },
  };
}

/** The slide's footnotes, in the order first referenced. */
export function footnotesBlock(
  ids: string[],
  defs: Map<string, FootnoteDefinition>,
): RootContent | undefined {
  const children: RootContent[] = [];
  for (const id of ids) {
    const def = defs.get(id);
    if (!def) continue;
    const [first, ...rest] = structuredClone(def.children);
    const mark = footnoteMark(def.label ?? id);
    if (first?.type === 'paragraph') {
      children.push({
        ...first,
        children: [mark, { type: 'text', value: ' ' }, ...first.children],
      });
    } else {
      children.push({ type: 'paragraph', children: [mark] });
      if (first) children.push(first);
    }
    children.push(...rest);
  }
  if (children.length === 0) return undefined;
  return {
    type: 'blockquote',
    data: { hName: 'aside', hProperties: { className: ['deck-footnotes'] } },
    children: children as never,
  };
}

/** Plain-text names for slides: what the overview, the presenter view and screen readers say. */
import type { Image, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx';

export function plainText(node: RootContent | PhrasingContent | Root): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'mdxjsEsm') {
    // Raw HTML (a `<br>` in a Deckset talk) is markup, not words.
    return node.type === 'html' ? '' : node.value;
  }
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}

/** Plain text of the first heading (or first paragraph), for overview and presenter labels. */
export function slideTitle(nodes: RootContent[]): string {
  const heading = findDeep(nodes, (n) => n.type === 'heading');
  const source =
    heading ?? findDeep(nodes, (n) => n.type === 'paragraph' || n.type === 'blockquote');
  if (!source) return '';
  // Deckset titles often run over several headings of one size (`# [fit] Distributed`,
  // `# [fit] tracing`): they are one title.
  const parts = [source];
  if (source.type === 'heading') {
    const siblings = nodes.includes(source) ? nodes : [];
    for (let i = siblings.indexOf(source) + 1; i < siblings.length; i++) {
      const next = siblings[i];
      if (next?.type !== 'heading' || next.depth !== source.depth) break;
      parts.push(next);
    }
  }
  return parts
    .map((p) => plainText(p))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first node, depth first, inside layout wrappers (columns) but not inside builds or lists. */
function findDeep(
  nodes: RootContent[],
  test: (n: RootContent) => boolean,
): RootContent | undefined {
  for (const node of nodes) {
    if (test(node)) return node;
    if (node.type === 'mdxJsxFlowElement' && LAYOUT_ELEMENTS.has(node.name ?? '')) {
      const inner = findDeep(node.children as RootContent[], test);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Wrappers remarkDeck adds for layout: their content counts as the slide's own. */
const LAYOUT_ELEMENTS = new Set(['DeckColumns', 'DeckColumn']);

/** What a slide without a heading or paragraph shows: a list, code, a picture, a component. */
export function slideLabel(nodes: RootContent[], pictures: string[] = []): string {
  for (const node of nodes) {
    if (node.type === 'list' && node.children[0]) {
      return plainText(node.children[0]).replace(/\s+/g, ' ').trim();
    }
    if (node.type === 'code') {
      const line = node.value.split('\n').find((l) => l.trim() !== '');
      if (line) return line.trim();
    }
    if (node.type === 'paragraph') {
      const image = node.children.find((c): c is Image => c.type === 'image');
      const name = image ? pictureName(image.url, image.alt) : undefined;
      if (name) return name;
    }
    if (
      node.type === 'mdxJsxFlowElement' &&
      (node.name === 'Step' || LAYOUT_ELEMENTS.has(node.name ?? ''))
    ) {
      // A build's content counts as the slide's own.
      const inner =
        slideTitle(node.children as RootContent[]) || slideLabel(node.children as RootContent[]);
      if (inner !== 'Picture') return inner;
    }
    if (node.type === 'mdxJsxFlowElement' && node.name && !HIDDEN_ELEMENTS.has(node.name)) {
      const mode = node.attributes.find(
        (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'mode',
      )?.value;
      if (node.name === 'LiveScene' && typeof mode === 'string') return `Live trace, ${mode} mode`;
      return humanize(node.name);
    }
  }
  // Background and side pictures were lifted out of the flow; their names still describe it.
  return pictures[0] ?? 'Picture';
}

/** `images/hit-a-wall.gif` (alt `left`) → `Hit a wall`. */
export function pictureName(url: string, alt?: string | null): string | undefined {
  const stem = decodeSafely(url.split('/').pop() ?? '').replace(/\.[a-z0-9]+$/i, '');
  const name = alt || stem;
  return name ? humanize(name) : undefined;
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Markers, notes and slide furniture, which say nothing about the slide themselves. */
const HIDDEN_ELEMENTS = new Set([
  'Scene',
  'Notes',
  'Step',
  'DeckImage',
  'DeckBackground',
  'DeckSide',
  'DeckFooter',
  'DeckFootnotes',
]);

/** `SearchResults` → `Search results`; `hit-a-wall` → `Hit a wall`. */
export function humanize(name: string): string {
  const words = name
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The talk's name, for the tab, the front page and the reading page: the `title:` setting, else
 * every heading of the first slide (a title slide is often `# Tracing` over `### In Elixir`),
 * else the first slide's label. A talk is never nameless: "Untitled talk" is the last resort.
 */
export function talkTitle(
  config: Record<string, string>,
  firstSlide: RootContent | undefined,
  firstLabel: string | undefined,
): string {
  const set = config.title?.trim();
  if (set) return set;
  const headings: string[] = [];
  const walk = (node: RootContent) => {
    if (node.type === 'heading') headings.push(plainText(node));
    else if (node.type === 'mdxJsxFlowElement' && node.name === 'Notes') return;
    else if ('children' in node) (node.children as RootContent[]).forEach(walk);
  };
  if (firstSlide) walk(firstSlide);
  const text = headings.join(' ').replace(/\s+/g, ' ').trim();
  return text || firstLabel?.trim() || 'Untitled talk';
}

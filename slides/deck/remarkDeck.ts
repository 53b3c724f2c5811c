/**
 * A remark plugin that turns one MDX file into a deck, Deckset style.
 *
 * - Top-level `---` separates slides. Each slide becomes
 *   `<Slide index="n"><SlideBody>…</SlideBody><Notes>…</Notes></Slide>`, so the engine renders
 *   one slide (or only its notes) by context, from a single compiled module.
 * - A paragraph starting with `^` starts a speaker-note block; everything after it on the slide is
 *   notes. `<Notes>` elements are gathered into the same place.
 * - `[.autoscale: true]` and other `[.key: value]` lines are slide commands; `key: value` lines at
 *   the very top of the file are deck commands (`theme: Poster, 1`).
 * - `<Step>` elements are numbered in order (`at="1"`, `at="2"`, …) unless they carry `at`.
 * - `<Scene …/>` markers become per-slide, per-step settings for the persistent sandbox.
 * - Relative images are imported (so Vite bundles them) and Deckset sizes (`![fit]`, `![60%]`,
 *   `![left]`) become props of `<DeckImage>`.
 * - The file gains `export const deckMeta = {…}` (see deckMeta.ts).
 */
import type {
  Blockquote,
  Image,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import type {
  MdxJsxAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
  MdxjsEsm,
} from 'mdast-util-mdx';
import type { Program } from 'estree';
import type { DeckMeta, SceneMode, SceneSetting, SlideMeta } from './deckMeta.ts';

interface VFileLike {
  fail?: (reason: string) => never;
}

const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\u200d|\ufe0f|\s)+$/u;

const SCENE_MODES: readonly SceneMode[] = ['global', 'process', 'metadata', 'links'];

export function remarkDeck() {
  return (tree: Root, file?: VFileLike) => {
    const fail = (reason: string): never => {
      if (file?.fail) return file.fail(reason);
      throw new Error(reason);
    };
    transformDeck(tree, fail);
  };
}

/** Splits `tree` into slides in place and appends the `deckMeta` export. */
export function transformDeck(tree: Root, fail: (reason: string) => never): DeckMeta {
  const esm: RootContent[] = [];
  const groups: RootContent[][] = [[]];
  for (const node of tree.children) {
    if (node.type === 'mdxjsEsm') esm.push(node);
    else if (node.type === 'thematicBreak') groups.push([]);
    else groups[groups.length - 1]?.push(node);
  }

  const config: Record<string, string> = {};
  const first = groups[0];
  if (first && first[0]?.type === 'paragraph') {
    const lines = plainText(first[0]).split('\n');
    if (lines.every((l) => /^[a-z][\w-]*:\s*\S/i.test(l))) {
      for (const line of lines) {
        const at = line.indexOf(':');
        config[line.slice(0, at).trim()] = line.slice(at + 1).trim();
      }
      first.shift();
    }
  }

  const images: { name: string; url: string }[] = [];
  const slides: SlideMeta[] = [];
  const slideNodes: MdxJsxFlowElement[] = groups.map((group, index) => {
    const { node, meta } = buildSlide(group, index, images, fail);
    slides.push(meta);
    return node;
  });

  const meta: DeckMeta = { config, slides };
  tree.children = [
    ...images.map((img) => importNode(img.name, img.url)),
    ...esm,
    ...slideNodes,
    exportMetaNode(meta),
  ];
  return meta;
}

function buildSlide(
  group: RootContent[],
  index: number,
  images: { name: string; url: string }[],
  fail: (reason: string) => never,
): { node: MdxJsxFlowElement; meta: SlideMeta } {
  const directives: Record<string, string> = {};
  const body: RootContent[] = [];
  const notes: RootContent[] = [];
  let noteBlocks = 0;
  let inNotes = false;

  for (const node of group) {
    if (node.type === 'paragraph') {
      const commands = slideCommands(node);
      if (commands) {
        Object.assign(directives, commands);
        continue;
      }
      const first = node.children[0];
      if (first?.type === 'text' && first.value.startsWith('^')) {
        inNotes = true;
        noteBlocks++;
        const rest = first.value.slice(1).replace(/^\s+/, '');
        if (rest === '' && node.children.length === 1) continue;
        node.children = [
          ...(rest === '' ? [] : [{ ...first, value: rest }]),
          ...node.children.slice(1),
        ];
        notes.push(node);
        continue;
      }
    }
    if (isJsx(node, 'Notes')) {
      noteBlocks++;
      notes.push(...(node as MdxJsxFlowElement).children);
      continue;
    }
    (inNotes ? notes : body).push(node);
  }

  // Builds, scenes and images, in document order.
  let steps = 0;
  let live = false;
  const scenes: SceneSetting[] = [];
  const walk = (parent: Parent, step: number) => {
    parent.children.forEach((child, i) => {
      let childStep = step;
      if (isJsx(child, 'Step')) {
        const el = child as MdxJsxFlowElement | MdxJsxTextElement;
        const given = attr(el, 'at');
        if (given === undefined) {
          steps++;
          childStep = steps;
          el.attributes.push(stringAttr('at', String(steps)));
        } else {
          childStep = Number(given);
          if (!Number.isInteger(childStep) || childStep < 1)
            fail(`Slide ${index + 1}: <Step at> must be a positive integer, got ${String(given)}`);
          steps = Math.max(steps, childStep);
        }
      } else if (isJsx(child, 'Scene')) {
        scenes.push(readScene(child as MdxJsxFlowElement, childStep, index, fail));
      } else if (isJsx(child, 'LiveScene')) {
        live = true;
      } else if (child.type === 'heading' && EMOJI_ONLY.test(plainText(child))) {
        child.data = { ...child.data, hProperties: { className: ['emoji'] } };
      } else if (child.type === 'blockquote') {
        splitQuoteAuthor(child);
      } else if (child.type === 'paragraph' && isLoneImage(child)) {
        parent.children[i] = deckImage(child.children[0] as Image, images, 'mdxJsxFlowElement');
        return;
      } else if (child.type === 'image') {
        parent.children[i] = deckImage(child, images, 'mdxJsxTextElement');
        return;
      }
      if ('children' in child) walk(child as Parent, childStep);
    });
  };
  const bodyRoot: Parent = { type: 'root', children: body } as Root;
  walk(bodyRoot, 0);

  if (directives['build-lists'] === 'true') {
    for (const node of bodyRoot.children) {
      if (node.type !== 'list') continue;
      for (const item of node.children) {
        steps++;
        item.children = [jsxFlow('Step', [stringAttr('at', String(steps))], item.children)];
      }
    }
  }

  const title = slideTitle(bodyRoot.children);
  const meta: SlideMeta = {
    title,
    label: title || slideLabel(bodyRoot.children),
    autoscale: directives.autoscale === 'true',
    steps,
    notes: noteBlocks,
    scenes,
    live,
    directives,
  };
  const children: MdxJsxFlowElement[] = [jsxFlow('SlideBody', [], bodyRoot.children)];
  if (notes.length > 0) children.push(jsxFlow('Notes', [], notes));
  return { node: jsxFlow('Slide', [stringAttr('index', String(index))], children), meta };
}

/** Deckset's quote author: a last line `-- Name` in a blockquote becomes its footer. */
function splitQuoteAuthor(quote: Blockquote): void {
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

/** `[.autoscale: true]` lines (one or more in a paragraph), or undefined if not only commands. */
function slideCommands(node: Paragraph): Record<string, string> | undefined {
  const text = plainText(node).trim();
  if (!text.startsWith('[.')) return undefined;
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\[\.([\w-]+)(?::\s*([^\]]*))?\]$/.exec(line.trim());
    if (!m?.[1]) return undefined;
    out[m[1]] = (m[2] ?? 'true').trim();
  }
  return out;
}

function readScene(
  el: MdxJsxFlowElement,
  step: number,
  index: number,
  fail: (reason: string) => never,
): SceneSetting {
  const scene: SceneSetting = { step };
  for (const a of el.attributes) {
    if (a.type !== 'mdxJsxAttribute') continue;
    const raw = attrValue(a);
    const where = `Slide ${index + 1}: <Scene ${a.name}>`;
    switch (a.name) {
      case 'mode':
        if (typeof raw !== 'string' || !SCENE_MODES.includes(raw as SceneMode))
          fail(`${where} must be one of ${SCENE_MODES.join(', ')}`);
        scene.mode = raw as SceneMode;
        break;
      case 'scenario':
        if (typeof raw !== 'string') fail(`${where} must be a string`);
        scene.scenario = raw as string;
        break;
      case 'requests':
      case 'seed':
        if (typeof raw !== 'number') fail(`${where} must be a number, as in ${a.name}={2}`);
        scene[a.name] = raw as number;
        break;
      case 'faults':
        if (!Array.isArray(raw) || !raw.every((f) => typeof f === 'string'))
          fail(`${where} must be a list of strings, as in faults={["drop-metadata"]}`);
        scene.faults = raw as string[];
        break;
      default:
        fail(`${where} is not a scene setting`);
    }
  }
  return scene;
}

/** A literal attribute value: strings as given, `{…}` parsed as JSON (numbers, lists, booleans). */
function attrValue(a: MdxJsxAttribute): unknown {
  if (a.value === null || a.value === undefined) return true;
  if (typeof a.value === 'string') return a.value;
  try {
    return JSON.parse(a.value.value) as unknown;
  } catch {
    return undefined;
  }
}

function attr(el: MdxJsxFlowElement | MdxJsxTextElement, name: string): unknown {
  const a = el.attributes.find(
    (x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === name,
  );
  return a ? attrValue(a) : undefined;
}

function isJsx(node: RootContent, name: string): boolean {
  return (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name
  );
}

function isLoneImage(p: Paragraph): boolean {
  return p.children.length === 1 && p.children[0]?.type === 'image';
}

function deckImage(
  img: Image,
  images: { name: string; url: string }[],
  type: 'mdxJsxFlowElement',
): MdxJsxFlowElement;
function deckImage(
  img: Image,
  images: { name: string; url: string }[],
  type: 'mdxJsxTextElement',
): MdxJsxTextElement;
function deckImage(
  img: Image,
  images: { name: string; url: string }[],
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement',
): MdxJsxFlowElement | MdxJsxTextElement {
  const words = (img.alt ?? '').split(/\s+/).filter(Boolean);
  const size = words.find((w) => w === 'fit' || /^\d+%$/.test(w));
  const place = words.find((w) => w === 'left' || w === 'right' || w === 'inline');
  const alt = words.filter((w) => w !== size && w !== place && w !== 'original').join(' ');
  const attributes: MdxJsxAttribute[] = [stringAttr('alt', alt)];
  if (size) attributes.push(stringAttr('size', size));
  if (place) attributes.push(stringAttr('place', place));
  if (img.title) attributes.push(stringAttr('title', img.title));
  if (/^([a-z]+:|\/)/i.test(img.url)) {
    attributes.push(stringAttr('src', img.url));
  } else {
    const name = `__deckImage${images.length}`;
    images.push({ name, url: img.url.startsWith('.') ? img.url : `./${img.url}` });
    attributes.push(identifierAttr('src', name));
  }
  return { type, name: 'DeckImage', attributes, children: [] } as
    MdxJsxFlowElement | MdxJsxTextElement;
}

/** Plain text of the first heading (or first paragraph), for overview and presenter labels. */
function slideTitle(nodes: RootContent[]): string {
  const heading = nodes.find((n) => n.type === 'heading');
  const source = heading ?? nodes.find((n) => n.type === 'paragraph' || n.type === 'blockquote');
  return source ? plainText(source).replace(/\s+/g, ' ').trim() : '';
}

/** What a slide without a heading or paragraph shows: a list, code, a picture, a component. */
function slideLabel(nodes: RootContent[]): string {
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
      const stem = image?.url
        .split('/')
        .pop()
        ?.replace(/\.[a-z0-9]+$/i, '');
      if (stem) return humanize(image?.alt || stem);
    }
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Step') {
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
  return 'Picture';
}

/** Markers and notes, which show nothing on the slide themselves. */
const HIDDEN_ELEMENTS = new Set(['Scene', 'Notes', 'Step']);

/** `SearchResults` → `Search results`; `hit-a-wall` → `Hit a wall`. */
function humanize(name: string): string {
  const words = name
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function plainText(node: RootContent | PhrasingContent | Root): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'mdxjsEsm')
    return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}

function stringAttr(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

function identifierAttr(name: string, identifier: string): MdxJsxAttribute {
  const estree: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression: { type: 'Identifier', name: identifier } }],
  };
  return {
    type: 'mdxJsxAttribute',
    name,
    value: { type: 'mdxJsxAttributeValueExpression', value: identifier, data: { estree } },
  };
}

function jsxFlow(
  name: string,
  attributes: MdxJsxAttribute[],
  children: RootContent[],
): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes,
    children: children as MdxJsxFlowElement['children'],
  };
}

function importNode(name: string, url: string): MdxjsEsm {
  const estree: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ImportDeclaration',
        specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
        source: { type: 'Literal', value: url, raw: JSON.stringify(url) },
        attributes: [],
      },
    ],
  };
  return {
    type: 'mdxjsEsm',
    value: `import ${name} from ${JSON.stringify(url)}`,
    data: { estree },
  };
}

function exportMetaNode(meta: DeckMeta): MdxjsEsm {
  const json = JSON.stringify(meta);
  const estree: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ExportNamedDeclaration',
        specifiers: [],
        source: null,
        attributes: [],
        declaration: {
          type: 'VariableDeclaration',
          kind: 'const',
          declarations: [
            {
              type: 'VariableDeclarator',
              id: { type: 'Identifier', name: 'deckMeta' },
              init: {
                type: 'CallExpression',
                optional: false,
                callee: {
                  type: 'MemberExpression',
                  computed: false,
                  optional: false,
                  object: { type: 'Identifier', name: 'JSON' },
                  property: { type: 'Identifier', name: 'parse' },
                },
                arguments: [{ type: 'Literal', value: json, raw: JSON.stringify(json) }],
              },
            },
          ],
        },
      },
    ],
  };
  return {
    type: 'mdxjsEsm',
    value: `export const deckMeta = JSON.parse(${JSON.stringify(json)})`,
    data: { estree },
  };
}

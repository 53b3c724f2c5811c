/**
 * A remark plugin that turns one talk (Deckset markdown or MDX) into a deck, Deckset style.
 *
 * - Top-level `---` separates slides (and, with `slide-dividers: #, ##`, those headings). Each
 *   slide becomes `<Slide index="n"><SlideBody>…</SlideBody><Notes>…</Notes></Slide>`, so the
 *   engine renders one slide (or only its notes) by context, from a single compiled module.
 * - A paragraph starting with `^` starts a speaker-note block; everything after it on the slide is
 *   notes. `<Notes>` elements are gathered into the same place.
 * - `key: value` lines at the very top are the settings block (markdown/deckCommands.ts);
 *   `[.key: value]` lines on a slide are slide commands. Commands the deck does not apply are left
 *   out and reported once (a build warning, and in dev the browser console).
 * - `<Step>` elements are numbered in order (`at="1"`, `at="2"`, …) unless they carry `at`; so are
 *   build-list items and `[.code-highlight]` steps.
 * - `<Scene …/>` markers become per-slide, per-step settings for the persistent sandbox.
 * - Images follow Deckset's forms (markdown/deckImages.ts); relative ones are imported so Vite
 *   bundles them, and a missing one becomes a visible placeholder and a warning.
 * - The file gains `export const deckMeta = {…}` (see deckMeta.ts).
 */
import type {
  Code,
  FootnoteDefinition,
  Heading,
  Paragraph,
  Parent,
  Root,
  RootContent,
} from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { DeckMeta, SceneSetting, SlideMeta } from './deckMeta.ts';
import {
  IGNORED_COMMANDS,
  IGNORED_SETTINGS,
  SLIDE_COMMANDS,
  isTrue,
  readLineSpec,
  readSettings,
  slideCommands,
  type SlideCommand,
} from './markdown/deckCommands.ts';
import { deckImage, imageForm, ImageRegistry } from './markdown/deckImages.ts';
import { footnoteMark, footnotesBlock, takeFootnoteDefinitions } from './markdown/footnotes.ts';
import {
  attr,
  consoleWarnNode,
  exportJsonNode,
  importNode,
  isJsx,
  jsxFlow,
  stringAttr,
} from './markdown/mdxNodes.ts';
import { readScene } from './markdown/sceneMarkers.ts';
import { slideLayout } from './markdown/slideLayout.ts';
import { pictureName, plainText, slideLabel, slideTitle, talkTitle } from './markdown/slideText.ts';
import { splitQuoteAuthor } from './markdown/quotes.ts';

interface VFileLike {
  path?: string;
  value?: unknown;
  fail?: (reason: string) => never;
  message?: (reason: string) => unknown;
  data?: Record<string, unknown>;
}

export interface RemarkDeckOptions {
  /** In dev, the compiled talk warns in the browser console about commands it left out. */
  devWarnings?: boolean;
}

/** The language of a stand-in code node that marks where a `[.code-highlight]` stood. */
const HIGHLIGHT_MARKER = '\0highlight';

const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\u200d|\ufe0f|\s)+$/u;

export function remarkDeck(options: RemarkDeckOptions = {}) {
  return (tree: Root, file?: VFileLike) => {
    const fail = (reason: string): never => {
      if (file?.fail) return file.fail(reason);
      throw new Error(reason);
    };
    const meta = transformDeck(tree, fail, {
      path: file?.path,
      source: typeof file?.value === 'string' ? file.value : undefined,
      warn: (reason) => file?.message?.(reason),
      devWarnings: options.devWarnings,
    });
    // For the build's own use (the talk's title in the page's <title>; see vitePlugin.ts).
    if (file?.data) file.data.deckMeta = meta;
  };
}

export interface TransformOptions {
  /** The talk file: relative images are looked up beside it (none are checked without it). */
  path?: string;
  /** The talk's text: settings keep their markdown (a footer's links and emphasis). */
  source?: string;
  warn?: (reason: string) => void;
  devWarnings?: boolean;
}

/** What one slide's build needs from the whole talk. */
interface DeckContext {
  config: Record<string, string>;
  images: ImageRegistry;
  defaultPlace: 'background' | 'flow';
  footnotes: Map<string, FootnoteDefinition>;
  total: number;
  /** Commands left out, with the slides (1-based) that used them. */
  leftOut: Map<string, number[]>;
  fail: (reason: string) => never;
}

/** Splits `tree` into slides in place and appends the `deckMeta` export. */
export function transformDeck(
  tree: Root,
  fail: (reason: string) => never,
  options: TransformOptions = {},
): DeckMeta {
  const footnotes = takeFootnoteDefinitions(tree);
  const esm: RootContent[] = [];
  const rest: RootContent[] = [];
  for (const node of tree.children) (node.type === 'mdxjsEsm' ? esm : rest).push(node);

  const { config, leftOutSettings } = takeSettings(rest, options.source);
  const groups = splitSlides(rest, config['slide-dividers']);
  const leftOut = new Map<string, number[]>();
  for (const key of leftOutSettings) leftOut.set(`${key}:`, [1]);

  const isMarkdown = options.path ? /\.(md|markdown)$/i.test(options.path) : false;
  const placement = config['image-placement'];
  const ctx: DeckContext = {
    config,
    images: new ImageRegistry(options.path),
    defaultPlace:
      placement === 'deckset' || (placement !== 'flow' && isMarkdown) ? 'background' : 'flow',
    footnotes,
    total: groups.length,
    leftOut,
    fail,
  };
  const slides: SlideMeta[] = [];
  const slideNodes = groups.map((group, index) => {
    const { node, meta } = buildSlide(group, index, ctx);
    slides.push(meta);
    return node;
  });

  const warnings = [
    ...ctx.images.missing.map(
      (path) => `Missing image "${path}": the slide shows a placeholder in its place.`,
    ),
    ...[...leftOut].map(
      ([key, on]) =>
        `${key.endsWith(':') ? `Setting "${key.slice(0, -1)}"` : `Command [.${key}]`} is ${
          IGNORED_COMMANDS.has(key) || IGNORED_SETTINGS.has(key.slice(0, -1))
            ? 'not supported'
            : 'unknown'
        } and was left out${key.endsWith(':') ? '' : ` (slide ${on.join(', ')})`}.`,
    ),
  ];
  for (const w of warnings) options.warn?.(w);

  const meta: DeckMeta = {
    config,
    title: talkTitle(config, slideNodes[0], slides[0]?.label),
    slides,
  };
  tree.children = [
    ...ctx.images.imports.map((img) => importNode(img.name, img.url)),
    ...esm,
    ...(options.devWarnings && warnings.length > 0
      ? [consoleWarnNode(`[deck] ${warnings.join('\n[deck] ')}`)]
      : []),
    ...slideNodes,
    exportJsonNode('deckMeta', meta),
  ];
  return meta;
}

/** Takes the settings block (`theme: Poster, 1` lines) off the top of the talk. */
function takeSettings(
  nodes: RootContent[],
  source: string | undefined,
): {
  config: Record<string, string>;
  leftOutSettings: string[];
} {
  const config: Record<string, string> = {};
  const leftOutSettings: string[] = [];
  // Deckset allows the block to be split by blank lines into several paragraphs.
  while (nodes[0]?.type === 'paragraph') {
    const { start, end } = nodes[0].position ?? {};
    const text =
      source && start?.offset !== undefined && end?.offset !== undefined
        ? source.slice(start.offset, end.offset)
        : plainText(nodes[0]);
    const read = readSettings(text.split('\n'));
    if (!read) break;
    Object.assign(config, read.settings);
    leftOutSettings.push(...read.leftOut);
    nodes.shift();
  }
  return { config, leftOutSettings };
}

/** Groups top-level nodes into slides at `---`, and at `slide-dividers` headings. */
function splitSlides(nodes: RootContent[], dividers: string | undefined): RootContent[][] {
  const depths = new Set(
    (dividers ?? '')
      .split(',')
      .map((d) => d.trim())
      .filter((d) => /^#{1,6}$/.test(d))
      .map((d) => d.length),
  );
  const groups: RootContent[][] = [[]];
  for (const node of nodes) {
    const current = groups[groups.length - 1]!;
    if (node.type === 'thematicBreak') groups.push([]);
    else if (node.type === 'heading' && depths.has(node.depth) && hasContent(current))
      groups.push([node]);
    else current.push(node);
  }
  return groups;
}

function hasContent(group: RootContent[]): boolean {
  return group.some((n) => !(n.type === 'html' && /^\s*<!--/.test(n.value)));
}

/** A slide's commands: each key's last value (`[.code-highlight]` stays in place, in the flow). */
interface SlideCommands {
  values: Record<string, string>;
}

function buildSlide(
  group: RootContent[],
  index: number,
  ctx: DeckContext,
): { node: MdxJsxFlowElement; meta: SlideMeta } {
  const commands: SlideCommands = { values: {} };
  const columns: RootContent[][] = [[]];
  let header: RootContent[] = [];
  const notes: RootContent[] = [];
  let noteBlocks = 0;
  let inNotes = false;

  const take = (list: SlideCommand[]) => {
    for (const { key, value } of list) {
      if (key === 'column') {
        // What stands before the first `[.column]` (a title) spans the columns, above them.
        if (!commands.values.column) header = columns.splice(0, 1, [])[0] ?? [];
        else columns.push([]);
        commands.values.column = 'true';
      } else if (key === 'code-highlight') {
        // A marker where the highlight was given: the next code block takes the ones before it.
        columns[columns.length - 1]!.push({ type: 'code', value, lang: HIGHLIGHT_MARKER });
      } else if (SLIDE_COMMANDS.has(key)) {
        commands.values[key] = value;
      } else {
        const on = ctx.leftOut.get(key) ?? [];
        if (!on.includes(index + 1)) on.push(index + 1);
        ctx.leftOut.set(key, on);
      }
    }
  };

  for (const node of group) {
    if (node.type === 'paragraph') {
      const list = slideCommands(node);
      if (list) {
        take(list);
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
    if (inNotes) notes.push(node);
    else columns[columns.length - 1]!.push(node);
  }
  const content = new SlideContent(index, ctx, commands);
  const top = content.walk(header, 0);
  const laidOut = columns.map((col) => content.walk(col, 0));
  content.finish();
  const body: RootContent[] = commands.values.column
    ? [
        ...top,
        jsxFlow(
          'DeckColumns',
          [],
          laidOut.map((col) => jsxFlow('DeckColumn', [], col)),
        ),
      ]
    : (laidOut[0] ?? []);

  const footnotes = footnotesBlock(content.footnoteIds, ctx.footnotes);
  const title = slideTitle(body);
  const meta: SlideMeta = {
    title,
    label: title || slideLabel(body, content.pictureNames),
    autoscale: content.setting('autoscale'),
    steps: content.steps,
    notes: noteBlocks,
    scenes: content.scenes,
    live: content.live,
    directives: commands.values,
  };
  const layout = slideLayout({
    index,
    total: ctx.total,
    config: ctx.config,
    values: commands.values,
    backgrounds: content.backgrounds,
    sides: content.sides,
    hasText: body.length > 0,
  });
  const children: MdxJsxFlowElement[] = [
    jsxFlow('SlideBody', layout.attributes, [
      ...layout.before,
      ...body,
      ...(footnotes ? [footnotes] : []),
      ...layout.after,
    ]),
  ];
  if (notes.length > 0) children.push(jsxFlow('Notes', [], notes));
  return { node: jsxFlow('Slide', [stringAttr('index', String(index))], children), meta };
}

/**
 * Walks a slide's content in document order: numbers builds, reads scene markers, places images,
 * marks `[fit]` headings, takes footnote references, and gives code its highlight steps.
 */
class SlideContent {
  steps = 0;
  live = false;
  readonly scenes: SceneSetting[] = [];
  readonly backgrounds: (MdxJsxFlowElement | MdxJsxTextElement)[] = [];
  readonly sides: (MdxJsxFlowElement | MdxJsxTextElement)[] = [];
  readonly pictureNames: string[] = [];
  readonly footnoteIds: string[] = [];
  /** `[.code-highlight]` values not yet taken by a code block. */
  private pendingHighlights: string[] = [];
  private readonly plainCode: { node: Code; step: number }[] = [];

  constructor(
    private readonly index: number,
    private readonly ctx: DeckContext,
    private readonly commands: SlideCommands,
  ) {}

  /** A slide command, or else the talk's setting of the same name. */
  setting(key: string): boolean {
    return isTrue(this.commands.values[key] ?? this.ctx.config[key]);
  }

  walk(nodes: RootContent[], step: number, inList = false): RootContent[] {
    const out: RootContent[] = [];
    for (const child of nodes) {
      const placed = this.visit(child, step, inList);
      if (placed) out.push(...placed);
    }
    return out;
  }

  /** The nodes `child` becomes (none when it moved out of the flow). */
  private visit(child: RootContent, step: number, inList: boolean): RootContent[] | undefined {
    if (child.type === 'code') return this.code(child, step);
    if (isJsx(child, 'Step')) {
      const el = child as MdxJsxFlowElement;
      const given = attr(el, 'at');
      let at: number;
      if (given === undefined) {
        at = ++this.steps;
        el.attributes.push(stringAttr('at', String(at)));
      } else {
        at = Number(given);
        if (!Number.isInteger(at) || at < 1)
          this.ctx.fail(
            `Slide ${this.index + 1}: <Step at> must be a positive integer, got ${String(given)}`,
          );
        this.steps = Math.max(this.steps, at);
      }
      el.children = this.walk(el.children as RootContent[], at) as MdxJsxFlowElement['children'];
      return [el];
    }
    if (isJsx(child, 'Scene')) {
      this.scenes.push(readScene(child as MdxJsxFlowElement, step, this.index, this.ctx.fail));
      return [child];
    }
    if (isJsx(child, 'LiveScene')) {
      this.live = true;
      return [child];
    }
    if (child.type === 'heading') this.heading(child);
    if (child.type === 'blockquote') splitQuoteAuthor(child);
    if (child.type === 'paragraph') return this.paragraph(child);
    if (child.type === 'list' && !inList && this.setting('build-lists')) {
      for (const item of child.children) {
        const at = ++this.steps;
        item.children = [
          jsxFlow('Step', [stringAttr('at', String(at))], this.walk(item.children, at, true)),
        ] as never;
      }
      return [child];
    }
    if ('children' in child) {
      const parent = child as Parent;
      parent.children = this.walk(
        parent.children as RootContent[],
        step,
        inList || child.type === 'list' || child.type === 'listItem',
      ) as Parent['children'];
    }
    return [child];
  }

  /** `# [fit] Title` fills the slide's width; an emoji-only heading is drawn large. */
  private heading(h: Heading): void {
    const first = h.children[0];
    const fitHeaders = (this.ctx.config['fit-header'] ?? '').split(',').map((s) => s.trim().length);
    let fit = fitHeaders.includes(h.depth) && /^#+$/.test(this.ctx.config['fit-header'] ?? '#');
    if (first?.type === 'text' && /^\[fit\]\s*/i.test(first.value)) {
      first.value = first.value.replace(/^\[fit\]\s*/i, '');
      fit = true;
    }
    this.takeFootnotes(h);
    const className = fit ? ['deck-fit'] : EMOJI_ONLY.test(plainText(h)) ? ['emoji'] : undefined;
    if (className) h.data = { ...h.data, hProperties: { className } };
  }

  /** Pictures leave the text for the background or a side; footnote references become marks. */
  private paragraph(p: Paragraph): RootContent[] | undefined {
    this.takeFootnotes(p);
    const kept: Paragraph['children'] = [];
    let inlineImages = 0;
    const lone = p.children.filter((c) => !isBlank(c)).length === 1;
    for (const c of p.children) {
      if (c.type !== 'image') {
        kept.push(c);
        continue;
      }
      const form = imageForm(c.alt ?? '', this.ctx.defaultPlace);
      const name = pictureName(c.url, form.alt);
      if (name) this.pictureNames.push(name);
      if (form.place === 'background' || form.place === 'left' || form.place === 'right') {
        const el = deckImage(c, form, this.ctx.images, 'mdxJsxFlowElement');
        (form.place === 'background' ? this.backgrounds : this.sides).push(el);
        continue;
      }
      if (form.place === 'flow' && lone) {
        return [deckImage(c, form, this.ctx.images, 'mdxJsxFlowElement')];
      }
      inlineImages++;
      kept.push(deckImage(c, form, this.ctx.images, 'mdxJsxTextElement') as MdxJsxTextElement);
    }
    if (kept.every(isBlank)) return undefined;
    p.children = kept;
    if (inlineImages > 0 && kept.every((c) => isBlank(c) || isJsx(c, 'DeckImage'))) {
      p.children = kept.filter((c) => !isBlank(c));
      p.data = { ...p.data, hProperties: { className: ['deck-image-row'] } };
    }
    return [p];
  }

  private takeFootnotes(parent: Parent): void {
    parent.children = parent.children.map((c) => {
      if (c.type === 'footnoteReference') {
        if (!this.footnoteIds.includes(c.identifier)) this.footnoteIds.push(c.identifier);
        const def = this.ctx.footnotes.get(c.identifier);
        return footnoteMark(def?.label ?? c.label ?? c.identifier);
      }
      if ('children' in c) this.takeFootnotes(c as Parent);
      return c;
    }) as Parent['children'];
  }

  /** Code: its highlight steps (from the `[.code-highlight]` lines before it) and its language. */
  private code(node: Code, step: number): RootContent[] | undefined {
    if (node.lang === HIGHLIGHT_MARKER) {
      this.pendingHighlights.push(node.value);
      return undefined;
    }
    if (!node.lang && this.ctx.config['code-language']) {
      node.lang = this.ctx.config['code-language'].toLowerCase();
    }
    if (this.pendingHighlights.length > 0) this.highlight(node, step);
    else this.plainCode.push({ node, step });
    return [node];
  }

  /** Highlights given after the code they mean (Deckset allows that) go to the slide's first. */
  finish(): void {
    const first = this.plainCode[0];
    if (first && this.pendingHighlights.length > 0) this.highlight(first.node, first.step);
  }

  private highlight(node: Code, step: number): void {
    const plan = this.pendingHighlights.map((spec, i) => ({
      at: i === 0 ? step : ++this.steps,
      lines: readLineSpec(spec),
    }));
    this.pendingHighlights = [];
    node.data = { ...node.data, hProperties: { dataHighlights: JSON.stringify(plan) } };
  }
}

function isBlank(node: { type: string; value?: string }): boolean {
  return (node.type === 'text' && !node.value?.trim()) || node.type === 'break';
}

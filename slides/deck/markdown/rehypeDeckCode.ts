/**
 * Build-time syntax highlighting with Shiki: every `pre > code.language-x` becomes highlighted
 * HTML in the compiled talk, so the browser loads no highlighter. Tokens carry short classes
 * (`tk-keyword`), coloured by theme.css for the dark and the light theme alike; each line is a
 * `span.line[data-line]`, so `[.code-highlight]` can dim the others.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import {
  bundledLanguages,
  createCssVariablesTheme,
  createHighlighter,
  type BundledLanguage,
  type Highlighter,
} from 'shiki';

const theme = createCssVariablesTheme({ name: 'deck', variablePrefix: '--shiki-' });

/** Loaded up front: the languages a tracing talk shows. Others load when a talk names them. */
const COMMON: BundledLanguage[] = [
  'elixir',
  'typescript',
  'javascript',
  'shellscript',
  'json',
  'yaml',
];

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [theme], langs: COMMON });
  return highlighter;
}

/** Starts loading the highlighter (a second or more), so the first talk compile needs not wait. */
export function warmHighlighter(): void {
  // One line per language compiles its grammar's patterns now rather than on the first block.
  void getHighlighter().then((hl) => {
    for (const lang of COMMON) hl.codeToHast('x = "y" # z', { lang, theme: 'deck' });
  });
}

export function rehypeDeckCode() {
  return async (tree: Root) => {
    const blocks: { parent: Root | Element; index: number; pre: Element; code: Element }[] = [];
    // Slides are MDX JSX elements (`<SlideBody>`): walk through every node with children.
    const visit = (parent: Root | Element) => {
      parent.children.forEach((child, index) => {
        if (!('children' in child)) return;
        if (child.type === 'element' && child.tagName === 'pre') {
          const code = child.children.find((c): c is Element => c.type === 'element');
          if (code?.tagName === 'code') {
            blocks.push({ parent, index, pre: child, code });
            return;
          }
        }
        visit(child as Element);
      });
    };
    visit(tree);
    if (blocks.length === 0) return;
    const hl = await getHighlighter();
    for (const { parent, index, code } of blocks) {
      const lang = await languageOf(hl, code);
      parent.children[index] = highlight(hl, textOf(code).replace(/\n$/, ''), lang, code);
    }
  };
}

/** The block's language if Shiki has it (loading it on first use), else plain text. */
async function languageOf(hl: Highlighter, code: Element): Promise<string> {
  const classes = (code.properties.className as string[] | undefined) ?? [];
  const named = classes.find((c) => c.startsWith('language-'))?.slice('language-'.length);
  const lang = named?.toLowerCase();
  if (!lang) return 'text';
  if (hl.getLoadedLanguages().includes(lang)) return lang;
  if (lang in bundledLanguages) {
    await hl.loadLanguage(lang as BundledLanguage);
    return lang;
  }
  return 'text';
}

function highlight(hl: Highlighter, text: string, lang: string, code: Element): Element {
  const root = hl.codeToHast(text, {
    lang,
    theme: 'deck',
    transformers: [
      {
        line(node, line) {
          node.properties['data-line'] = line;
        },
      },
    ],
  });
  const shikiPre = root.children.find((c): c is Element => c.type === 'element');
  const shikiCode = shikiPre?.children.find((c): c is Element => c.type === 'element');
  const lines = (shikiCode?.children ?? []).map(compactLine);
  const { className, ...rest } = code.properties;
  return {
    type: 'element',
    tagName: 'pre',
    properties: { className: ['deck-code'], dataLang: lang, ...rest },
    children: [
      {
        type: 'element',
        tagName: 'code',
        properties: { className: className ?? [] },
        children: lines,
      },
    ],
  };
}

/** `style="color:var(--shiki-token-keyword)"` → `class="tk-keyword"`; plain tokens → text. */
function compactLine(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  const children: ElementContent[] = [];
  for (const token of node.children) {
    if (token.type !== 'element') {
      children.push(token);
      continue;
    }
    const style = String(token.properties.style ?? '');
    const m = /color:\s*var\(--shiki-(token-[\w-]+)\)/.exec(style);
    const italic = /font-style:\s*italic/.test(style);
    if (!m && !italic) {
      pushText(children, textOf(token));
      continue;
    }
    const classes = [
      m ? `tk-${m[1]!.slice('token-'.length)}` : '',
      italic ? 'tk-italic' : '',
    ].filter(Boolean);
    children.push({
      type: 'element',
      tagName: 'span',
      properties: { className: classes },
      children: [{ type: 'text', value: textOf(token) }],
    });
  }
  return { ...node, children };
}

function pushText(children: ElementContent[], value: string): void {
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value += value;
  else children.push({ type: 'text', value });
}

function textOf(node: Element | RootContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as RootContent)).join('');
  return '';
}

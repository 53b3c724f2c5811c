/**
 * A remark plugin that runs after remarkDeck and prepares a deck for reading alone.
 *
 * - `<Read>` (reader text) moves out of the slide's body to sit beside it, so the slide and the
 *   presenter view never show it; the reading mode renders the slide's `read` part.
 * - `<Beat n={8} />` marks where a hero's-journey step starts; every slide after it gets the same
 *   marker until the next one, so each slide shows the step it belongs to.
 * - `<SiteAddress />` gets the site's URL and its QR code, drawn here at build time: the deck
 *   setting `site:` at the top of the file, or else the SITE_URL environment variable.
 * - The guided steps (`<Guide>`) and questions (`<Predict>`) are listed in the talk's order, so
 *   that "question 3 of 7" counts the talk's own questions.
 * - The file gains `export const readMeta = {…}` (see readMeta.ts).
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx';
import { qrPicture } from '../components/qr.ts';
import { exportJsonNode } from '../deck/markdown/mdxNodes.ts';
import type { ReadMeta, ReadSlide } from './readMeta.ts';

interface VFileLike {
  value?: unknown;
  fail?: (reason: string) => never;
}

export function remarkRead() {
  return (tree: Root, file?: VFileLike) => {
    const fail = (reason: string): never => {
      if (file?.fail) return file.fail(reason);
      throw new Error(reason);
    };
    const site = siteUrl(String(file?.value ?? ''), process.env.SITE_URL);
    const meta = transformRead(tree, site, fail);
    tree.children.push(exportJsonNode('readMeta', meta));
  };
}

/** The deck setting `site:` from the file's first lines (as remarkDeck reads them), or `fallback`. */
export function siteUrl(source: string, fallback?: string): string | undefined {
  const head = source.replace(/^\uFEFF/, '').split(/\r?\n\s*\r?\n/)[0] ?? '';
  const lines = head.split(/\r?\n/);
  if (lines.every((l) => /^[a-z][\w-]*:\s*\S/i.test(l))) {
    const line = lines.find((l) => /^site\s*:/i.test(l));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  }
  return fallback?.trim() || undefined;
}

/** Moves reader text, repeats beat markers and fills in the site address, slide by slide. */
export function transformRead(
  tree: Root,
  site: string | undefined,
  fail: (reason: string) => never,
): ReadMeta {
  const slides: ReadSlide[] = [];
  const guides: string[] = [];
  const questions: string[] = [];
  let beat: number | undefined;
  for (const slide of tree.children) {
    if (!isJsx(slide, 'Slide')) continue;
    const index = slides.length;
    const body = slide.children.find((c) => isJsx(c, 'SlideBody')) as MdxJsxFlowElement | undefined;
    const info: ReadSlide = { read: false };
    if (body) {
      const reads: MdxJsxFlowElement[] = [];
      let marked = false;
      body.children = body.children.filter((child) => {
        if (isJsx(child, 'Read')) {
          reads.push(child);
          return false;
        }
        if (isJsx(child, 'Beat')) {
          const n = Number(attr(child, 'n'));
          if (!Number.isInteger(n) || n < 1 || n > 12)
            fail(`Slide ${index + 1}: <Beat n> must be a step from 1 to 12`);
          beat = n;
          marked = true;
        }
        return true;
      });
      if (!marked && beat !== undefined)
        body.children.push(jsx('Beat', [stringAttr('n', String(beat))]));
      nested(body, (el) => {
        if (el.name === 'Read')
          fail(`Slide ${index + 1}: <Read> must stand on its own, not inside another element`);
        if (el.name === 'SiteAddress') addSite(el, site);
      });
      if (reads.length > 0) {
        info.read = true;
        const title = reads.map((r) => attr(r, 'title')).find((t) => typeof t === 'string');
        if (title) info.title = title;
        slide.children.push(...reads);
      }
    }
    if (beat !== undefined) info.beat = beat;
    slides.push(info);
    nested(slide, (el) => {
      const list = el.name === 'Guide' ? guides : el.name === 'Predict' ? questions : undefined;
      const id = list && attr(el, 'id');
      if (list && id && !list.includes(id)) list.push(id);
      if (el.name === 'Predict' && typeof id === 'string') (info.questions ??= []).push(id);
    });
  }
  return { site, slides, guides, questions };
}

function addSite(el: MdxJsxFlowElement, site: string | undefined): void {
  if (!site || el.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'url')) return;
  const qr = qrPicture(site);
  el.attributes.push(
    stringAttr('url', site),
    stringAttr('qrSize', String(qr.size)),
    stringAttr('qrPath', qr.path),
  );
}

/** Calls `visit` for every JSX element below `parent` (not `parent` itself). */
function nested(parent: { children: unknown[] }, visit: (el: MdxJsxFlowElement) => void): void {
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement')
      visit(child as MdxJsxFlowElement);
    if ('children' in child) nested(child as { children: unknown[] }, visit);
  }
}

function isJsx(node: RootContent, name: string): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' && node.name === name;
}

function attr(el: MdxJsxFlowElement, name: string): string | undefined {
  const a = el.attributes.find(
    (x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === name,
  );
  if (!a || a.value === null || a.value === undefined) return undefined;
  return typeof a.value === 'string' ? a.value : a.value.value;
}

function stringAttr(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

function jsx(name: string, attributes: MdxJsxAttribute[]): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes, children: [] };
}

/**
 * Deckset's image forms. The words in an image's alt text place it:
 * - `![](x.jpg)`, `![fit](…)`, `![50%](…)`: the slide's background (several share it side by
 *   side); filtered (darkened) when text sits on top, unless `original`; `filtered` forces it.
 * - `![left](…)`, `![right](…)`: half the slide, the text in the other half.
 * - `![inline](…)`: in the text flow; `fit` fills the space left, `fill` the width, `N%` a share of
 *   its own size; several in one paragraph stand in a row.
 * Words combine, with spaces or commas: `![right, fit](…)`, `![inline 50%](…)`.
 *
 * In an `.mdx` talk (placement `flow`) a picture without `left`, `right` or `inline` stays in the
 * flow as before: `fit` fills the free space under the text, `N%` takes that share of the height.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Image } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { identifierAttr, stringAttr } from './mdxNodes.ts';

export type Placement = 'background' | 'left' | 'right' | 'inline' | 'flow';

export interface ImageForm {
  place: Placement;
  /** `fit` (contain), `fill` (cover), or a percentage such as `60%`. */
  size?: string;
  filter?: 'filtered' | 'original';
  /** The alt text without Deckset's words. */
  alt: string;
}

const KEYWORDS = new Set(['left', 'right', 'inline', 'fit', 'fill', 'filtered', 'original']);

export function imageForm(alt: string, defaultPlace: 'background' | 'flow'): ImageForm {
  const words = alt.split(/[\s,]+/).filter(Boolean);
  const has = (w: string) => words.includes(w);
  const percent = words.find((w) => /^\d+(\.\d+)?%$/.test(w));
  const place: Placement = has('inline')
    ? 'inline'
    : has('left')
      ? 'left'
      : has('right')
        ? 'right'
        : defaultPlace;
  const size = has('fit') ? 'fit' : has('fill') ? 'fill' : percent;
  const filter = has('original') ? 'original' : has('filtered') ? 'filtered' : undefined;
  const rest = words.filter((w) => !KEYWORDS.has(w) && w !== percent).join(' ');
  return { place, size, filter, alt: rest };
}

/** Collects the pictures a talk imports, and the ones it names that do not exist. */
export class ImageRegistry {
  readonly imports: { name: string; url: string }[] = [];
  readonly missing: string[] = [];
  constructor(private readonly talkPath: string | undefined) {}

  /** The `src` attribute for `url`: an import of a bundled file, or the URL as given. */
  source(url: string): { attr?: MdxJsxAttribute; missing?: string } {
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) return { attr: stringAttr('src', url) };
    const path = decodePath(url.split(/[?#]/)[0] ?? url);
    if (this.talkPath && !existsSync(resolve(dirname(this.talkPath), path))) {
      this.missing.push(path);
      return { missing: path };
    }
    const importUrl = path.startsWith('.') ? path : `./${path}`;
    let name = this.imports.find((i) => i.url === importUrl)?.name;
    if (!name) {
      name = `__deckImage${this.imports.length}`;
      this.imports.push({ name, url: importUrl });
    }
    return { attr: identifierAttr('src', name) };
  }
}

/** `images/my%20photo.png` and `images/my photo.png` both name the file `my photo.png`. */
function decodePath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export function deckImage(
  img: Image,
  form: ImageForm,
  registry: ImageRegistry,
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement',
): MdxJsxFlowElement | MdxJsxTextElement {
  const attributes: MdxJsxAttribute[] = [stringAttr('alt', form.alt)];
  if (form.size) attributes.push(stringAttr('size', form.size));
  if (form.place !== 'flow') attributes.push(stringAttr('place', form.place));
  if (form.filter) attributes.push(stringAttr('filter', form.filter));
  if (img.title) attributes.push(stringAttr('title', img.title));
  const { attr, missing } = registry.source(img.url);
  if (attr) attributes.push(attr);
  if (missing) attributes.push(stringAttr('missing', missing));
  return { type, name: 'DeckImage', attributes, children: [] } as
    MdxJsxFlowElement | MdxJsxTextElement;
}

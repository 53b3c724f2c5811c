/**
 * The frame of a slide, from Deckset's commands: background colour and pictures, a picture on
 * one side, text colours and alignment, the footer and the slide number. Returns the
 * `<SlideBody>` attributes and the elements placed before and after the slide's content.
 */
import type { RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { isTrue, readTextStyle, type TextStyle } from './deckCommands.ts';
import { attr, jsxFlow, literalAttr, stringAttr } from './mdxNodes.ts';

export interface LayoutInput {
  index: number;
  total: number;
  config: Record<string, string>;
  values: Record<string, string>;
  backgrounds: (MdxJsxFlowElement | MdxJsxTextElement)[];
  sides: (MdxJsxFlowElement | MdxJsxTextElement)[];
  hasText: boolean;
}

/** Text styles a slide may set, each from its command or the talk's setting of the same name. */
const STYLE_KEYS = ['header', 'text', 'text-strong', 'text-emphasis', 'list'] as const;

export function slideLayout(input: LayoutInput): {
  attributes: MdxJsxAttribute[];
  before: RootContent[];
  after: RootContent[];
} {
  const { config, values } = input;
  const get = (key: string) => values[key] ?? config[key];
  const attributes: MdxJsxAttribute[] = [];
  const before: RootContent[] = [];
  const after: RootContent[] = [];

  const theme = (config.theme ?? 'Poster').split(',')[0]?.trim().toLowerCase();
  if (theme) attributes.push(stringAttr('theme', theme));
  const background = get('background-color');
  if (background && /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl)a?\([^)]*\))$/i.test(background.trim()))
    attributes.push(stringAttr('background', background.trim()));

  const styles: Record<string, TextStyle> = {};
  for (const key of STYLE_KEYS) {
    const value = get(key);
    if (value) styles[key] = readTextStyle(value);
  }
  if (Object.keys(styles).length > 0) attributes.push(stringAttr('styles', JSON.stringify(styles)));

  if (input.backgrounds.length > 0) {
    const forced = input.backgrounds.map((el) => attr(el, 'filter'));
    // Deckset darkens a background under text, unless the picture says `original`.
    const filtered = forced.includes('filtered') || (input.hasText && !forced.includes('original'));
    before.push(
      jsxFlow(
        'DeckBackground',
        filtered ? [literalAttr('filtered', true)] : [],
        input.backgrounds as RootContent[],
      ),
    );
  }
  const side = input.sides[0] ? attr(input.sides[0], 'place') : undefined;
  if (side === 'left' || side === 'right') {
    attributes.push(stringAttr('side', side));
    before.push(jsxFlow('DeckSide', [stringAttr('place', side)], input.sides as RootContent[]));
  }
  if (input.hasText) attributes.push(literalAttr('text', true));

  const footer = isTrue(values['hide-footer']) ? undefined : get('footer');
  const numbers = isTrue(get('slidenumbers'));
  if (footer || numbers) {
    const footAttrs: MdxJsxAttribute[] = [];
    if (numbers) {
      footAttrs.push(stringAttr('number', String(input.index + 1)));
      if (isTrue(get('slidecount'))) footAttrs.push(stringAttr('total', String(input.total)));
    }
    after.push(jsxFlow('DeckFooter', footAttrs, footer ? footerContent(footer) : []));
  }
  return { attributes, before, after };
}

/** The footer's text, with its emphasis and links (Deckset reads it as markdown). */
function footerContent(text: string): RootContent[] {
  const tree = fromMarkdown(text);
  const first = tree.children[0];
  return [
    first?.type === 'paragraph'
      ? first
      : { type: 'paragraph', children: [{ type: 'text', value: text }] },
  ];
}

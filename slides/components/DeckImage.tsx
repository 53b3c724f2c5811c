import { useState } from 'react';

/** The width of slide a picture's own pixel size is drawn for: Deckset's 16:9 canvas. */
const DESIGN_WIDTH = 1280;

/**
 * A Markdown image with Deckset placement (remarkDeck reads the alt words, see
 * slides/deck/markdown/deckImages.ts). `place` is `background`, `left`, `right` or `inline`
 * (none: in the flow, the `.mdx` default); `size` is `fit`, `fill` or `N%`. An inline picture is
 * sized as it would be on a 1280-wide slide, so it scales with the slide. A picture whose file is
 * missing shows its path instead, so the slide says what is wrong.
 */
export function DeckImage({
  src,
  alt,
  size,
  place,
  filter,
  title,
  missing,
}: {
  src?: string;
  alt?: string;
  size?: string;
  place?: string;
  filter?: string;
  title?: string;
  missing?: string;
}) {
  const [natural, setNatural] = useState<number | undefined>();
  const percent = size && size.endsWith('%') ? Number.parseFloat(size) : undefined;
  const sizeKind = size === 'fit' || size === 'fill' ? size : percent ? 'percent' : undefined;
  if (missing || !src) {
    return (
      <span
        className="deck-image deck-image-missing"
        role="img"
        aria-label={`Missing image: ${missing ?? ''}`}
        data-place={place}
        data-size={sizeKind}
      >
        <span>Missing image</span>
        <code>{missing}</code>
      </span>
    );
  }
  let style: React.CSSProperties | undefined;
  if (place === 'inline') {
    if (sizeKind !== 'fit' && sizeKind !== 'fill' && natural) {
      const share = (natural / DESIGN_WIDTH) * (percent ? percent / 100 : 1);
      style = { width: `${(share * 100).toFixed(2)}cqw` };
    }
  } else if (percent) {
    style = { height: `calc(56.25cqw * ${Math.min(percent, 100) / 100})` };
  }
  return (
    <img
      className="deck-image"
      src={src}
      alt={alt ?? ''}
      title={title}
      data-size={sizeKind}
      data-place={place}
      data-filter={filter}
      style={style}
      onLoad={place === 'inline' ? (e) => setNatural(e.currentTarget.naturalWidth) : undefined}
    />
  );
}

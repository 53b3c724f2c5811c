/**
 * A Markdown image with Deckset sizing: `![fit](x.svg)` fills the free space, `![60%](x.svg)` takes
 * that share of the slide's height, `![left]`/`![right]` float it beside the text.
 */
export function DeckImage({
  src,
  alt,
  size,
  place,
  title,
}: {
  src: string;
  alt?: string;
  size?: string;
  place?: string;
  title?: string;
}) {
  const percent = size && size.endsWith('%') ? Number.parseFloat(size) : undefined;
  return (
    <img
      className="deck-image"
      src={src}
      alt={alt ?? ''}
      title={title}
      data-size={size === 'fit' ? 'fit' : percent ? 'percent' : undefined}
      data-place={place}
      style={percent ? { height: `calc(56.25cqw * ${Math.min(percent, 100) / 100})` } : undefined}
    />
  );
}

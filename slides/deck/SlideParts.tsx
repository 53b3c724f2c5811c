import { Fragment, createElement, useContext, type CSSProperties, type ReactNode } from 'react';
import type { TextStyle } from './markdown/deckCommands.ts';
import { SlideContext } from './slideContext.ts';

/** One slide of the compiled MDX: renders only when it is the slide being asked for. */
export function Slide({
  index,
  render,
  children,
}: {
  index: string;
  /** The slide's content, built only when it shows (the compiled talk passes this: recmaLazySlides.ts). */
  render?: () => ReactNode;
  children?: ReactNode;
}) {
  const ctx = useContext(SlideContext);
  if (Number(index) !== ctx.index) return null;
  const content = render ? render() : children;
  // A slide's parts come as the compiler's static list: passed as arguments, they need no keys.
  return Array.isArray(content) ? createElement(Fragment, null, ...content) : <>{content}</>;
}

/**
 * What the audience sees. remarkDeck passes Deckset's frame commands: the theme, a background
 * colour, text styles (`[.header]`, `[.text]`, `[.list]`…) and the side a picture takes.
 */
export function SlideBody({
  children,
  theme,
  background,
  styles,
  side,
  text,
}: {
  children?: ReactNode;
  theme?: string;
  background?: string;
  styles?: string;
  side?: string;
  text?: boolean;
}) {
  const { part } = useContext(SlideContext);
  if (part !== 'body') return null;
  const parsed = styles ? (JSON.parse(styles) as Record<string, TextStyle>) : undefined;
  return (
    <>
      {background && <div className="deck-fill" style={{ background }} />}
      <div
        className="slide-body"
        data-deck-theme={theme}
        data-side={side}
        data-text={text || undefined}
        data-header-align={parsed?.header?.align}
        data-text-align={parsed?.text?.align ?? parsed?.list?.align}
        style={parsed ? styleVars(parsed) : undefined}
      >
        {children}
      </div>
    </>
  );
}

/** Text styles as CSS custom properties the theme reads (`--deck-header-color`, …). */
function styleVars(styles: Record<string, TextStyle>): CSSProperties {
  const vars: Record<string, string> = {};
  for (const [key, s] of Object.entries(styles)) {
    if (s.color) vars[`--deck-${key}-color`] = s.color;
    if (s.font) vars[`--deck-${key}-font`] = JSON.stringify(s.font);
    if (s.scale) vars[`--deck-${key}-scale`] = String(s.scale);
    if (s.bullet) vars[`--deck-${key}-bullet`] = JSON.stringify(`${s.bullet} `);
  }
  return vars as CSSProperties;
}

/** Speaker notes: hidden on the slide, shown in the presenter view and in print with notes. */
export function Notes({ children }: { children?: ReactNode }) {
  const { part } = useContext(SlideContext);
  return part === 'notes' ? <div className="slide-notes">{children}</div> : null;
}

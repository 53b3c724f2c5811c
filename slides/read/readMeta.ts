/** What remarkRead learns about each slide, exported by a deck MDX file as `readMeta`. */
export interface ReadSlide {
  /** The slide has reader text (`<Read>`): it ends a reading section. */
  read: boolean;
  /** The section's title, from `<Read title>`. */
  title?: string;
  /** The hero's-journey step (1-12) the slide belongs to. */
  beat?: number;
  /** `<Predict id>`s in the slide's reader text: its live scene shows their answers. */
  questions?: string[];
}

export interface ReadMeta {
  /** Where the site lives (deck setting `site:` or SITE_URL at build), if set. */
  site?: string;
  slides: ReadSlide[];
  /** `<Guide id>`s in the order the talk has them: "step 2 of 6" counts these. */
  guides: string[];
  /** `<Predict id>`s in the order the talk has them. */
  questions: string[];
}

/** A reading section: the slides up to and including one with reader text. */
export interface ReadSection {
  /** 0-based slides, in order. */
  slides: number[];
  title: string;
  beat?: number;
}

/**
 * Groups slides into reading sections: slides without reader text (titles, a picture) join the
 * next slide that has some, so that every section has prose. Slides after the last reader text
 * make a section of their own.
 */
export function readSections(meta: ReadMeta, labels: readonly string[]): ReadSection[] {
  const sections: ReadSection[] = [];
  let open: number[] = [];
  const close = (last: number) => {
    const info = meta.slides[last];
    sections.push({ slides: open, title: info?.title ?? labels[last] ?? '', beat: info?.beat });
    open = [];
  };
  labels.forEach((_, i) => {
    open.push(i);
    if (meta.slides[i]?.read) close(i);
  });
  if (open.length > 0) close(open[open.length - 1] ?? 0);
  return sections;
}

/** The section a slide is read in. */
export function sectionOf(sections: readonly ReadSection[], slide: number): number {
  const at = sections.findIndex((s) => s.slides.includes(slide));
  return at < 0 ? 0 : at;
}

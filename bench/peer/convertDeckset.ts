/**
 * Converts a Deckset markdown talk (the seed of our deck) into the markdown of a peer slide
 * framework, so the peer benchmark shows the same content in both decks.
 *
 * Deckset rules handled here:
 * - global commands (`theme: Poster, 1`) in the lines at the top of the file;
 * - slides separated by a line `---` (outside code fences);
 * - slide commands such as `[.autoscale: true]` on a line of their own;
 * - speaker notes: everything in a slide from the first line that starts with `^` on (several
 *   `^` paragraphs make one note);
 * - images (`![fit](images/x.png)`): the files do not exist, so each becomes a text placeholder
 *   line.
 */

export interface DecksetSlide {
  /** Markdown of what the audience sees (images replaced by a placeholder line). */
  content: string;
  /** Markdown of the speaker notes, '' when the slide has none. */
  notes: string;
}

const GLOBAL_COMMAND = /^[a-z][a-z-]*:\s.*$/i;
const SLIDE_COMMAND = /^\[\.[a-z-]+(:[^\]]*)?\]\s*$/i;
const FENCE = /^\s*(```|~~~)/;
const IMAGE = /!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

/** Splits a Deckset file into its slides, with notes apart. */
export function parseDeckset(source: string): DecksetSlide[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  // Global commands: the lines before the first blank line, if all of them are `key: value`.
  const firstBlank = lines.findIndex((l) => l.trim() === '');
  const head = lines.slice(0, firstBlank < 0 ? lines.length : firstBlank);
  if (head.length > 0 && head.every((l) => GLOBAL_COMMAND.test(l))) lines.splice(0, head.length);

  const chunks: string[][] = [[]];
  let inFence = false;
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && line.trim() === '---') chunks.push([]);
    else chunks[chunks.length - 1]!.push(line);
  }
  return chunks.map(parseSlide);
}

function parseSlide(lines: string[]): DecksetSlide {
  const content: string[] = [];
  const notes: string[] = [];
  let inFence = false;
  let inNotes = false;
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && line.startsWith('^')) {
      inNotes = true;
      const rest = line.slice(1).trim();
      // A new `^` paragraph after another one: keep them apart.
      if (notes.length > 0 && notes[notes.length - 1] !== '') notes.push('');
      if (rest) notes.push(rest);
      continue;
    }
    if (inNotes) notes.push(line);
    else if (inFence || !SLIDE_COMMAND.test(line))
      content.push(inFence ? line : replaceImages(line));
  }
  return { content: trimBlankLines(content).join('\n'), notes: trimBlankLines(notes).join('\n') };
}

function replaceImages(line: string): string {
  return line.replace(IMAGE, (_all, _alt: string, src: string) => {
    const name = src.split('/').pop() ?? src;
    return `*[image: ${name}]*`;
  });
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/**
 * Markdown for Spectacle's `<MarkdownSlideSet>`: slides separated by `---`, notes in a
 * `<!-- notes start -->` … `<!-- notes end -->` zone (Spectacle's remarkRehypePresenterNotes uses
 * mdast-zone with the name `notes`; its `Notes: ` line form would only keep one paragraph).
 */
export function toSpectacleMarkdown(slides: DecksetSlide[]): string {
  return slides
    .map(({ content, notes }) => {
      // MarkdownSlideSet splits on any line that starts with `---`, even inside code: escape them.
      const body = content.replace(/^(\s*)---/gm, '$1\\---');
      if (!notes) return body;
      const note = notes.replace(/^(\s*)---/gm, '$1\\---');
      return `${body}\n\n<!-- notes start -->\n\n${note}\n\n<!-- notes end -->`;
    })
    .join('\n\n---\n\n');
}

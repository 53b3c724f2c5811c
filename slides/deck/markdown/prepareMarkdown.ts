/**
 * What Deckset reads that CommonMark does not: an image path with spaces (`![](my photo.png)`),
 * which CommonMark takes as text. Such a path is wrapped in `<…>`, outside code, before parsing.
 */
export function prepareMarkdown(source: string): string {
  let fence: string | undefined;
  return source
    .split('\n')
    .map((line) => {
      const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (open?.[1]) {
        if (!fence) fence = open[1];
        else if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '')
          fence = undefined;
        return line;
      }
      if (fence) return line;
      return line.replace(/!\[([^\]]*)\]\(([^)<>\n]+)\)/g, (whole, alt: string, dest: string) => {
        const d = dest.trim();
        if (!/\s/.test(d) || /^\S+\s+("[^"]*"|'[^']*'|\([^)]*\))$/.test(d)) return whole;
        return `![${alt}](<${d}>)`;
      });
    })
    .join('\n');
}

/** Small terminal helpers for the exercises CLI: colour (when wanted) and word wrapping. */

const useColor = () => process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (useColor() ? `\u001b[${code}m${s}\u001b[0m` : s);

export const green = paint('32');
export const red = paint('31');
export const yellow = paint('33');
export const bold = paint('1');
export const dim = paint('2');

/** Clears the screen and the scrollback, as rustlings does between runs. */
export const CLEAR = '\u001b[2J\u001b[3J\u001b[H';

/** Wraps `text` to the terminal's width, with `indent` before every line. */
export function wrap(
  text: string,
  indent = '',
  width = process.stdout.columns ?? 100,
  hang = indent,
): string {
  const max = Math.max(40, Math.min(width, 110)) - indent.length;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > max) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.map((l, i) => (i === 0 ? indent : hang) + l).join('\n');
}

/** `████░░░░` for done out of total. */
export function bar(done: number, total: number, width = 22): string {
  const full = Math.round((done / Math.max(1, total)) * width);
  return `${green('█'.repeat(full))}${dim('░'.repeat(width - full))}`;
}

/** Indents a block of code or a drawn tree by `indent`. */
export const indentBlock = (block: string, indent = '    ') =>
  block
    .split('\n')
    .map((l) => indent + l)
    .join('\n');

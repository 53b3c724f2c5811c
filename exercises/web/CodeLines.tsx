import type { CSSProperties } from 'react';

/** Leading spaces of a line: its indentation, in characters. */
const indentOf = (line: string) => line.length - line.trimStart().length;

/** After a dot or an opening bracket, before something that is not a space. */
const CODE_BREAK = /(?<=[.([{])(?=\S)/;

/**
 * Code set for a narrow column that must wrap rather than scroll sideways: each line wraps under
 * its own indentation plus a hanging indent (so a continuation never looks like a new statement),
 * at spaces and after a dot or an opening bracket, and nowhere else
 * (`before_dispatch(%Commanded.Middleware.Pipeline{}` broke mid-word on a phone, and `%{kind: …}`
 * between its `%` and `{`). Each line keeps its newline, so the text copies as the code it is.
 */
export function CodeLines({ code }: { code: string }) {
  return code.split('\n').map((line, i) => (
    <span key={i} className="code-line" style={{ '--indent': indentOf(line) } as CSSProperties}>
      {pieces(line)}
      {'\n'}
    </span>
  ));
}

/**
 * The line's spaces as they are, and between them pieces that the browser keeps whole (an
 * inline block breaks inside only when it is wider than the whole row).
 */
function pieces(line: string) {
  return line
    .split(/(\s+)/)
    .flatMap((word) => (/^\s*$/.test(word) ? [word] : word.split(CODE_BREAK)))
    .map((piece, k) =>
      /^\s*$/.test(piece) ? (
        piece
      ) : (
        <span key={k} className="code-piece">
          {piece}
        </span>
      ),
    );
}

import { RangeSetBuilder } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';

/** Hangs deeper than this are drawn at this depth: a line indented 60 columns is rare. */
const MAX_HANG = 40;

/**
 * How far, in columns, a wrapped line's continuation is indented: under the comment's text for a
 * `//` comment, else two past the line's own indentation.
 */
export function hangOf(line: string): number {
  const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
  const comment = /^[ \t]*(\/\/+|\*|\/\*+) ?/.exec(line);
  return Math.min(MAX_HANG, comment ? comment[0].length : indent + 2);
}

const lineDecos = Array.from({ length: MAX_HANG + 1 }, (_, n) =>
  Decoration.line({ class: `cm-hang-${n}` }),
);

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges)
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      const deco = lineDecos[hangOf(line.text)];
      if (deco) builder.add(line.from, line.from, deco);
      pos = line.to + 1;
    }
  return builder.finish();
}

/**
 * Wrapped lines hang under their own text, as CodeLines does for the Elixir: with
 * `lineWrapping` alone, a starter's long comment went on at the gutter's edge, where it read as
 * code. The amount is a class per depth (a style attribute would break the site's CSP).
 */
export const hangingIndent = [
  ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  ),
  EditorView.theme(
    Object.fromEntries(
      Array.from({ length: MAX_HANG + 1 }, (_, n) => [
        `.cm-line.cm-hang-${n}`,
        { paddingLeft: `calc(6px + ${n}ch)`, textIndent: `-${n}ch` },
      ]),
    ),
  ),
];

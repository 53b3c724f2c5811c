import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { hangingIndent } from './hangingIndent.ts';

export interface CodeEditorProps {
  value: string;
  /**
   * When this changes, `value` replaces the editor's text (a reset, a file loaded from disk).
   * Otherwise the editor keeps its own text: a render can carry a `value` older than what was
   * just typed, and writing that back would lose keystrokes and move the cursor.
   */
  valueKey: string;
  onChange: (text: string) => void;
  /** Ctrl+Enter / Cmd+Enter, with the editor's text (newer than `value` until React renders). */
  onRun: (text: string) => void;
  /** The accessible name of the text box. */
  label: string;
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '15px', backgroundColor: '#fff', color: '#111' },
  // The frame around the editor shows focus (see exercises.css): an outline in here is cut by the gutter.
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace",
    lineHeight: '1.5',
    overflow: 'auto',
  },
  '.cm-gutters': { backgroundColor: '#f3f3f0', color: '#555', borderRight: '1px solid #ccc' },
  '.cm-activeLine': { backgroundColor: '#eef4fa' },
  '.cm-activeLineGutter': { backgroundColor: '#dcebf7', color: '#111' },
});

/**
 * CodeMirror 6 with TypeScript highlighting. It lives in a shadow root: CodeMirror styles itself
 * with constructed style sheets there, which the site's Content-Security-Policy (no inline
 * `<style>`) allows, where in the document it would add `<style>` tags that the policy blocks.
 */
export function CodeEditor({ value, valueKey, onChange, onRun, label }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by the editor's listeners without rebuilding the editor.
  const handlers = useRef({ onChange, onRun });
  const latestValue = useRef(value);
  useEffect(() => {
    handlers.current = { onChange, onRun };
    latestValue.current = value;
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.style.height = '100%';
    shadow.append(parent);
    const editor = new EditorView({
      root: shadow,
      parent,
      state: EditorState.create({
        doc: '',
        extensions: [
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: (v) => {
                  handlers.current.onRun(v.state.doc.toString());
                  return true;
                },
              },
            ]),
          ),
          basicSetup,
          javascript({ typescript: true }),
          theme,
          EditorView.lineWrapping,
          hangingIndent,
          EditorView.contentAttributes.of({
            'aria-label': label,
            'aria-keyshortcuts': 'Control+Enter Meta+Enter',
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      view.current = null;
      editor.destroy();
      parent.remove();
    };
  }, [label]);

  // Outside changes (reset, a file changed on disk) replace the text; so does the first render.
  useEffect(() => {
    const editor = view.current;
    const text = latestValue.current;
    if (!editor || editor.state.doc.toString() === text) return;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: text },
      selection: { anchor: 0 },
    });
  }, [valueKey, label]);

  return <div ref={host} className="exw-editor" data-testid="code-editor" />;
}

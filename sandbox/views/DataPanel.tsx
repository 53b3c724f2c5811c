import { useRef, useState } from 'react';
import { useScene, useSceneState } from './SceneContext.ts';
import { SendPanel } from './SendPanel.tsx';

/** Export OTLP JSON, import a trace file (OTLP/JSON, or Jaeger's JSON), and (off by default) send to an OTLP/HTTP endpoint. */
export function DataPanel({ compact }: { compact: boolean }) {
  const scene = useScene();
  const importError = useSceneState((s) => s.importError);
  const view = useSceneState((s) => s.view);
  const importName = useSceneState((s) => s.importName);
  const mode = useSceneState((s) => s.mode);
  const seed = useSceneState((s) => s.seed);
  const file = useRef<HTMLInputElement>(null);
  const [sendOn, setSendOn] = useState(false);

  const exportFile = () => {
    const json = scene.exportJson();
    const blob = new Blob([json], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download =
      view === 'import' && importName
        ? `reexport-${importName}`
        : `traces-${mode}-seed${seed}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  };

  const importFile = async (f: File) => {
    const text = await f.text();
    scene.importText(text, f.name);
    if (file.current) file.current.value = '';
  };

  return (
    <section className="sbx-panel sbx-data" aria-label="Export and import">
      <div className="sbx-row">
        <button type="button" onClick={exportFile}>
          Export OTLP JSON
        </button>
        <label className="sbx-file">
          <span>Import OTLP or Jaeger JSON…</span>
          <input
            ref={file}
            type="file"
            accept=".json,.jsonl,application/json"
            data-testid="import-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importFile(f);
            }}
          />
        </label>
        {view === 'import' && <span className="sbx-muted">Showing {importName}</span>}
        {!compact && (
          <label className="sbx-inline">
            <input type="checkbox" checked={sendOn} onChange={(e) => setSendOn(e.target.checked)} />
            Send to an OTLP/HTTP endpoint
          </label>
        )}
      </div>
      {importError && (
        <div className="sbx-error" role="alert" data-testid="import-error">
          <p>Import failed, nothing changed. {importError}</p>
          <button type="button" onClick={() => scene.dismissImportError()}>
            Dismiss
          </button>
        </div>
      )}
      {sendOn && !compact && <SendPanel />}
    </section>
  );
}

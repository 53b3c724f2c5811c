import { useId, useRef, useState } from 'react';
import { useScene, useSceneState } from './SceneContext.ts';

export const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318/v1/traces';

type SendState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'ok' | 'error'; text: string };

/** Whether the page's CSP meta tag allows only its own origin for fetch, and `url` is elsewhere. */
function blockedByPolicy(url: URL): boolean {
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const connect = /connect-src ([^;]*)/.exec(meta?.getAttribute('content') ?? '')?.[1];
  if (!connect || url.origin === window.location.origin) return false;
  return !connect
    .split(/\s+/)
    .some((src) => src === url.origin || src === '*' || url.href.startsWith(src));
}

/** Posts an OTLP/JSON payload; resolves to a sentence for people, never throws. */
export async function postOtlp(
  url: string,
  body: string,
  spans: number,
): Promise<{ ok: boolean; text: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, text: `"${url}" is not a URL. Try ${DEFAULT_OTLP_ENDPOINT}.` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { ok: false, text: 'Only http:// and https:// endpoints can receive OTLP/HTTP.' };
  try {
    const res = await fetch(parsed, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    if (!res.ok)
      return {
        ok: false,
        text: `The endpoint answered ${res.status} ${res.statusText}. Nothing was lost: your traces are still here.`,
      };
    return { ok: true, text: `Sent ${spans} spans to ${parsed.href}.` };
  } catch {
    return {
      ok: false,
      text: `Could not reach ${parsed.href}: no server is listening there, or it does not allow requests from this page (CORS must be enabled on the Collector or Jaeger)${blockedByPolicy(parsed) ? ", or this page's Content-Security-Policy does not allow connecting to it (the built site allows its own origin only; npm run dev has no such policy)" : ''}. Nothing was lost: your traces are still here.`,
    };
  }
}

/** Export OTLP JSON, import a file, and (off by default) send to an OTLP/HTTP endpoint. */
export function DataPanel({ compact }: { compact: boolean }) {
  const scene = useScene();
  const id = useId();
  const importError = useSceneState((s) => s.importError);
  const view = useSceneState((s) => s.view);
  const importName = useSceneState((s) => s.importName);
  const mode = useSceneState((s) => s.mode);
  const seed = useSceneState((s) => s.seed);
  const file = useRef<HTMLInputElement>(null);
  const [sendOn, setSendOn] = useState(false);
  const [url, setUrl] = useState(DEFAULT_OTLP_ENDPOINT);
  const [send, setSend] = useState<SendState>({ kind: 'idle' });

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

  const sendNow = async () => {
    setSend({ kind: 'busy' });
    const body = scene.exportJson();
    const spans = (body.match(/"spanId"/g) ?? []).length;
    const result = await postOtlp(url, body, spans);
    setSend({ kind: result.ok ? 'ok' : 'error', text: result.text });
  };

  return (
    <section className="sbx-panel sbx-data" aria-label="Export and import">
      <div className="sbx-row">
        <button type="button" onClick={exportFile}>
          Export OTLP JSON
        </button>
        <label className="sbx-file">
          <span>Import OTLP JSON…</span>
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
      {sendOn && !compact && (
        <div className="sbx-row sbx-send">
          <label className="sbx-inline sbx-grow" htmlFor={`${id}-url`}>
            Endpoint
          </label>
          <input
            id={`${id}-url`}
            className="sbx-url"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            spellCheck={false}
          />
          <button type="button" disabled={send.kind === 'busy'} onClick={() => void sendNow()}>
            {send.kind === 'busy' ? 'Sending…' : 'Send spans'}
          </button>
          {(send.kind === 'ok' || send.kind === 'error') && (
            <p
              className={send.kind === 'ok' ? 'sbx-ok' : 'sbx-error-text'}
              role={send.kind === 'error' ? 'alert' : 'status'}
              data-testid="send-result"
            >
              {send.text}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

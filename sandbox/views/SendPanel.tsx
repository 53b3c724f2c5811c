import { useId, useState } from 'react';
import { jaegerSearchUrl, jaegerTraceUrl } from '../model/jaegerLinks.ts';
import { useJaegerUi } from './jaegerUiStore.ts';
import { OpenInJaeger } from './OpenInJaeger.tsx';
import { DEFAULT_OTLP_ENDPOINT, postOtlp } from './postOtlp.ts';
import { useScene, useSceneState } from './SceneContext.ts';

type SendState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'error'; text: string }
  | { kind: 'ok'; text: string; traceIds: string[]; at: number };

/** How many sent traces the summary links one by one. */
const LINKED = 8;

/** Sends the shown spans to an OTLP/HTTP endpoint, and links them in Jaeger UI when it is set. */
export function SendPanel() {
  const scene = useScene();
  const id = useId();
  const [url, setUrl] = useState(DEFAULT_OTLP_ENDPOINT);
  const [send, setSend] = useState<SendState>({ kind: 'idle' });
  const jaegerUrl = useJaegerUi((s) => s.url);
  const jaeger = useJaegerUi((s) => s.base);
  const setJaegerUrl = useJaegerUi((s) => s.setUrl);
  const selected = useSceneState((s) => s.selectedTraceId);

  const sendNow = async () => {
    setSend({ kind: 'busy' });
    const body = scene.exportJson();
    const spans = (body.match(/"spanId"/g) ?? []).length;
    const traceIds = [...new Set(body.match(/(?<="traceId":")[0-9a-f]{32}/g) ?? [])];
    const result = await postOtlp(url, body, spans);
    setSend(
      result.ok
        ? { kind: 'ok', text: result.text, traceIds, at: scene.runStartedAt() }
        : { kind: 'error', text: result.text },
    );
  };

  return (
    <div className="sbx-send" data-testid="send-panel">
      <div className="sbx-row">
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
      </div>
      <div className="sbx-row">
        <label className="sbx-inline sbx-grow" htmlFor={`${id}-jaeger`}>
          Jaeger UI
        </label>
        <input
          id={`${id}-jaeger`}
          className="sbx-url"
          type="url"
          value={jaegerUrl}
          placeholder="http://localhost:16686 (optional: links each trace to Jaeger)"
          onChange={(e) => setJaegerUrl(e.target.value)}
          spellCheck={false}
          aria-invalid={jaegerUrl.trim() !== '' && !jaeger}
        />
        {selected && <OpenInJaeger traceId={selected} label="Selected trace in Jaeger ↗" />}
      </div>
      {send.kind === 'error' && (
        <p className="sbx-error-text" role="alert" data-testid="send-result">
          {send.text}
        </p>
      )}
      {send.kind === 'ok' && (
        <div className="sbx-sent" role="status">
          <p className="sbx-ok" data-testid="send-result">
            {send.text}
          </p>
          <p className="sbx-muted">
            Placed at wall-clock time: this run began at{' '}
            {new Date(send.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}, so a
            search over the last hour finds it.
          </p>
          {jaeger && (
            <nav
              aria-label="Open in Jaeger"
              className="sbx-jaeger-links"
              data-testid="jaeger-links"
            >
              <a href={jaegerSearchUrl(jaeger)} target="_blank" rel="noopener noreferrer">
                Search in Jaeger (service web, last hour)
              </a>
              {send.traceIds.slice(0, LINKED).map((t) => (
                <a
                  key={t}
                  href={jaegerTraceUrl(jaeger, t)}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="sbx-mono"
                >
                  {t.slice(0, 8)}
                </a>
              ))}
              {send.traceIds.length > LINKED && (
                <span className="sbx-muted">
                  and {send.traceIds.length - LINKED} more traces (each row of the list links its
                  own)
                </span>
              )}
            </nav>
          )}
        </div>
      )}
    </div>
  );
}

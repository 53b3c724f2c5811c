import type { AttrValue, Attrs, SpanRecord } from '../model/SpanRecord.ts';
import { batchIndex } from '../model/batches.ts';
import { describeMessage, recordsMessage } from '../model/sameMessage.ts';
import { serviceColour, textOn } from '../model/palette.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { formatUs, shortId } from './format.ts';
import { nodeLabel } from '../core/topology.ts';
import { breakAfter } from './breakAfter.tsx';

const show = (v: AttrValue) => (Array.isArray(v) ? JSON.stringify(v) : String(v));

function AttrTable({ attrs, label }: { attrs: Attrs; label: string }) {
  const entries = Object.entries(attrs);
  if (entries.length === 0) return <p className="sbx-muted">none</p>;
  return (
    <table className="sbx-attrs" aria-label={label}>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{breakAfter(k, '._')}</th>
            <td>{show(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * How a message's receiver came by its parent when nothing about it is flagged, said before the
 * ids: in a run with nothing broken this is the span the sandbox selects, and its lesson sat
 * below the fold, under "Message". Through the message's metadata (metadata mode), or, with no
 * carrier at all, from the table the whole node shares (global mode), which the room should not
 * take for the fix.
 */
function HopNote({ span, parent }: { span: SpanRecord; parent: SpanRecord }) {
  const message = span.message;
  if (!message) return null;
  const from = message.fromNode ? nodeLabel(message.fromNode) : 'another process';
  if (message.traceparent)
    return (
      <p className="sbx-explain" role="note" data-testid="carried-note">
        ✓ Context carried here: the {message.summary} from {from} brought its trace context in its
        metadata, so this span continues the trace as a child of {parent.name}.
      </p>
    );
  return (
    <p className="sbx-explain" role="note" data-testid="shared-note">
      ℹ Connected without a carrier: the {message.summary} from {from} carried no trace context, yet
      this span found its parent, {parent.name}, in the table the whole node shares. That holds only
      while one request runs at a time: send a burst and requests mix.
    </p>
  );
}

/**
 * Everything about the selected span: flags with their explanation, ids, kind, attributes,
 * events, links, and the message that carried its context or failed to. All of it rendered as
 * text: an imported file's names and keys can never become markup.
 */
export function SpanDetails() {
  const scene = useScene();
  useSceneState((s) => s.revision);
  const spanId = useSceneState((s) => s.selectedSpanId);
  const foreign = useSceneState((s) => s.view === 'import' && s.importForeign);
  const buffer = scene.buffer();
  const span = spanId ? buffer.spans.get(spanId) : undefined;
  if (!span) {
    return (
      <section className="sbx-panel sbx-details" aria-label="Span details">
        <p className="sbx-empty">Select a span in the waterfall to see its details.</p>
      </section>
    );
  }
  const flags = buffer.flags.get(span.spanId) ?? [];
  const trace = buffer.traces.get(span.traceId);
  const parent = span.parentSpanId ? buffer.spans.get(span.parentSpanId) : undefined;
  const colour = serviceColour(span.service);
  const carried = span.attributes['sim.context.carried'];
  const batch = batchIndex(buffer).batches.get(span.spanId);
  return (
    <section className="sbx-panel sbx-details" aria-label="Span details" data-testid="span-details">
      <header className="sbx-panel-head">
        <h3>{breakAfter(span.name, '._')}</h3>
        <span className="sbx-chip" style={{ background: colour, color: textOn(colour) }}>
          {span.service}
        </span>
        <span className="sbx-kind">{span.kind}</span>
      </header>
      {flags.map((f) => (
        <p
          key={f.kind}
          className={`sbx-explain ${f.breaks ? 'sbx-explain-break' : ''}`}
          role="note"
        >
          {f.breaks ? '⚠ ' : 'ℹ '}
          {f.text}
          {f.related && buffer.spans.has(f.related.spanId) && (
            <>
              {' '}
              <button
                type="button"
                className="sbx-link"
                data-testid="related-span"
                onClick={() => scene.selectSpan(f.related?.spanId ?? null)}
              >
                Show {breakAfter(f.related.name, '._')} in trace {shortId(f.related.traceId)}
              </button>
            </>
          )}
        </p>
      ))}
      {flags.length === 0 && parent && <HopNote span={span} parent={parent} />}
      {batch && (
        <p className="sbx-explain sbx-explain-break" role="note" data-testid="batch-requests">
          ⚠ This batch handled events of {batch.requests.length} requests:{' '}
          {batch.requests.join(', ')}. Its trace is {batch.requestId}&rsquo;s;{' '}
          {batch.requests.length - 1} other request
          {batch.requests.length - 1 === 1 ? '' : 's'} lost this step from their own trace.
        </p>
      )}
      <dl className="sbx-ids">
        <dt>Trace id</dt>
        <dd className="sbx-mono">{span.traceId}</dd>
        <dt>Span id</dt>
        <dd className="sbx-mono">{span.spanId}</dd>
        <dt>Parent id</dt>
        <dd className="sbx-mono">
          {span.parentSpanId ? (
            parent ? (
              <button
                type="button"
                className="sbx-link"
                onClick={() => scene.selectSpan(parent.spanId)}
              >
                {span.parentSpanId} ({parent.name})
              </button>
            ) : (
              `${span.parentSpanId} (not in this view)`
            )
          ) : (
            'none: a root span'
          )}
        </dd>
        <dt>Start</dt>
        <dd>+{formatUs(span.startUs - (trace?.startUs ?? span.startUs))} into the trace</dd>
        <dt>Duration</dt>
        <dd>{span.endUs === null ? 'still open' : formatUs(span.endUs - span.startUs)}</dd>
        <dt>Request</dt>
        <dd>{span.requestId || 'unknown'}</dd>
      </dl>
      <h4>Message</h4>
      {span.message ? (
        <div className="sbx-message">
          <p>
            {span.message.summary} from{' '}
            <strong>
              {span.message.fromNode
                ? nodeLabel(span.message.fromNode)
                : (span.message.fromPid ?? '?')}
            </strong>{' '}
            to <strong>{nodeLabel(span.message.toNode)}</strong>:{' '}
            {span.message.traceparent ? (
              <span>carried trace context</span>
            ) : (
              <strong>carried no trace context</strong>
            )}
          </p>
          {span.message.traceparent && (
            <p className="sbx-mono">traceparent: {span.message.traceparent}</p>
          )}
          <pre className="sbx-pre" aria-label="Message metadata">
            {JSON.stringify(span.message.metadata ?? {}, null, 2)}
          </pre>
        </div>
      ) : (
        <p className="sbx-muted">
          {carried !== undefined
            ? 'This span consumed a message; its metadata is not part of an imported file.'
            : foreign && recordsMessage(span.attributes)
              ? // Another backend's file: its attributes name the message, not its metadata.
                `The file records the ${describeMessage(span.attributes)} this span worked on, but not the message\u2019s metadata: whether context came with it shows only in its parent id, above.`
              : span.kind === 'CONSUMER' || span.kind === 'SERVER'
                ? // Another backend's file: a receiving span, with nothing said of what it received.
                  `A ${span.kind} span handles a message or a request; the file does not say what it carried.`
                : 'Started inside its process, from the span stack: no message involved.'}
        </p>
      )}
      <h4>Attributes</h4>
      <AttrTable attrs={span.attributes} label="Span attributes" />
      <h4>Events</h4>
      {span.events.length === 0 ? (
        <p className="sbx-muted">none</p>
      ) : (
        <ul className="sbx-list">
          {span.events.map((e, i) => (
            <li key={i}>
              +{formatUs(e.timeUs - span.startUs)} <strong>{e.name}</strong>{' '}
              {Object.entries(e.attributes)
                .map(([k, v]) => `${k}=${show(v)}`)
                .join(' ')}
            </li>
          ))}
        </ul>
      )}
      <h4>Links</h4>
      {span.links.length === 0 ? (
        <p className="sbx-muted">none</p>
      ) : (
        <ul className="sbx-list">
          {span.links.map((l) => {
            const target = buffer.spans.get(l.spanId);
            return (
              <li key={`${l.traceId}-${l.spanId}`} className="sbx-mono">
                {target ? (
                  <button
                    type="button"
                    className="sbx-link"
                    onClick={() => scene.selectSpan(target.spanId)}
                  >
                    {target.name} ({l.spanId})
                  </button>
                ) : (
                  l.spanId
                )}{' '}
                in trace {l.traceId}
              </li>
            );
          })}
        </ul>
      )}
      <h4>Resource</h4>
      <AttrTable attrs={span.resource} label="Resource attributes" />
    </section>
  );
}

import type { SpanRecord } from '../model/SpanRecord.ts';
import { requestSplit, splitRequestToShow, type RequestStep } from '../model/requestSplit.ts';
import { spanLabel } from '../model/sameMessage.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { breakAfter } from './breakAfter.tsx';
import { count, shortId, shortRequest } from './format.ts';

/**
 * Where the topology was, for a file of another backend's spans: its processes are not drawn
 * over the simulated backend's boxes, which would name modules the learner's system does not
 * have. Instead, one of its requests as the file shows it: cut into traces, each one saying
 * after which span of an earlier trace the context was lost (sameMessage.ts finds that span).
 * The selected trace's request, else the one cut into the most traces.
 */
export function ForeignImport() {
  const scene = useScene();
  useSceneState((s) => s.revision);
  const name = useSceneState((s) => s.importName);
  const selectedTraceId = useSceneState((s) => s.selectedTraceId);
  const buffer = scene.buffer();
  const requestId = splitRequestToShow(buffer, selectedTraceId);
  const steps = requestId ? requestSplit(buffer, requestId) : [];
  const lost = steps.filter((s) => s.start.kind === 'lost').length;
  return (
    <figure className="sbx-topology sbx-topology-foreign" data-testid="foreign-import">
      <p>
        <strong>{name ?? 'This file'}</strong> comes from another backend than the
        simulation&rsquo;s, so there is no picture of its processes here
        {requestId
          ? '; instead, the traces one of its requests was cut into, and where.'
          : '. No request in it is split across traces: each request (by its correlation id) is one trace.'}
      </p>
      {requestId && (
        <>
          <h4 className="sbx-split-head">
            Request {shortRequest(requestId)}: {count(steps.length, 'trace')}, context lost at{' '}
            {count(lost, 'hop')}
          </h4>
          <ol className="sbx-split" aria-label={`Traces of request ${requestId}`}>
            {steps.map((step) => (
              <li
                key={step.traceId}
                data-start={step.start.kind}
                data-selected={step.traceId === selectedTraceId || undefined}
              >
                <StepStart step={step} onSelect={(s) => scene.selectSpan(s.spanId)} />
                <span className="sbx-split-trace">
                  <span className="sbx-split-n">{step.step}.</span>{' '}
                  {step.root ? (
                    <SpanButton span={step.root} onSelect={(s) => scene.selectSpan(s.spanId)} />
                  ) : (
                    <span>(root span not in the file)</span>
                  )}{' '}
                  <span className="sbx-muted">
                    {step.root?.service ?? ''} · trace {shortId(step.traceId)} ·{' '}
                    {count(step.spans, 'span')}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {lost > 0 && (
        <p className="sbx-split-fix">
          What carries the context across such a hop: the sender writes it into the message&rsquo;s
          metadata (a W3C <code>traceparent</code>; opentelemetry_commanded puts it under{' '}
          <code>trace_ctx</code>), and the handler reads it back before it starts its span. An event
          handler that dispatches a command has to pass the event&rsquo;s metadata on.
        </p>
      )}
      <p className="sbx-muted sbx-split-foot">
        Select a span for the reason; <em>Previous/Next problem</em> in the trace list walks every
        break in the file.
      </p>
    </figure>
  );
}

function SpanButton({ span, onSelect }: { span: SpanRecord; onSelect: (s: SpanRecord) => void }) {
  return (
    <button type="button" className="sbx-link" onClick={() => onSelect(span)}>
      {breakAfter(spanLabel(span), '._')}
    </button>
  );
}

/** How a trace began: cut from an earlier one (after which span, if known), or linked. */
function StepStart({ step, onSelect }: { step: RequestStep; onSelect: (s: SpanRecord) => void }) {
  const start = step.start;
  if (start.kind === 'first') return null;
  const after =
    'from' in start && start.from ? (
      <>
        {' '}
        after <SpanButton span={start.from} onSelect={onSelect} />
        {start.fromStep ? ` (trace ${start.fromStep})` : ''}
      </>
    ) : null;
  if (start.kind === 'lost' && start.sibling && start.from)
    return (
      <span className="sbx-split-cut">
        ✗ context lost; the same event also reached{' '}
        <SpanButton span={start.from} onSelect={onSelect} />
        {start.fromStep ? ` (trace ${start.fromStep})` : ''}
      </span>
    );
  if (start.kind === 'lost')
    return (
      <span className="sbx-split-cut">
        ✗ context lost{after ?? ': the file does not say after which span'}
      </span>
    );
  if (start.kind === 'linked')
    return <span className="sbx-split-linked">∞ new trace by design, linked{after}</span>;
  return (
    <span className="sbx-split-unknown">new trace; the file does not say what started it</span>
  );
}

import { jaegerTraceUrl } from '../model/jaegerLinks.ts';
import { useJaegerUi } from './jaegerUiStore.ts';

/**
 * A link to one trace in Jaeger UI, shown once the send panel has Jaeger UI's address. In a trace
 * row it is no tab stop of its own (the list is one, driven by arrow keys); the send panel links
 * the selected trace and the sent ones for keyboard users.
 */
export function OpenInJaeger({
  traceId,
  inRow = false,
  label = 'Jaeger ↗',
}: {
  traceId: string;
  inRow?: boolean;
  label?: string;
}) {
  const base = useJaegerUi((s) => s.base);
  if (!base) return null;
  return (
    <a
      className="sbx-jaeger-link"
      href={jaegerTraceUrl(base, traceId)}
      target="_blank"
      rel="noopener noreferrer"
      tabIndex={inRow ? -1 : undefined}
      aria-label={`Open trace ${traceId.slice(0, 8)} in Jaeger`}
      data-testid="open-in-jaeger"
      onClick={(e) => e.stopPropagation()}
    >
      {label}
    </a>
  );
}

import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useSceneState } from './SceneContext.ts';
import { SpanCompare } from './SpanCompare.tsx';
import { SpanDetails } from './SpanDetails.tsx';
import { TraceGraphView } from './TraceGraphView.tsx';
import { TraceStats } from './TraceStats.tsx';

const TABS = [
  { id: 'span', label: 'Span' },
  { id: 'graph', label: 'Trace graph' },
  { id: 'stats', label: 'Statistics' },
  { id: 'compare', label: 'Compare runs' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/**
 * The panel beside the picture: the selected span's details, the selected trace's graph, the
 * statistics, and a span-by-span comparison of one request under two settings. Selecting a span
 * brings its details to the front.
 */
export function ReadingPanel() {
  const id = useId();
  const [tab, setTab] = useState<Tab>('span');
  const span = useSceneState((s) => s.selectedSpanId);
  useEffect(() => {
    if (span) setTab('span');
  }, [span]);
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const t = TABS[next] as (typeof TABS)[number];
    setTab(t.id);
    document.getElementById(`${id}-${t.id}`)?.focus();
  };
  return (
    <section className="sbx-panel sbx-details sbx-reading" aria-label="Reading">
      <div
        className="sbx-tabs sbx-reading-tabs"
        role="tablist"
        aria-label="Reading"
        onKeyDown={onKey}
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${id}-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${tab}`}>
        {tab === 'span' && <SpanDetails />}
        {tab === 'graph' && <TraceGraphView />}
        {tab === 'stats' && <TraceStats />}
        {tab === 'compare' && <SpanCompare />}
      </div>
    </section>
  );
}

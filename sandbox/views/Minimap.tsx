import { useEffect, useRef, useState } from 'react';
import type { TreeRow } from '../model/buildTraceTree.ts';
import { serviceColour } from '../model/palette.ts';
import { formatUs } from './format.ts';

export interface Zoom {
  /** The shown part of the trace, as fractions of its duration (0..1). */
  from: number;
  to: number;
}

export const FULL: Zoom = { from: 0, to: 1 };

interface MinimapProps {
  rows: readonly TreeRow[];
  t0: number;
  range: number;
  now: number;
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  /** The selected span, for "zoom to span". */
  selected?: { startUs: number; endUs: number };
}

const HEIGHT = 28;

/**
 * The whole trace in one strip, as Jaeger draws it above its waterfall: drag across it to zoom the
 * waterfall to that stretch of time. The buttons do the same by keyboard.
 */
export function Minimap(props: MinimapProps) {
  const { rows, t0, range, now, zoom, onZoom } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const w = c.clientWidth || 300;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(w * ratio);
    c.height = Math.round(HEIGHT * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, HEIGHT);
    const n = Math.max(1, rows.length);
    const lane = Math.max(1, Math.min(4, (HEIGHT - 4) / n));
    rows.forEach((row, i) => {
      const s = row.span;
      const end = s.endUs ?? Math.max(now, s.startUs);
      const x = ((s.startUs - t0) / range) * w;
      const bw = Math.max(1, ((end - s.startUs) / range) * w);
      ctx.fillStyle = serviceColour(s.service);
      ctx.fillRect(x, 2 + (i / n) * (HEIGHT - 4), bw, lane);
    });
    const shade = drag ? { from: Math.min(drag.a, drag.b), to: Math.max(drag.a, drag.b) } : zoom;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.28)';
    ctx.fillRect(0, 0, shade.from * w, HEIGHT);
    ctx.fillRect(shade.to * w, 0, w - shade.to * w, HEIGHT);
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 2;
    ctx.strokeRect(shade.from * w + 1, 1, Math.max(2, (shade.to - shade.from) * w - 2), HEIGHT - 2);
  }, [rows, t0, range, now, zoom, drag]);

  const at = (clientX: number) => {
    const r = canvas.current?.getBoundingClientRect();
    return r && r.width > 0 ? Math.min(1, Math.max(0, (clientX - r.left) / r.width)) : 0;
  };
  const zoomed = zoom.from > 0 || zoom.to < 1;
  const mid = (zoom.from + zoom.to) / 2;
  const half = (zoom.to - zoom.from) / 2;
  const set = (from: number, to: number) =>
    onZoom(to - from >= 0.999 ? FULL : { from: Math.max(0, from), to: Math.min(1, to) });
  const shown = `${formatUs(zoom.from * range)} – ${formatUs(zoom.to * range)} of ${formatUs(range)}`;
  return (
    <div className="sbx-minimap" data-testid="minimap" data-zoom={zoomed ? shown : undefined}>
      <canvas
        ref={canvas}
        height={HEIGHT}
        aria-hidden="true"
        title="Drag across to zoom the waterfall to that stretch of time"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const x = at(e.clientX);
          setDrag({ a: x, b: x });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, b: at(e.clientX) })}
        onPointerUp={() => {
          if (!drag) return;
          const from = Math.min(drag.a, drag.b);
          const to = Math.max(drag.a, drag.b);
          setDrag(null);
          if (to - from > 0.01) set(from, to);
        }}
      />
      <div className="sbx-minimap-bar">
        <span className={zoomed ? 'sbx-muted' : 'sr-only'} aria-live="polite">
          {zoomed ? shown : 'Whole trace shown; drag across the strip to zoom'}
        </span>
        <button
          type="button"
          aria-label="Zoom in"
          title="Zoom in"
          onClick={() => set(mid - half / 2, mid + half / 2)}
        >
          +
        </button>
        <button
          type="button"
          disabled={!zoomed}
          aria-label="Zoom out"
          title="Zoom out"
          onClick={() => set(mid - half * 2, mid + half * 2)}
        >
          −
        </button>
        {props.selected && (
          <button
            type="button"
            aria-label="Zoom to span"
            title="Zoom to the selected span"
            onClick={() => {
              const s = props.selected as { startUs: number; endUs: number };
              const pad = Math.max((s.endUs - s.startUs) * 0.1, range * 0.002);
              set((s.startUs - pad - t0) / range, (s.endUs + pad - t0) / range);
            }}
          >
            Span
          </button>
        )}
        <button
          type="button"
          aria-label="Whole trace"
          title="Show the whole trace"
          disabled={!zoomed}
          onClick={() => onZoom(FULL)}
        >
          All
        </button>
      </div>
    </div>
  );
}

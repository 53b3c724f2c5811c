import { memo, useRef, type KeyboardEvent } from 'react';
import type { TreeRow } from '../model/buildTraceTree.ts';
import type { SpanFlag } from '../model/explainSpan.ts';
import type { SpanRecord } from '../model/SpanRecord.ts';
import { serviceColour, textOn } from '../model/palette.ts';
import type { SceneController } from '../store/SceneController.ts';
import { FittedName } from './FittedName.tsx';
import { fitsLongFlag, flagOf } from './spanFlagText.ts';
import { useNameFit } from './useNameFit.ts';

export const ROW = 32;

export interface RowHandlers {
  key: (e: KeyboardEvent, row: TreeRow, index: number) => void;
  click: (row: TreeRow, index: number) => void;
}

/** Where a bar sits in the timeline, in pixels, and where its duration label fits. */
export interface BarPlace {
  left: number;
  width: number;
  /** inside the bar, after it, before it, or nowhere (the row's text still says it). */
  label: 'inside' | 'after' | 'before' | 'none';
  /** Critical-path stretches of this span, in pixels from the timeline's left. */
  critical: readonly { left: number; width: number }[];
}

/** A label's width in pixels at 12 px tabular digits, with its padding. */
export const labelPx = (text: string) => text.length * 7 + 10;

/** Places a bar and its label so the label never leaves the timeline or covers another label. */
export function placeBar(left: number, width: number, label: string, timelinePx: number) {
  const need = labelPx(label);
  const visibleLeft = Math.max(0, left);
  const visibleRight = Math.min(timelinePx, left + width);
  if (visibleRight - visibleLeft >= need + 4) return 'inside' as const;
  if (left + width + need <= timelinePx) return 'after' as const;
  if (left - need >= 0) return 'before' as const;
  return 'none' as const;
}

interface SpanRowProps {
  row: TreeRow;
  /** The record itself: a new object whenever the span changes (it ended, say). */
  span: SpanRecord;
  index: number;
  flags: readonly SpanFlag[] | undefined;
  /** "batch: req-1, req-4, req-7" for a batch that handled several requests. */
  batchLabel: string | undefined;
  /** "batch of 3": the same, where the row has no room for the names. */
  batchShort: string | undefined;
  /** The name column's width, in pixels: a flag's long label shows where it fits whole. */
  nameColumnPx: number;
  /** The indent per level in this trace (levelStep). */
  levelPx: number;
  /** The service as a colour swatch, not a named chip (usesSwatch). */
  swatch: boolean;
  place: BarPlace;
  duration: string;
  open: boolean;
  selected: boolean;
  match: boolean;
  tabbable: boolean;
  handlers: { current: RowHandlers };
  scene: SceneController;
}

const NO_FLAGS: readonly SpanFlag[] = [];

/** One span; memoized, so a finished trace's rows skip rendering while the scene streams. */
export const SpanRow = memo(function SpanRow(props: SpanRowProps) {
  const { row, span, index, place, open, handlers, scene } = props;
  const flags = props.flags ?? NO_FLAGS;
  const label = useRef<HTMLSpanElement>(null);
  // `…router.dispatch` beside its flag, where CSS cut `commanded.router.dis…` (a phone).
  const shownName = useNameFit(label, span.name);
  const colour = serviceColour(span.service);
  const long = flagOf(flags, row.orphan, props.batchLabel);
  const { text: flagText, breaks } =
    long.text === undefined ||
    fitsLongFlag(
      { level: row.level, service: span.service, name: span.name },
      long.text,
      props.nameColumnPx,
      props.swatch,
      props.levelPx,
    )
      ? long
      : flagOf(flags, row.orphan, props.batchShort, true);
  const labelStyle =
    place.label === 'after'
      ? { left: place.left + place.width }
      : place.label === 'before'
        ? { left: place.left - 2, transform: 'translateX(-100%)' }
        : { left: Math.max(0, place.left) };
  return (
    <div
      role="row"
      aria-level={row.level}
      aria-expanded={row.childCount > 0 ? open : undefined}
      aria-selected={props.selected}
      aria-rowindex={index + 1}
      data-index={index}
      data-testid="span-row"
      data-span-id={span.spanId}
      data-flags={flags.map((f) => f.kind).join(' ') || undefined}
      data-match={props.match || undefined}
      data-critical={place.critical.length > 0 || undefined}
      tabIndex={props.tabbable ? 0 : -1}
      className="sbx-span-row"
      style={{ top: index * ROW }}
      onClick={() => handlers.current.click(row, index)}
      onKeyDown={(e) => handlers.current.key(e, row, index)}
    >
      <span
        role="gridcell"
        className="sbx-span-name"
        // Indented by depth; the step per level is CSS's (narrower on a phone, and in a trace
        // too deep for the column: sandbox.css, waterfallIndent.ts).
        style={{ ['--sbx-depth' as string]: row.level - 1 }}
        title={`${span.service} · ${span.name}`}
      >
        {row.childCount > 0 ? (
          <button
            type="button"
            tabIndex={-1}
            className="sbx-twisty"
            aria-label={open ? 'Collapse' : 'Expand'}
            onClick={(e) => {
              e.stopPropagation();
              scene.toggleCollapsed(span.spanId);
            }}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="sbx-twisty" aria-hidden="true" />
        )}
        {props.swatch ? (
          // The service's colour, its name for screen readers and in the row's tooltip: the
          // span's own name needs the room more.
          <span className="sbx-chip-swatch" style={{ background: colour }}>
            <span className="sr-only">{span.service}</span>
          </span>
        ) : (
          <span className="sbx-chip" style={{ background: colour, color: textOn(colour) }}>
            {span.service}
          </span>
        )}
        <span ref={label} className="sbx-span-label">
          <FittedName name={span.name} shown={shownName} />
        </span>
        {flagText && (
          <span className={`sbx-flag ${breaks ? 'sbx-flag-break' : ''}`}>
            {breaks ? '⚠ ' : ''}
            {flagText}
          </span>
        )}
      </span>
      <span role="gridcell" className="sbx-span-timeline">
        <span
          className={`sbx-bar ${span.endUs === null ? 'sbx-bar-open' : ''}`}
          style={{ left: place.left, width: Math.max(2, place.width), background: colour }}
        />
        {place.critical.map((c, i) => (
          <span
            key={i}
            className="sbx-critical"
            aria-hidden="true"
            style={{ left: c.left, width: Math.max(2, c.width) }}
          />
        ))}
        {place.label === 'none' ? (
          <span className="sr-only">{props.duration}</span>
        ) : (
          <span
            className="sbx-bar-label"
            data-inside={place.label === 'inside' || undefined}
            style={labelStyle}
          >
            {props.duration}
          </span>
        )}
      </span>
    </div>
  );
});

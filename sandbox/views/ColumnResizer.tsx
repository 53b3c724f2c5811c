import { useRef } from 'react';
import { NAME_COLUMN } from './useNameColumn.ts';

/**
 * The handle between the waterfall's names and its timeline: drag it, or focus it and use the
 * arrow keys (Home and End for the narrowest and widest).
 */
export function ColumnResizer(props: {
  width: number;
  onChange: (px: number) => void;
  max: number;
}) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const max = Math.max(NAME_COLUMN.min, Math.min(NAME_COLUMN.max, props.max));
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Name column width"
      aria-valuemin={NAME_COLUMN.min}
      aria-valuemax={max}
      aria-valuenow={props.width}
      tabIndex={0}
      className="sbx-col-resizer"
      data-testid="name-column-resizer"
      onPointerDown={(e) => {
        drag.current = { x: e.clientX, width: props.width };
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        if (drag.current)
          props.onChange(Math.min(max, drag.current.width + e.clientX - drag.current.x));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 64 : 16;
        let next: number | null = null;
        if (e.key === 'ArrowLeft') next = props.width - step;
        else if (e.key === 'ArrowRight') next = props.width + step;
        else if (e.key === 'Home') next = NAME_COLUMN.min;
        else if (e.key === 'End') next = max;
        if (next === null) return;
        e.preventDefault();
        props.onChange(Math.min(max, next));
      }}
    />
  );
}

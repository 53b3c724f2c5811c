import { SPEEDS } from '../store/SceneController.ts';
import { Kbd } from './Kbd.tsx';

/** The speed picker (0.1x to 100x); a speed set from the URL that is not a preset shows too. */
export function SpeedSelect({
  speed,
  onSpeed,
}: {
  speed: number;
  onSpeed: (speed: number) => void;
}) {
  return (
    <label className="sbx-inline">
      Speed
      <select
        value={String(speed)}
        onChange={(e) => onSpeed(Number(e.target.value))}
        aria-keyshortcuts="- +"
      >
        {!SPEEDS.includes(speed as (typeof SPEEDS)[number]) && (
          <option value={String(speed)}>{speed}x</option>
        )}
        {SPEEDS.map((v) => (
          <option key={v} value={String(v)}>
            {v}x
          </option>
        ))}
      </select>
      <Kbd k="− +" />
    </label>
  );
}

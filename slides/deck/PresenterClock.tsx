import { useEffect, useState } from 'react';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `h:mm:ss` (or `mm:ss` under an hour) for an elapsed time in milliseconds. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Elapsed time since the talk started (or was reset) and the wall clock. */
export function PresenterClock() {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const wall = new Date(now);
  return (
    <div className="presenter-clock">
      <span className="presenter-elapsed" aria-label="Elapsed time">
        <span className="presenter-label">Elapsed</span> {formatElapsed(now - start)}
      </span>
      <button
        type="button"
        className="button"
        onClick={() => {
          const t = Date.now();
          setStart(t);
          setNow(t);
        }}
      >
        Reset
      </button>
      <span className="presenter-wall" aria-label="Clock">
        <span className="presenter-label">Clock</span> {pad(wall.getHours())}:
        {pad(wall.getMinutes())}
      </span>
    </div>
  );
}

/** The most requests one burst sends: enough to stress the views, not enough to stall a laptop. */
export const MAX_BURST = 200;

/** How many requests the burst button sends, 1 to MAX_BURST whatever is typed. */
export function BurstSizeInput({
  burst,
  onBurst,
}: {
  burst: number;
  onBurst: (n: number) => void;
}) {
  return (
    <label className="sbx-small-label">
      <span className="sr-only">Requests per burst</span>
      <input
        type="number"
        min={1}
        max={MAX_BURST}
        value={burst}
        onChange={(e) => onBurst(Math.min(MAX_BURST, Math.max(1, Number(e.target.value) || 1)))}
      />
    </label>
  );
}

/** The seed field: a whole number, 0 or more, whatever is typed. */
export function SeedInput({ seed, onSeed }: { seed: number; onSeed: (seed: number) => void }) {
  return (
    <label className="sbx-inline">
      Seed
      <input
        type="number"
        className="sbx-seed"
        min={0}
        value={seed}
        onChange={(e) => onSeed(Math.max(0, Math.round(Number(e.target.value) || 0)))}
      />
    </label>
  );
}

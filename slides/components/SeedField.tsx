import { SeedInput } from '../../sandbox/views/SeedInput.tsx';

/** The sandbox's seed field, with a word on what a seed changes, for a tutorial scene. */
export function SeedField({ seed, onSeed }: { seed: number; onSeed: (seed: number) => void }) {
  return (
    <span className="tutorial-seed" title="Another seed: other timings and ids, the same system">
      <SeedInput seed={seed} onSeed={onSeed} />
    </span>
  );
}

/**
 * The twelve steps of the hero's journey the talk follows, as the second slide lists them. A
 * `<Beat n={8} />` on a slide starts that step; every later slide shows it until the next one.
 */
export const BEATS = [
  'Ordinary World',
  'Call to Adventure',
  'Refusal of the Call',
  'Mentor',
  'Threshold',
  'Tests, Allies, Enemies',
  'Inmost Cave',
  'Ordeal',
  'Reward',
  'The Road Back',
  'Resurrection',
  'The Elixir',
] as const;

/** "8 · Ordeal" for beat 8; undefined outside 1-12. */
export function beatLabel(n: number): string | undefined {
  const name = BEATS[n - 1];
  return name ? `${n} · ${name}` : undefined;
}

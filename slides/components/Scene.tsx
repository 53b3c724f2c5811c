/**
 * A marker for the live scene: `<Scene mode="metadata" requests={1} />` sets what the scene shows
 * from this slide (or, inside a `<Step>`, from that build) on. remarkDeck reads it at build time;
 * on the slide it draws nothing.
 */
export function Scene(_props: {
  mode?: string;
  scenario?: string;
  requests?: number;
  seed?: number;
  faults?: string[];
}) {
  return null;
}

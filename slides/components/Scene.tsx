/**
 * A marker for the live scene: `<Scene mode="metadata" requests={1} />` sets what the scene shows
 * from this slide (or, inside a `<Step>`, from that build) on. `requests` is the slide's request
 * count so far, the same on the slide and in the docked scene: a build with `requests={3}` after
 * 1 sends 2 more. remarkDeck reads it at build time; on the slide it draws nothing.
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

/** The pieces the trace graph's layouts share: boxes, names, hop labels, paths. */
import { nodeLabel } from '../core/topology.ts';
import type { HopMark } from '../model/contextHops.ts';
import { labelWords } from './labelWords.ts';

/** Box height; one line of the graph's 13px text, and about one character of it, a little over. */
export const BOX_H = 44;
export const LINE_H = 15;
export const CHAR = 8.2;
/** Room around the picture. */
export const PAD = 10;
/**
 * How roomy a picture is: the narrowest box and gap, the room around a name in its box and
 * around a label in its gap, and labels on one line or two.
 */
export interface Room {
  minW: number;
  minGap: number;
  boxPad: number;
  labelPad: number;
  wrapLabels: boolean;
}
/** The picture as the talk draws it: names on one line where they fit, labels on one line. */
export const ROOMY: Room = { minW: 150, minGap: 70, boxPad: 24, labelPad: 24, wrapLabels: false };
/** Names and labels on two lines, narrow gaps: six hop distances fit a 1280 px screen's panel. */
export const COMPACT: Room = { minW: 80, minGap: 40, boxPad: 16, labelPad: 24, wrapLabels: true };

export interface LaidBox {
  id: string;
  x: number;
  y: number;
  width: number;
  lines: string[];
}

export interface LaidHop {
  hop: HopMark;
  d: string;
  /** The straight distance between its ends: a cut hop's hole is placed by it. */
  chord: number;
  /** A cut or mixed hop's "✂ …" or "⚠ …" label, line by line; `y` is its last line's baseline. */
  label?: { x: number; y: number; lines: string[]; anchor: 'start' | 'middle' | 'end' };
}

export interface GraphLayout {
  /**
   * `across`: hop distance from the entry runs left to right, the picture the talk draws. `down`:
   * it runs down the page, for a panel too narrow for the whole trace across, even scaled.
   */
  direction: 'across' | 'down';
  /** The picture's own size; it is drawn `scale` times that (below 1 only across). */
  width: number;
  height: number;
  scale: number;
  boxes: LaidBox[];
  hops: LaidHop[];
}

/**
 * A process's name, as the topology and the span details name it ('Phoenix request' for
 * RequestProcess), on one line when it fits a box `boxW` wide, else on two, split where the
 * topology's labels split (spaces, CamelCase words): the split whose longer line is shortest.
 */
export function nameLines(id: string, boxW: number, boxPad: number): string[] {
  const name = nodeLabel(id);
  if (name.length * CHAR + boxPad <= boxW) return [name];
  return bestSplit(name, labelWords(name));
}

function bestSplit(text: string, words: Iterable<string>): string[] {
  let best = [text];
  let from = 0;
  for (const word of words) {
    const at = text.indexOf(word, from);
    from = at + word.length;
    if (at <= 0) continue;
    const split = [text.slice(0, at).trim(), text.slice(at).trim()];
    if (Math.max(...split.map((l) => l.length)) < Math.max(...best.map((l) => l.length)))
      best = split;
  }
  return best;
}

/** The width a box needs for `ids`: names that overflow the narrowest box go on two lines. */
export function boxWidthFor(ids: readonly string[], room: Room): number {
  const longest = Math.max(
    0,
    ...ids.flatMap((id) => nameLines(id, room.minW, room.boxPad)).map((l) => l.length),
  );
  return Math.max(room.minW, Math.ceil(longest * CHAR + room.boxPad));
}

/**
 * Hops the picture names beside their arrow: where the context was lost (✂) and where two
 * requests got mixed (⚠). Carried and linked hops are named in the list under the picture.
 */
export const isLabelled = (hop: HopMark) => hop.state === 'cut' || hop.state === 'mixed';

/** A named hop's label ("✂ context not read", "⚠ requests mixed"): one line, or two compact. */
export function hopLabel(hop: HopMark, room: Room): string[] {
  const text = `${hop.state === 'mixed' ? '⚠' : '✂'} ${hop.label}`;
  return room.wrapLabels ? bestSplit(text, text.split(' ').slice(2)) : [text];
}

export const textWidth = (lines: readonly string[]) =>
  Math.ceil(Math.max(0, ...lines.map((l) => l.length)) * CHAR);

/** A path through `points` along straight segments, each corner rounded. */
export function roundedPath(points: readonly (readonly [number, number])[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${first[0]} ${first[1]}`;
  for (let i = 0; i < rest.length; i++) {
    const [x, y] = rest[i] as readonly [number, number];
    const next = rest[i + 1];
    if (!next) {
      d += ` L${x} ${y}`;
      break;
    }
    const [px, py] = (i === 0 ? first : rest[i - 1]) as readonly [number, number];
    const r = Math.min(8, Math.hypot(x - px, y - py) / 2, Math.hypot(next[0] - x, next[1] - y) / 2);
    const inX = x - Math.sign(x - px) * r;
    const inY = y - Math.sign(y - py) * r;
    const outX = x + Math.sign(next[0] - x) * r;
    const outY = y + Math.sign(next[1] - y) * r;
    d += ` L${inX} ${inY} Q${x} ${y} ${outX} ${outY}`;
  }
  return d;
}

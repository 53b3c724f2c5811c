/**
 * Cuts a COLR colour table (versions 0 and 1) down to what a few glyphs draw.
 *
 * The emoji subset keeps glyph ids where they were (colorFontSubset.ts, retain-gids), so the
 * original COLR table would still be right, but it is ~1 MB for four thousand emoji. This writes
 * a new table with only the base glyphs asked for (and the colour glyphs they paint in turn), the
 * LayerList slices their PaintColrLayers use, their clip boxes, and every paint, colour line and
 * transform they reach, each once. Byte layouts follow the OpenType COLR spec
 * (https://learn.microsoft.com/en-us/typography/opentype/spec/colr).
 *
 * Relocation: every reachable object keeps its bytes and is laid out in the order of its original
 * offset. A paint's Offset24 fields are unsigned and relative to the paint itself, so in the
 * original every child lies after its parent; keeping the order keeps that true, and a shared
 * child stays shared. Anything the pruner does not understand (an unknown paint format, a null
 * child offset, another ClipList or ClipBox format) throws instead of writing a broken font.
 */

/** Bump when the pruner's output changes, so cached subsets made by an older one are rebuilt. */
export const COLR_PRUNE_VERSION = 1;

/** What an Offset24 inside a paint points at. */
export type ColrObjectKind = 'paint' | 'colorLine' | 'varColorLine' | 'affine' | 'varAffine';

/** A paint format's fixed size and where its Offset24 fields are (from the paint's start). */
export interface PaintShape {
  size: number;
  links: ReadonlyArray<readonly [at: number, kind: ColrObjectKind]>;
}

const CHILD = [[1, 'paint']] as const;
const leaf = (size: number): PaintShape => ({ size, links: [] });
const gradient = (size: number, kind: ColrObjectKind): PaintShape => ({ size, links: [[1, kind]] });
const wrapper = (size: number): PaintShape => ({ size, links: CHILD });

/** Paint formats 1-32 of COLR version 1. */
export const PAINT_SHAPES: ReadonlyMap<number, PaintShape> = new Map([
  [1, leaf(6)], // PaintColrLayers: its layers are LayerList indices, not offsets
  [2, leaf(5)], // PaintSolid
  [3, leaf(9)], // PaintVarSolid
  [4, gradient(16, 'colorLine')], // PaintLinearGradient
  [5, gradient(20, 'varColorLine')],
  [6, gradient(16, 'colorLine')], // PaintRadialGradient
  [7, gradient(20, 'varColorLine')],
  [8, gradient(12, 'colorLine')], // PaintSweepGradient
  [9, gradient(16, 'varColorLine')],
  [10, wrapper(6)], // PaintGlyph: child paint, then the glyph id
  [11, leaf(3)], // PaintColrGlyph: a base glyph id
  [12, { size: 7, links: [...CHILD, [4, 'affine']] }], // PaintTransform
  [13, { size: 7, links: [...CHILD, [4, 'varAffine']] }],
  [14, wrapper(8)], // PaintTranslate
  [15, wrapper(12)],
  [16, wrapper(8)], // PaintScale
  [17, wrapper(12)],
  [18, wrapper(12)], // PaintScaleAroundCenter
  [19, wrapper(16)],
  [20, wrapper(6)], // PaintScaleUniform
  [21, wrapper(10)],
  [22, wrapper(10)], // PaintScaleUniformAroundCenter
  [23, wrapper(14)],
  [24, wrapper(6)], // PaintRotate
  [25, wrapper(10)],
  [26, wrapper(10)], // PaintRotateAroundCenter
  [27, wrapper(14)],
  [28, wrapper(8)], // PaintSkew
  [29, wrapper(12)],
  [30, wrapper(12)], // PaintSkewAroundCenter
  [31, wrapper(16)],
  [32, { size: 8, links: [...CHILD, [5, 'paint']] }], // PaintComposite: source, mode, backdrop
]);

/** A COLR table opened for reading; offsets are from the table's start. */
export class ColrReader {
  readonly view: DataView;
  readonly version: number;
  /** v0: base glyph -> [first layer record, layer count]. */
  readonly v0 = new Map<number, readonly [number, number]>();
  readonly layerRecordsAt: number;
  /** v1: base glyph -> its paint. */
  readonly v1 = new Map<number, number>();
  readonly baseGlyphListAt: number;
  readonly layerListAt: number;
  readonly clipListAt: number;
  readonly varIndexMapAt: number;
  readonly varStoreAt: number;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.version = this.u16(0);
    if (this.version > 1) throw new Error(`COLR version ${this.version} is not supported`);
    const baseRecordsAt = this.u32(4);
    this.layerRecordsAt = this.u32(8);
    for (let i = 0; i < this.u16(2); i++) {
      const r = baseRecordsAt + 6 * i;
      this.v0.set(this.u16(r), [this.u16(r + 2), this.u16(r + 4)]);
    }
    // Version 0 tables end after numLayerRecords: no v1 lists.
    const v1 = (at: number) => (this.version >= 1 ? this.u32(at) : 0);
    this.baseGlyphListAt = v1(14);
    this.layerListAt = v1(18);
    this.clipListAt = v1(22);
    this.varIndexMapAt = v1(26);
    this.varStoreAt = v1(30);
    if (this.baseGlyphListAt) {
      for (let i = 0; i < this.u32(this.baseGlyphListAt); i++) {
        const r = this.baseGlyphListAt + 4 + 6 * i;
        this.v1.set(this.u16(r), this.baseGlyphListAt + this.u32(r + 2));
      }
    }
  }

  u8(at: number): number {
    return this.view.getUint8(at);
  }
  u16(at: number): number {
    return this.view.getUint16(at);
  }
  u24(at: number): number {
    return (this.view.getUint16(at) << 8) | this.view.getUint8(at + 2);
  }
  u32(at: number): number {
    return this.view.getUint32(at);
  }

  /** The paint at LayerList index `index`. */
  layer(index: number): number {
    if (!this.layerListAt) throw new Error('COLR: PaintColrLayers without a LayerList');
    if (index >= this.u32(this.layerListAt)) throw new Error(`COLR: no layer ${index}`);
    return this.layerListAt + this.u32(this.layerListAt + 4 + 4 * index);
  }

  /** The byte size of the object of `kind` at `at`. */
  sizeOf(at: number, kind: ColrObjectKind): number {
    if (kind === 'colorLine') return 3 + 6 * this.u16(at + 1);
    if (kind === 'varColorLine') return 3 + 10 * this.u16(at + 1);
    if (kind === 'affine') return 24;
    if (kind === 'varAffine') return 28;
    return this.shape(at).size;
  }

  /** The shape of the paint at `at`, or a clear error for a format this code does not know. */
  shape(at: number): PaintShape {
    const format = this.u8(at);
    const shape = PAINT_SHAPES.get(format);
    if (!shape) throw new Error(`COLR: unknown paint format ${format} at offset ${at}`);
    return shape;
  }
}

/** What the kept glyphs reach: v1 base glyphs, objects by original offset, LayerList indices. */
interface Reached {
  bases: number[];
  objects: Map<number, ColrObjectKind>;
  layers: number[];
}

/** Walks the paint graphs of `glyphs` (and of the colour glyphs they paint), each object once. */
function reach(colr: ColrReader, glyphs: Iterable<number>): Reached {
  const bases = new Set<number>();
  const objects = new Map<number, ColrObjectKind>();
  const layers = new Set<number>();
  const pending = [...glyphs];
  const visit = (at: number, kind: ColrObjectKind): void => {
    const seen = objects.get(at);
    if (seen === kind) return;
    if (seen) throw new Error(`COLR: offset ${at} is both a ${seen} and a ${kind}`);
    if (at + colr.sizeOf(at, kind) > colr.bytes.length) {
      throw new Error(`COLR: a ${kind} at offset ${at} runs past the table's end`);
    }
    objects.set(at, kind);
    if (kind !== 'paint') return;
    const format = colr.u8(at);
    if (format === 1) {
      const first = colr.u32(at + 2);
      for (let i = 0; i < colr.u8(at + 1); i++) {
        layers.add(first + i);
        visit(colr.layer(first + i), 'paint');
      }
    } else if (format === 11) {
      pending.push(colr.u16(at + 1));
    }
    for (const [field, child] of colr.shape(at).links) {
      const offset = colr.u24(at + field);
      if (!offset) throw new Error(`COLR: paint format ${format} at ${at} has a null offset`);
      visit(at + offset, child);
    }
  };
  for (let g = pending.pop(); g !== undefined; g = pending.pop()) {
    const paint = colr.v1.get(g);
    if (paint === undefined || bases.has(g)) continue;
    bases.add(g);
    visit(paint, 'paint');
  }
  const ascending = (a: number, b: number) => a - b;
  return { bases: [...bases].sort(ascending), objects, layers: [...layers].sort(ascending) };
}

/** A ClipList cut to `glyphs`: runs of consecutive glyphs sharing a box, boxes by original offset. */
interface Clips {
  records: Array<{ start: number; end: number; box: number }>;
  boxes: number[];
}

function clipsFor(colr: ColrReader, glyphs: number[]): Clips {
  const at = colr.clipListAt;
  if (!at) return { records: [], boxes: [] };
  if (colr.u8(at) !== 1) throw new Error(`COLR: unknown ClipList format ${colr.u8(at)}`);
  const count = colr.u32(at + 1);
  const boxOf = (g: number): number | undefined => {
    for (let i = 0; i < count; i++) {
      const r = at + 5 + 7 * i;
      if (colr.u16(r) <= g && g <= colr.u16(r + 2)) return at + colr.u24(r + 4);
    }
    return undefined;
  };
  const records: Clips['records'] = [];
  for (const g of glyphs) {
    const box = boxOf(g);
    if (box === undefined) continue;
    const last = records.at(-1);
    if (last && last.end === g - 1 && last.box === box) last.end = g;
    else records.push({ start: g, end: g, box });
  }
  const boxes = [...new Set(records.map((r) => r.box))].sort((a, b) => a - b);
  for (const box of boxes) {
    if (colr.u8(box) !== 1 && colr.u8(box) !== 2) {
      throw new Error(`COLR: unknown ClipBox format ${colr.u8(box)} at offset ${box}`);
    }
  }
  return { records, boxes };
}

/** ClipBox format 1 is four FWORDs; format 2 adds a varIndexBase. */
const clipBoxSize = (colr: ColrReader, at: number) => (colr.u8(at) === 1 ? 9 : 13);

/** The byte length of a DeltaSetIndexMap (format 0: u16 count, format 1: u32 count). */
function deltaSetIndexMapSize(colr: ColrReader, at: number): number {
  const format = colr.u8(at);
  if (format > 1) throw new Error(`COLR: unknown DeltaSetIndexMap format ${format}`);
  const entrySize = ((colr.u8(at + 1) >> 4) & 3) + 1;
  return format === 0 ? 4 + entrySize * colr.u16(at + 2) : 6 + entrySize * colr.u32(at + 2);
}

/** The byte length of an ItemVariationStore: the end of its furthest subtable. */
function itemVariationStoreSize(colr: ColrReader, at: number): number {
  const count = colr.u16(at + 6);
  let end = 8 + 4 * count;
  const regions = colr.u32(at + 2);
  if (regions) {
    end = Math.max(end, regions + 4 + 6 * colr.u16(at + regions) * colr.u16(at + regions + 2));
  }
  for (let i = 0; i < count; i++) {
    const data = colr.u32(at + 8 + 4 * i);
    if (!data) continue;
    const items = colr.u16(at + data);
    const wordField = colr.u16(at + data + 2);
    const regionIndexes = colr.u16(at + data + 4);
    // A row holds regionIndexCount deltas, wordDeltaCount of them twice as wide (LONG_WORDS: 2/4
    // bytes instead of 1/2).
    const row = (regionIndexes + (wordField & 0x7fff)) * (wordField & 0x8000 ? 2 : 1);
    end = Math.max(end, data + 6 + 2 * regionIndexes + items * row);
  }
  return end;
}

/** Where each part of the new table goes. */
interface Layout {
  v0Bases: number[];
  v0LayerCount: number;
  baseRecordsAt: number;
  layerRecordsAt: number;
  baseGlyphListAt: number;
  layerListAt: number;
  clipListAt: number;
  /** New offset of every copied object (paints, colour lines, transforms) by its original one. */
  moved: Map<number, number>;
  /** New offset of every kept clip box by its original one. */
  boxes: Map<number, number>;
  varIndexMap: { from: number; to: number; size: number };
  varStore: { from: number; to: number; size: number };
  size: number;
}

function layOut(colr: ColrReader, glyphs: number[], reached: Reached, clips: Clips): Layout {
  const v0Bases = glyphs.filter((g) => colr.v0.has(g));
  const v0LayerCount = v0Bases.reduce((n, g) => n + colr.v0.get(g)![1], 0);
  let at = colr.version >= 1 ? 34 : 14;
  const take = (size: number, present: boolean) => {
    if (!present) return 0;
    const start = at;
    at += size;
    return start;
  };
  const baseRecordsAt = take(6 * v0Bases.length, v0Bases.length > 0);
  const layerRecordsAt = take(4 * v0LayerCount, v0LayerCount > 0);
  const baseGlyphListAt = take(4 + 6 * reached.bases.length, colr.baseGlyphListAt > 0);
  const layerListAt = take(4 + 4 * reached.layers.length, colr.layerListAt > 0);
  const clipListAt = take(5 + 7 * clips.records.length, colr.clipListAt > 0);
  const boxes = new Map(clips.boxes.map((box) => [box, take(clipBoxSize(colr, box), true)]));
  const moved = new Map<number, number>();
  for (const from of [...reached.objects.keys()].sort((a, b) => a - b)) {
    moved.set(from, take(colr.sizeOf(from, reached.objects.get(from)!), true));
  }
  const blob = (from: number, size: (c: ColrReader, at: number) => number) => {
    const bytes = from ? size(colr, from) : 0;
    return { from, to: take(bytes, from > 0), size: bytes };
  };
  const varIndexMap = blob(colr.varIndexMapAt, deltaSetIndexMapSize);
  const varStore = blob(colr.varStoreAt, itemVariationStoreSize);
  return {
    ...{ v0Bases, v0LayerCount, baseRecordsAt, layerRecordsAt, baseGlyphListAt, layerListAt },
    ...{ clipListAt, moved, boxes, varIndexMap, varStore, size: at },
  };
}

/** Writes big-endian fields into the new table. */
class Writer {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(at: number, value: number): void {
    this.view.setUint16(at, value);
  }
  u24(at: number, value: number): void {
    if (value <= 0 || value > 0xffffff) throw new Error(`COLR: Offset24 ${value} out of range`);
    this.view.setUint16(at, value >> 8);
    this.view.setUint8(at + 2, value & 0xff);
  }
  u32(at: number, value: number): void {
    this.view.setUint32(at, value);
  }
}

function writeHeaderAndV0(colr: ColrReader, plan: Layout, out: Writer): void {
  out.u16(0, colr.version);
  out.u16(2, plan.v0Bases.length);
  out.u32(4, plan.baseRecordsAt);
  out.u32(8, plan.layerRecordsAt);
  out.u16(12, plan.v0LayerCount);
  let layer = 0;
  plan.v0Bases.forEach((g, i) => {
    const [first, count] = colr.v0.get(g)!;
    const r = plan.baseRecordsAt + 6 * i;
    out.u16(r, g);
    out.u16(r + 2, layer);
    out.u16(r + 4, count);
    const from = colr.layerRecordsAt + 4 * first;
    out.bytes.set(colr.bytes.subarray(from, from + 4 * count), plan.layerRecordsAt + 4 * layer);
    layer += count;
  });
  if (colr.version < 1) return;
  out.u32(14, plan.baseGlyphListAt);
  out.u32(18, plan.layerListAt);
  out.u32(22, plan.clipListAt);
  out.u32(26, plan.varIndexMap.to);
  out.u32(30, plan.varStore.to);
}

function writeLists(colr: ColrReader, reached: Reached, clips: Clips, plan: Layout, out: Writer) {
  const moved = (from: number) => plan.moved.get(from)!;
  if (plan.baseGlyphListAt) {
    out.u32(plan.baseGlyphListAt, reached.bases.length);
    reached.bases.forEach((g, i) => {
      const r = plan.baseGlyphListAt + 4 + 6 * i;
      out.u16(r, g);
      out.u32(r + 2, moved(colr.v1.get(g)!) - plan.baseGlyphListAt);
    });
  }
  if (plan.layerListAt) {
    out.u32(plan.layerListAt, reached.layers.length);
    reached.layers.forEach((index, i) => {
      out.u32(plan.layerListAt + 4 + 4 * i, moved(colr.layer(index)) - plan.layerListAt);
    });
  }
  if (plan.clipListAt) {
    out.bytes[plan.clipListAt] = 1;
    out.u32(plan.clipListAt + 1, clips.records.length);
    clips.records.forEach(({ start, end, box }, i) => {
      const r = plan.clipListAt + 5 + 7 * i;
      out.u16(r, start);
      out.u16(r + 2, end);
      out.u24(r + 4, plan.boxes.get(box)! - plan.clipListAt);
    });
  }
}

/** Copies every object and clip box, then points each paint's offsets at the moved children. */
function writeObjects(colr: ColrReader, reached: Reached, clips: Clips, plan: Layout, out: Writer) {
  // Used LayerList indices, ascending, become 0, 1, 2...: each PaintColrLayers range was all used,
  // so it stays contiguous.
  const newLayer = new Map(reached.layers.map((index, i) => [index, i]));
  for (const box of clips.boxes) {
    out.bytes.set(colr.bytes.subarray(box, box + clipBoxSize(colr, box)), plan.boxes.get(box)!);
  }
  for (const [from, kind] of reached.objects) {
    const to = plan.moved.get(from)!;
    out.bytes.set(colr.bytes.subarray(from, from + colr.sizeOf(from, kind)), to);
    if (kind !== 'paint') continue;
    if (colr.u8(from) === 1) out.u32(to + 2, newLayer.get(colr.u32(from + 2))!);
    for (const [field] of colr.shape(from).links) {
      const child = plan.moved.get(from + colr.u24(from + field))!;
      out.u24(to + field, child - to);
    }
  }
  for (const { from, to, size } of [plan.varIndexMap, plan.varStore]) {
    if (size) out.bytes.set(colr.bytes.subarray(from, from + size), to);
  }
}

/**
 * A COLR table holding only what `glyphs` draw, glyph ids unchanged: their v0 layers, their v1
 * paint graphs (following PaintColrGlyph to other colour glyphs) and their clip boxes.
 */
export function pruneColr(colrTable: Uint8Array, glyphs: Iterable<number>): Uint8Array {
  const colr = new ColrReader(colrTable);
  const wanted = [...new Set(glyphs)].sort((a, b) => a - b);
  const reached = reach(colr, wanted);
  const clips = clipsFor(colr, reached.bases);
  const plan = layOut(colr, wanted, reached, clips);
  const out = new Writer(plan.size);
  writeHeaderAndV0(colr, plan, out);
  writeLists(colr, reached, clips, plan, out);
  writeObjects(colr, reached, clips, plan, out);
  return out.bytes;
}

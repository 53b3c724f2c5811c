import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import fontverter from 'fontverter';
import { colrClosure, keptGlyphs, readTables, subsetColorFont } from './colorFontSubset.ts';
import { ColrReader, pruneColr, type ColrObjectKind } from './colrPrune.ts';
import { EMOJI_FONT, siteEmoji } from './emojiFont.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** An object's bytes with its offsets (and a PaintColrLayers' firstLayerIndex) zeroed. */
function fieldBytes(colr: ColrReader, at: number, kind: ColrObjectKind): string {
  // A copy: the font is a Buffer, whose slice() would share memory and let fill() corrupt it.
  const bytes = new Uint8Array(colr.bytes.subarray(at, at + colr.sizeOf(at, kind)));
  if (kind === 'paint') {
    for (const [field] of colr.shape(at).links) bytes.fill(0, field, field + 3);
    if (bytes[0] === 1) bytes.fill(0, 2, 6);
  }
  return hex(bytes);
}

/**
 * Walks the paint graphs of `glyphs` in `a` and `b` side by side and fails at the first object
 * whose format, fields, colour line, transform, layer sequence or colour glyph differs. A wrong
 * offset in `b` lands on other bytes, so it fails here too. Returns how many objects it compared.
 */
function expectSameGraphs(a: ColrReader, b: ColrReader, glyphs: Iterable<number>): number {
  const pairs = new Map<number, number>();
  const walk = (atA: number, atB: number, kind: ColrObjectKind, path: string): void => {
    const paired = pairs.get(atA);
    if (paired !== undefined) {
      expect(atB, `${path}: a shared object stays shared`).toBe(paired);
      return;
    }
    pairs.set(atA, atB);
    expect(fieldBytes(b, atB, kind), path).toBe(fieldBytes(a, atA, kind));
    if (kind !== 'paint') return;
    const format = a.u8(atA);
    if (format === 1) {
      for (let i = 0; i < a.u8(atA + 1); i++) {
        walk(a.layer(a.u32(atA + 2) + i), b.layer(b.u32(atB + 2) + i), 'paint', `${path}/L${i}`);
      }
    }
    if (format === 11) baseGlyph(a.u16(atA + 1), `${path}/colr-glyph`);
    for (const [field, child] of a.shape(atA).links) {
      walk(atA + a.u24(atA + field), atB + b.u24(atB + field), child, `${path}/${format}@${field}`);
    }
  };
  const baseGlyph = (g: number, path: string) => {
    const paint = a.v1.get(g);
    if (paint === undefined) return;
    expect(b.v1.has(g), `${path}: glyph ${g} keeps its paint`).toBe(true);
    walk(paint, b.v1.get(g)!, 'paint', `${path} glyph ${g}`);
  };
  for (const g of glyphs) {
    baseGlyph(g, '');
    expect(clipBox(b, g), `clip box of glyph ${g}`).toBe(clipBox(a, g));
    expect(v0Layers(b, g), `v0 layers of glyph ${g}`).toEqual(v0Layers(a, g));
  }
  return pairs.size;
}

/** The bytes of the clip box for glyph `g`, or '' when it has none. */
function clipBox(colr: ColrReader, g: number): string {
  const at = colr.clipListAt;
  if (!at) return '';
  for (let i = 0; i < colr.u32(at + 1); i++) {
    const r = at + 5 + 7 * i;
    if (colr.u16(r) <= g && g <= colr.u16(r + 2)) {
      const box = at + colr.u24(r + 4);
      return hex(colr.bytes.subarray(box, box + (colr.u8(box) === 1 ? 9 : 13)));
    }
  }
  return '';
}

function v0Layers(colr: ColrReader, g: number): string {
  const record = colr.v0.get(g);
  if (!record) return '';
  const at = colr.layerRecordsAt + 4 * record[0];
  return hex(colr.bytes.subarray(at, at + 4 * record[1]));
}

const sorted = (glyphs: Set<number>) => [...glyphs].sort((x, y) => x - y);

describe('the COLR pruner on Noto Color Emoji', () => {
  let font: Uint8Array;
  let colr: Uint8Array;
  let original: ColrReader;
  beforeAll(async () => {
    const require = createRequire(import.meta.url);
    font = await fontverter.convert(readFileSync(require.resolve(EMOJI_FONT)), 'truetype');
    colr = readTables(font).get('COLR')!;
    original = new ColrReader(colr);
  }, 60_000);

  it('keeps the paint graphs, layers and clip boxes of a spread of emoji, and little else', () => {
    const bases = [...original.v1.keys()];
    const sample = new Set(bases.filter((_, i) => i % 100 === 0));
    const needed = colrClosure(colr, sample);
    const pruned = new ColrReader(pruneColr(colr, needed));
    expect(pruned.bytes.length).toBeLessThan(colr.length / 20);
    expect(expectSameGraphs(original, pruned, needed)).toBeGreaterThan(sample.size * 5);
    expect(sorted(colrClosure(pruned.bytes, sample))).toEqual(sorted(needed));
  });

  it('rebuilds the whole table to the same size when every glyph is kept', () => {
    const every = new Set(original.v1.keys());
    const pruned = new ColrReader(pruneColr(colr, every));
    // Every object copied exactly once: nothing lost, nothing duplicated.
    expect(pruned.bytes.length).toBe(colr.length);
    expectSameGraphs(original, pruned, every);
  }, 60_000);

  it('fails the comparison when an offset in the pruned table is wrong', () => {
    const needed = colrClosure(colr, new Set([...original.v1.keys()].slice(500, 510)));
    const bytes = pruneColr(colr, needed);
    const pruned = new ColrReader(bytes);
    // Point the first base glyph's paint one byte off.
    const record = pruned.baseGlyphListAt + 4 + 2;
    new DataView(bytes.buffer).setUint32(record, pruned.u32(record) + 1);
    expect(() => expectSameGraphs(original, new ColrReader(bytes), needed)).toThrow();
    // And a paint's Offset24 to its child one byte short.
    const again = pruneColr(colr, needed);
    const reader = new ColrReader(again);
    const layers = Array.from({ length: reader.u32(reader.layerListAt) }, (_, i) =>
      reader.layer(i),
    );
    const parent = layers.find((at) => reader.shape(at).links.length > 0);
    expect(parent).toBeDefined();
    again[parent! + 3]! -= 1;
    expect(() => expectSameGraphs(original, new ColrReader(again), needed)).toThrow();
  });

  it('cuts the colour table of the site subset to the emoji the talk draws', async () => {
    const subset = readTables(await subsetColorFont(font, siteEmoji(process.cwd())));
    const pruned = new ColrReader(subset.get('COLR')!);
    const colour = sorted(keptGlyphs(subset)).filter((g) => original.v1.has(g));
    expect(colour.length).toBeGreaterThan(8);
    expect(pruned.bytes.length).toBeLessThan(colr.length / 20);
    expectSameGraphs(original, pruned, colour);
    const closure = colrClosure(colr, new Set(colour));
    expect(sorted(colrClosure(pruned.bytes, new Set(colour)))).toEqual(sorted(closure));
    // Nothing else: the pruned table's colour glyphs are the ones the subset draws.
    expect(sorted(new Set(pruned.v1.keys()))).toEqual(
      sorted(closure).filter((g) => original.v1.has(g)),
    );
  }, 120_000);
});

/** Big-endian fields written one after another; `at` is where the next one goes. */
class Bytes {
  readonly bytes = new Uint8Array(512);
  private readonly view = new DataView(this.bytes.buffer);
  at = 0;
  u8(...values: number[]): this {
    for (const x of values) this.view.setUint8(this.at++, x);
    return this;
  }
  u16(...values: number[]): this {
    for (const x of values) this.view.setUint16((this.at += 2) - 2, x);
    return this;
  }
  u24(value: number): this {
    return this.u16(value >> 8).u8(value & 0xff);
  }
  u32(...values: number[]): this {
    for (const x of values) this.view.setUint32((this.at += 4) - 4, x);
    return this;
  }
  /** Fails the test if the next field would not go where the layout says. */
  expectAt(at: number): this {
    expect(this.at).toBe(at);
    return this;
  }
}

/**
 * A small COLR v1 table with every part the pruner handles: v0 records (glyphs 3, 5, 9), base
 * paints for 5 (PaintColrLayers over layers 1-2) and 9 (PaintColrGlyph 5), a layer 0 nobody uses,
 * a gradient with its colour line, a transform with its Affine2x3, one clip for glyphs 4-9, and a
 * DeltaSetIndexMap and ItemVariationStore.
 */
function sampleColr(): Uint8Array {
  const w = new Bytes();
  w.u16(1, 3).u32(34, 52).u16(5).u32(72, 88, 104, 125, 131); // header
  w.expectAt(34).u16(3, 0, 2, 5, 2, 1, 9, 3, 2); // v0 BaseGlyphRecords
  w.expectAt(52).u16(30, 0, 31, 1, 50, 2, 90, 3, 91, 4); // v0 LayerRecords
  w.expectAt(72)
    .u32(2)
    .u16(5)
    .u32(162 - 72)
    .u16(9)
    .u32(168 - 72); // BaseGlyphList
  w.expectAt(88).u32(3, 171 - 88, 182 - 88, 219 - 88); // LayerList
  w.expectAt(104)
    .u8(1)
    .u32(1)
    .u16(4, 9)
    .u24(116 - 104); // ClipList: glyphs 4-9
  w.expectAt(116).u8(1).u16(0, 10, 20, 30); // ClipBox format 1
  w.expectAt(125).u8(0, 0).u16(2).u8(7, 8); // DeltaSetIndexMap format 0, one-byte entries
  // ItemVariationStore: one region on one axis, one data subtable with a one-byte delta.
  w.expectAt(131).u16(1).u32(12).u16(1).u32(22);
  w.expectAt(143).u16(1, 1).u16(0, 0x4000, 0x4000);
  w.expectAt(153).u16(1, 0, 1, 0).u8(5);
  w.expectAt(162).u8(1, 2).u32(1); // glyph 5: PaintColrLayers, layers 1-2
  w.expectAt(168).u8(11).u16(5); // glyph 9: PaintColrGlyph 5
  w.expectAt(171).u8(10).u24(6).u16(40); // layer 0: PaintGlyph 40 over the solid at 177
  w.expectAt(177).u8(2).u16(1, 0x4000); // PaintSolid palette 1
  w.expectAt(182).u8(10).u24(6).u16(41); // layer 1: PaintGlyph 41 over the gradient at 188
  w.expectAt(188).u8(4).u24(16).u16(1, 2, 3, 4, 5, 6); // PaintLinearGradient, colour line 204
  w.expectAt(204).u8(0).u16(2).u16(0, 2, 0x4000, 0x4000, 3, 0x4000); // ColorLine, two stops
  w.expectAt(219).u8(12).u24(7).u24(18); // layer 2: PaintTransform, child 226, Affine2x3 237
  w.expectAt(226).u8(10).u24(6).u16(42); // PaintGlyph 42 over the solid at 232
  w.expectAt(232).u8(2).u16(4, 0x4000);
  w.expectAt(237).u32(...[1, 0, 0, 1, 5, 6].map((x) => x << 16)); // Affine2x3
  return w.expectAt(261).bytes.slice(0, 261);
}

describe('the COLR pruner on a table with every part', () => {
  it('keeps v0 layers, colour glyphs, layer ranges, split clips and variation data', () => {
    const colr = sampleColr();
    const original = new ColrReader(colr);
    // As subsetColorFont asks: the glyph and everything its graphs draw.
    const needed = colrClosure(colr, new Set([9]));
    expect(sorted(needed)).toEqual([5, 9, 41, 42, 50, 90, 91]);
    const bytes = pruneColr(colr, needed);
    const pruned = new ColrReader(bytes);
    expect(bytes.length).toBeLessThan(colr.length);
    expect([...pruned.v0.keys()]).toEqual([5, 9]); // not 3
    expect(v0Layers(pruned, 9)).toBe(hex(colr.subarray(52 + 12, 52 + 20)));
    // 5's layers 1-2 become 0-1; layer 0, which only no one uses, is gone.
    expect(sorted(new Set(pruned.v1.keys()))).toEqual([5, 9]);
    expect(pruned.u32(pruned.layerListAt)).toBe(2);
    expect(expectSameGraphs(original, pruned, needed)).toBe(9);
    expect(sorted(colrClosure(bytes, new Set([9])))).toEqual(sorted(needed));
    // Asked for 9 alone, the pruner still keeps the colour glyph 9 paints.
    expect(sorted(new Set(new ColrReader(pruneColr(colr, [9])).v1.keys()))).toEqual([5, 9]);
    // Glyphs 5 and 9 keep the box of the range 4-9, in two records sharing one box.
    expect(pruned.u32(pruned.clipListAt + 1)).toBe(2);
    expect(pruned.u24(pruned.clipListAt + 5 + 4)).toBe(pruned.u24(pruned.clipListAt + 12 + 4));
    const blob = (r: ColrReader, at: number, size: number) => hex(r.bytes.subarray(at, at + size));
    expect(blob(pruned, pruned.varIndexMapAt, 6)).toBe(blob(original, 125, 6));
    expect(blob(pruned, pruned.varStoreAt, 31)).toBe(blob(original, 131, 31));
    expect(pruned.varStoreAt + 31).toBe(bytes.length);
  });

  it('refuses a paint format it does not know instead of writing a broken font', () => {
    const colr = sampleColr();
    colr[226] = 33;
    expect(() => pruneColr(colr, [5])).toThrow(/unknown paint format 33/);
    expect(pruneColr(colr, [3]).length).toBeGreaterThan(0); // a glyph that does not reach it
  });
});

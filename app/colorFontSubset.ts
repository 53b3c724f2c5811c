/**
 * Subsets a COLRv1 colour font (Noto Color Emoji) to a few characters, offline.
 *
 * HarfBuzz's subsetter does the glyph work, but the WebAssembly build on npm (harfbuzzjs, built
 * HB_TINY) drops the COLR and CPAL tables, which leaves every emoji blank. So:
 * 1. subset with the glyph ids kept where they were (retain-gids) to learn which glyphs the
 *    characters and their joined sequences (GSUB ligatures such as 👨‍💻) need;
 * 2. add every glyph the COLR paint graphs of those glyphs draw (layers, nested colour glyphs);
 * 3. subset again with those glyphs, still at their original ids, and the font's last glyph, so the
 *    glyph count stays what the original COLR table expects;
 * 4. put the colour tables back: CPAL whole (a few palettes), COLR pruned to what those glyphs
 *    draw (colrPrune.ts; the whole table is ~1 MB for four thousand emoji). Glyph ids are
 *    unchanged, so the kept paint graphs still point at the right outlines.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pruneColr } from './colrPrune.ts';

interface Hb {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;

let harfbuzz: Promise<Hb> | undefined;
function loadHarfbuzz(): Promise<Hb> {
  harfbuzz ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm);
    const hb = instance.exports as unknown as Hb;
    hb._initialize();
    return hb;
  })();
  return harfbuzz;
}

/** An OpenType font's tables by tag. */
export function readTables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.set(tag, font.subarray(offset, offset + length));
  }
  return tables;
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** An OpenType (TrueType outlines) font from its tables, directory sorted by tag. */
export function writeTables(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const header = 12 + 16 * n;
  let size = header;
  for (const t of tags) size += (tables.get(t)!.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, pow * 16);
  view.setUint16(8, Math.log2(pow));
  view.setUint16(10, n * 16 - pow * 16);
  let offset = header;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    out.set(data, offset);
    offset += (data.length + 3) & ~3;
  });
  return out;
}

/** Glyphs with a non-zero advance: under retain-gids, the ones the subset kept. */
export function keptGlyphs(tables: Map<string, Uint8Array>): Set<number> {
  const hhea = tables.get('hhea')!;
  const hmtx = tables.get('hmtx')!;
  const metrics = new DataView(hhea.buffer, hhea.byteOffset).getUint16(34);
  const view = new DataView(hmtx.buffer, hmtx.byteOffset, hmtx.byteLength);
  const kept = new Set<number>();
  for (let g = 0; g < metrics; g++) if (view.getUint16(4 * g) > 0) kept.add(g);
  return kept;
}

/** Every glyph the COLR table draws for `glyphs` (v0 layers, v1 paint graphs), added to it. */
export function colrClosure(colr: Uint8Array, glyphs: Set<number>): Set<number> {
  const v = new DataView(colr.buffer, colr.byteOffset, colr.byteLength);
  const u24 = (at: number) => (v.getUint16(at) << 8) | v.getUint8(at + 2);
  const out = new Set(glyphs);
  // Version 0: base glyph records and their layers.
  const numBase = v.getUint16(2);
  const baseAt = v.getUint32(4);
  const layersAt = v.getUint32(8);
  const v0 = new Map<number, [number, number]>();
  for (let i = 0; i < numBase; i++) {
    const r = baseAt + 6 * i;
    v0.set(v.getUint16(r), [v.getUint16(r + 2), v.getUint16(r + 4)]);
  }
  // Version 1: base glyph paints and the layer list.
  const v1 = new Map<number, number>();
  let layerList = 0;
  if (v.getUint16(0) >= 1) {
    const listAt = v.getUint32(14);
    layerList = v.getUint32(18);
    if (listAt) {
      const count = v.getUint32(listAt);
      for (let i = 0; i < count; i++) {
        const r = listAt + 4 + 6 * i;
        v1.set(v.getUint16(r), listAt + v.getUint32(r + 2));
      }
    }
  }
  const seenPaints = new Set<number>();
  const paint = (at: number): void => {
    if (seenPaints.has(at)) return;
    seenPaints.add(at);
    const format = v.getUint8(at);
    if (format === 1) {
      const n = v.getUint8(at + 1);
      const first = v.getUint32(at + 2);
      for (let i = 0; i < n; i++) paint(layerList + v.getUint32(layerList + 4 + 4 * (first + i)));
    } else if (format === 10) {
      glyph(v.getUint16(at + 4));
      paint(at + u24(at + 1));
    } else if (format === 11) {
      glyph(v.getUint16(at + 1));
    } else if (format >= 12 && format <= 31) {
      paint(at + u24(at + 1));
    } else if (format === 32) {
      paint(at + u24(at + 1));
      paint(at + u24(at + 5));
    }
    // 2-9: solid fills and gradients, no glyphs.
  };
  const seenGlyphs = new Set<number>();
  const glyph = (g: number): void => {
    out.add(g);
    if (seenGlyphs.has(g)) return;
    seenGlyphs.add(g);
    const base = v1.get(g);
    if (base !== undefined) paint(base);
    const layers = v0.get(g);
    if (layers)
      for (let i = 0; i < layers[1]; i++) out.add(v.getUint16(layersAt + 4 * (layers[0] + i)));
  };
  for (const g of glyphs) glyph(g);
  return out;
}

/** One hb-subset run on a TrueType font: these characters, these glyphs, ids retained. */
async function hbSubset(font: Uint8Array, chars: string, glyphs: Iterable<number>) {
  const hb = await loadHarfbuzz();
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  const data = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features); // every layout feature: the joined sequences live in GSUB
    hb.hb_subset_input_set_flags(
      input,
      hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_RETAIN_GIDS,
    );
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const c of chars) hb.hb_set_add(unicodes, c.codePointAt(0)!);
    const gids = hb.hb_subset_input_glyph_set(input);
    for (const g of glyphs) hb.hb_set_add(gids, g);
    const subset = hb.hb_subset_or_fail(face, input);
    if (!subset) throw new Error('hb_subset_or_fail failed');
    const result = hb.hb_face_reference_blob(subset);
    const length = hb.hb_blob_get_length(result);
    const at = hb.hb_blob_get_data(result, 0);
    const bytes = new Uint8Array(hb.memory.buffer, at, length).slice();
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return bytes;
  } finally {
    hb.hb_face_destroy(face);
    hb.hb_subset_input_destroy(input);
    hb.free(data);
  }
}

/** `font` (TrueType outlines, COLR colour) cut down to `chars`; an uncompressed TrueType font. */
export async function subsetColorFont(font: Uint8Array, chars: string): Promise<Uint8Array> {
  const original = readTables(font);
  const colr = original.get('COLR');
  const cpal = original.get('CPAL');
  if (!colr || !cpal) throw new Error('the emoji font has no COLR/CPAL colour tables');
  const maxp = original.get('maxp')!;
  const lastGlyph = new DataView(maxp.buffer, maxp.byteOffset).getUint16(4) - 1;
  const first = readTables(await hbSubset(font, chars, [0]));
  const glyphs = colrClosure(colr, keptGlyphs(first));
  glyphs.add(0);
  glyphs.add(lastGlyph);
  const tables = readTables(await hbSubset(font, chars, glyphs));
  tables.set('COLR', pruneColr(colr, glyphs));
  tables.set('CPAL', cpal);
  return writeTables(tables);
}

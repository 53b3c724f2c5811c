import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fontverter from 'fontverter';
import { colrClosure, readTables, subsetColorFont } from './colorFontSubset.ts';
import { EMOJI_FONT, buildEmoji, emojiCharsOf, siteEmoji } from './emojiFont.ts';

describe('the emoji font subset', () => {
  it('finds the emoji the sources use, joiners included, each once', () => {
    expect(emojiCharsOf('# 👨‍💻 and 🎉🎉, → ✓ text')).toBe('\u200d🎉👨💻');
    const site = siteEmoji(process.cwd());
    for (const e of ['👨', '💻', '🧙', '🎉', '💩', '\u200d']) expect(site).toContain(e);
  });

  it('adds the emoji of a talk from elsewhere (TALK=path)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talk-'));
    writeFileSync(join(dir, 'talk.md'), '# Ship it 🚀\n\n👉 next\n');
    const chars = buildEmoji(process.cwd(), join(dir, 'talk.md'));
    expect(chars).toContain('🚀');
    expect(chars).toContain('👉');
    expect(buildEmoji(process.cwd())).not.toContain('🚀');
  });

  it('keeps the colour tables, cut to the glyphs the emoji draw', async () => {
    const require = createRequire(import.meta.url);
    const font = await fontverter.convert(readFileSync(require.resolve(EMOJI_FONT)), 'truetype');
    const original = readTables(font);
    const subset = readTables(await subsetColorFont(font, '👨\u200d💻'));
    // HarfBuzz's WebAssembly build alone drops COLR and CPAL: every emoji would be blank.
    expect(Buffer.from(subset.get('CPAL') ?? []).equals(original.get('CPAL')!)).toBe(true);
    // COLR is there, pruned to the emoji's paint graphs (colrPrune.test.ts checks what it holds).
    expect(subset.get('COLR')?.length).toBeGreaterThan(0);
    expect(subset.get('COLR')!.length).toBeLessThan(original.get('COLR')!.length / 100);
    expect(subset.get('glyf')!.length).toBeLessThan(original.get('glyf')!.length / 50);
    // Glyph ids are kept, so the pruned COLR still points at the right glyphs.
    const maxp = (t: Map<string, Uint8Array>) =>
      new DataView(t.get('maxp')!.buffer, t.get('maxp')!.byteOffset).getUint16(4);
    expect(maxp(subset)).toBe(maxp(original));
  }, 120_000);

  it('follows COLR paint graphs to the glyphs they draw', () => {
    // A COLRv1 table with one base glyph (5) whose paint is PaintGlyph(7) over a solid fill.
    const colr = new Uint8Array(64);
    const v = new DataView(colr.buffer);
    v.setUint16(0, 1); // version 1, no v0 records
    v.setUint32(14, 34); // BaseGlyphList at 34
    v.setUint32(34, 1); // one record
    v.setUint16(38, 5); // glyph 5
    v.setUint32(40, 10); // its paint at BaseGlyphList + 10 = 44
    colr[44] = 10; // PaintGlyph
    colr[47] = 6; // child paint at 44 + 6 = 50 (Offset24, low byte)
    v.setUint16(48, 7); // glyph 7
    colr[50] = 2; // PaintSolid
    expect([...colrClosure(colr, new Set([5]))].sort()).toEqual([5, 7]);
  });
});

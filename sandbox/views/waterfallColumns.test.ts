import { describe, expect, it } from 'vitest';
import { fitsLongFlag } from './spanFlagText.ts';
import { STACKED_BELOW_PX, waterfallColumns } from './waterfallColumns.ts';
import { levelStep } from './waterfallIndent.ts';

describe('waterfallColumns', () => {
  it('lays names and bars side by side in a wide panel, the timeline keeping 200 px', () => {
    expect(waterfallColumns(1200, 500)).toEqual({
      stacked: false,
      name: 500,
      timelinePx: 684,
      maxName: 1000,
    });
    expect(waterfallColumns(640, 500).name).toBe(440);
    expect(waterfallColumns(STACKED_BELOW_PX, 300).stacked).toBe(false);
  });

  it('stacks a narrow panel: the name cell and the bar strip each take the row', () => {
    const phone = waterfallColumns(370, 300);
    expect(phone.stacked).toBe(true);
    expect(phone.name).toBe(354);
    expect(phone.timelinePx).toBe(354);
  });

  it('gives a deep flagged row on a phone room for its flag beside a short name', () => {
    // A mixed global-mode trace, 19 levels deep, in a 370 px panel: side by side the name column
    // was 243 px and `⚠ wrong parent` was cut on 7 of 9 rows.
    const deep = { level: 4, service: 'commanded', name: 'commanded.router' };
    const side = 243;
    const { name } = waterfallColumns(370, side);
    expect(fitsLongFlag(deep, 'wrong parent', side, true, levelStep(side, 18, 8))).toBe(false);
    expect(fitsLongFlag(deep, 'wrong parent', name, true, levelStep(name, 18, 8))).toBe(true);
  });
});

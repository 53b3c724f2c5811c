import { describe, expect, it } from 'vitest';
import { fitsLongFlag } from './spanFlagText.ts';
import { INDENT_SHARE, LEVEL_PX, STACKED_INDENT_SHARE, levelStep } from './waterfallIndent.ts';

describe('levelStep', () => {
  it('keeps the full step where the deepest row fits in its share of the column', () => {
    expect(levelStep(733, 23)).toBe(LEVEL_PX);
    expect(levelStep(244, 5, 8)).toBe(8);
  });

  it('shrinks the step so that the deepest row indents at most its share of the column', () => {
    const step = levelStep(733, 106);
    expect(step).toBeLessThan(LEVEL_PX);
    expect(step * 106).toBeCloseTo(INDENT_SHARE * 733);
    // Stacked rows (a phone) give indentation less of the row: their flag shares the name's line.
    const stacked = levelStep(356, 57, LEVEL_PX, STACKED_INDENT_SHARE);
    expect(stacked * 57).toBeCloseTo(STACKED_INDENT_SHARE * 356);
    expect(stacked).toBeLessThan(levelStep(356, 57));
  });

  it('lets a deep row keep its long flag where 14 px a level would have pushed it out', () => {
    const deep = { level: 60, service: 'web', name: 'LabOrderController.create' };
    const flag = 'wrong parent: other request';
    expect(fitsLongFlag(deep, flag, 733, false)).toBe(false);
    expect(fitsLongFlag(deep, flag, 733, false, levelStep(733, 106))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { boxRows } from './topologyBoxRows.ts';

const SIZES = { line: 15, stackLine: 14, pad: 6 };

describe('boxRows', () => {
  it('gives a roomy box its service on two lines and the rest to the stack', () => {
    // 100 - 12 - 15 = 73: one stack row (14), two service lines (32), one more stack row (14).
    expect(boxRows(100, 1, 2, true, SIZES)).toEqual({ serviceLines: 2, stackRows: 2 });
  });

  it('keeps the stack’s top entry before the service line when both do not fit', () => {
    // 60 - 12 - 30 = 18: one stack row, no service.
    expect(boxRows(60, 2, 1, true, SIZES)).toEqual({ serviceLines: 0, stackRows: 1 });
  });

  it('draws no stack row in a box without room for one, never a negative count', () => {
    expect(boxRows(40, 2, 1, true, SIZES)).toEqual({ serviceLines: 0, stackRows: 0 });
  });

  it('an idle box shows its service where the stack would be', () => {
    expect(boxRows(60, 2, 1, false, SIZES)).toEqual({ serviceLines: 1, stackRows: 0 });
    expect(boxRows(100, 1, 2, false, SIZES)).toEqual({ serviceLines: 2, stackRows: 0 });
  });

  it('a service that fits one line takes one', () => {
    expect(boxRows(100, 1, 1, true, SIZES)).toEqual({ serviceLines: 1, stackRows: 4 });
  });
});

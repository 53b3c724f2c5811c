import { describe, expect, it } from 'vitest';
import { diffRows } from './diffRows.ts';

describe('diffRows', () => {
  it('marks lines only in yours with -, only in the solution with +, with their line numbers', () => {
    const yours = 'a\nb\nc\n';
    const solution = 'a\nB\nc\nd\n';
    expect(diffRows(yours, solution)).toEqual([
      { sign: ' ', text: 'a', line: 1 },
      { sign: '-', text: 'b', line: 2 },
      { sign: '+', text: 'B', line: 2 },
      { sign: ' ', text: 'c', line: 3 },
      { sign: '+', text: 'd', line: 4 },
    ]);
  });

  it('shows identical files as all kept lines', () => {
    expect(diffRows('x\ny', 'x\ny').every((r) => r.sign === ' ')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { hangOf } from './hangingIndent.ts';

describe('hangOf', () => {
  it("hangs a comment's continuation under its text", () => {
    expect(hangOf('// Exercise 7: a Task loses the context.')).toBe(3);
    expect(hangOf('    // Your code here: the command is about to leave')).toBe(7);
    expect(hangOf(' * a block comment line')).toBe(3);
    expect(hangOf('/** a doc comment')).toBe(4);
  });

  it('hangs code two columns past its own indentation', () => {
    expect(
      hangOf('export function beforeDispatch(command: CommandEnvelope, api: ProcessApi) {'),
    ).toBe(2);
    expect(hangOf('    return propagation.inject(context.active(), carrier);')).toBe(6);
    expect(hangOf('')).toBe(2);
  });

  it('stops at a depth it has a class for', () => {
    expect(hangOf(' '.repeat(80) + 'x')).toBe(40);
  });
});

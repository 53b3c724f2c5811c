import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../lib/catalog.ts';
import { fitGoal, reach, scaleBranch } from './goalFit.ts';
import { goalLines } from './goalLines.ts';

/** Column of each line's first glyph, or -1. */
const glyphAt = (branch: string) => branch.search(/[│├└]/);

describe('fitGoal', () => {
  it('leaves a goal that fits as it is', () => {
    const lines = goalLines(EXERCISES[3]!.goal);
    expect(fitGoal(lines, 80)).toBe(lines);
  });

  it.each(EXERCISES.map((e) => [e.number, e.goal] as const))(
    "narrows exercise %i's tree until every name fits a phone's 41 columns, still a tree",
    (_, goal) => {
      const lines = goalLines(goal);
      const fitted = fitGoal(lines, 41);
      for (const l of fitted) expect(reach(l), l.name).toBeLessThanOrEqual(41);
      // Names and details are untouched; only the drawing before them moves.
      expect(fitted.map((l) => [l.name, l.rest])).toEqual(lines.map((l) => [l.name, l.rest]));
      // Glyphs keep their order: a deeper line stays deeper, siblings stay level.
      for (let i = 0; i < lines.length; i++)
        for (let j = 0; j < lines.length; j++) {
          const [a, b] = [glyphAt(lines[i]!.branch), glyphAt(lines[j]!.branch)];
          if (a < 0 || b < 0) continue;
          const [fa, fb] = [glyphAt(fitted[i]!.branch), glyphAt(fitted[j]!.branch)];
          expect(Math.sign(fa - fb)).toBe(Math.sign(a - b));
        }
    },
  );

  it('takes the widest indentation that fits', () => {
    const lines = goalLines(EXERCISES[3]!.goal); // exercise 4: 54 columns at full width
    const wide = fitGoal(lines, 50);
    const narrow = fitGoal(lines, 41);
    expect(Math.max(...wide.map(reach))).toBeLessThanOrEqual(50);
    expect(Math.max(...wide.map(reach))).toBeGreaterThan(Math.max(...narrow.map(reach)));
  });
});

describe('scaleBranch', () => {
  it('moves every glyph to its scaled column, keeps a corner whole and the space before the name', () => {
    expect(scaleBranch('      └─ ', 0.5)).toBe('   └─ ');
    expect(scaleBranch('│  └─ ', 0.5)).toBe('│ └─ ');
    expect(scaleBranch('    ', 0.5)).toBe('  ');
    expect(scaleBranch('└─ ', 0.5)).toBe('└─ ');
  });
});

import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../lib/catalog.ts';
import { goalLines, noteUnits } from './goalLines.ts';

describe('goalLines', () => {
  it('splits a line into branch, span name, and details with kinds picked out', () => {
    const [root, child] = goalLines(
      'POST /lab-orders    SERVER  http.route=/lab-orders\n└─ commanded.router.dispatch  CONSUMER  (Router)',
    );
    expect(root).toEqual({
      branch: '',
      name: 'POST /lab-orders',
      rest: [
        { text: '    ', kind: false },
        { text: 'SERVER', kind: true },
        { text: '  http.route=/lab-orders', kind: false },
      ],
    });
    expect(child?.branch).toBe('└─ ');
    expect(child?.name).toBe('commanded.router.dispatch');
  });

  it('keeps every character of every goal, so the columns stay aligned', () => {
    for (const e of EXERCISES) {
      const joined = goalLines(e.goal)
        .map((l) => l.branch + l.name + l.rest.map((r) => r.text).join(''))
        .join('\n');
      expect(joined).toBe(e.goal);
    }
  });
});

describe('goalLines on a links list', () => {
  it('keeps an arrow with its target, not in the tree drawing', () => {
    const [, second] = goalLines('a  links: -> x\n         -> y (req-5)');
    expect(second).toEqual({
      branch: '         ',
      name: '-> y',
      rest: [{ text: ' (req-5)', kind: false }],
    });
  });
});

describe('noteUnits', () => {
  it('keeps a short note whole, with the whitespace that aligns it', () => {
    expect(noteUnits('  → trace_ctx')).toEqual(['  ', '→ trace_ctx']);
    expect(noteUnits('  Router process')).toEqual(['  ', 'Router process']);
    expect(noteUnits("  in the Task's process")).toEqual(['  ', "in the Task's process"]);
  });

  it('lets a long note wrap between words, but never after an arrow', () => {
    expect(noteUnits(' -> commanded.event_store.publish of req-4 (LabOrderPlaced)')).toEqual([
      ' ',
      '-> commanded.event_store.publish',
      ' ',
      'of',
      ' ',
      'req-4',
      ' ',
      '(LabOrderPlaced)',
    ]);
    expect(noteUnits('  every request is one trace, even across → the Task')).toContain('→ the');
  });

  it("takes a note's phrases one at a time, and breaks a long one after its commas first", () => {
    expect(noteUnits('  (LabWorklistProjection, batch of 3)   a new trace')).toEqual([
      '  ',
      '(LabWorklistProjection,',
      ' ',
      'batch of 3)',
      '   ',
      'a new trace',
    ]);
  });

  it('loses no character of any goal note', () => {
    for (const e of EXERCISES)
      for (const line of goalLines(e.goal))
        for (const piece of line.rest)
          if (!piece.kind) expect(noteUnits(piece.text).join('')).toBe(piece.text);
  });
});

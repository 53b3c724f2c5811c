/** One line of an exercise's goal tree, split for display. */
export interface GoalLine {
  /** The tree drawing before the span: spaces, │ ├─ └─. */
  branch: string;
  /** The span (or the line's first phrase). */
  name: string;
  /** What follows, in pieces; `kind` pieces are span kinds, drawn as tags. */
  rest: { text: string; kind: boolean }[];
}

const KIND = /\b(SERVER|CLIENT|PRODUCER|CONSUMER|INTERNAL)\b/;

/** Splits the ASCII goal tree into branch, span name and details, keeping every column in place. */
export function goalLines(goal: string): GoalLine[] {
  return goal.split('\n').map((line) => {
    const branch = /^[\s│├└─]*/.exec(line)?.[0] ?? '';
    const body = line.slice(branch.length);
    const gap = /\s{2,}|\s+(?=\()|\s+(?=->)/.exec(body);
    const name = gap ? body.slice(0, gap.index) : body;
    const tail = gap ? body.slice(gap.index) : '';
    const rest = tail
      .split(KIND)
      .filter((t) => t !== '')
      .map((text) => ({ text, kind: KIND.test(text) && text.trim() === text }));
    return { branch, name, rest };
  });
}

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

/** An arrow in a goal's note: it points at the word after it. */
const ARROW = /^(→|->|←|<-)$/;

/** A line that goes on a list of link targets ("-> … of req-5"): its name starts with an arrow. */
export const isLinkTarget = (name: string) => ARROW.test(name.split(/\s/, 1)[0] ?? '');
/**
 * A note this short reads as one label ("Router process", "in the Task's process"), so it moves
 * to the next line whole: 24 characters fit under a span's name in a phone's goal column.
 */
const SHORT_NOTE = 24;

/**
 * Splits a note that follows a span into the pieces it may wrap between, whitespace kept as its
 * own pieces (so the columns stay). The note's phrases are what two or more spaces separate; a
 * short phrase stays whole ("Router process"), a longer one breaks after its commas first
 * ("(LabWorklistProjection," / "batch of 3)"), then between words, but never after an arrow
 * ("→ trace_ctx"). Without this, a narrow column left "→" at one line's end and "trace_ctx"
 * alone on the next, and "batch of" above "3)".
 */
export function noteUnits(text: string): string[] {
  return text
    .split(/(\s{2,}|^\s+|\s+$)/)
    .flatMap((phrase) => (phrase === '' || /^\s+$/.test(phrase) ? [phrase] : phraseUnits(phrase)))
    .filter((p) => p !== '');
}

/** One phrase of a note: whole if short, else its clauses, else its words (arrows kept on). */
function phraseUnits(phrase: string): string[] {
  if (phrase.length <= SHORT_NOTE) return [phrase];
  const clauses = phrase.split(/(?<=,)(\s+)/);
  if (clauses.length > 1 && clauses.every((c) => c.length <= SHORT_NOTE)) return clauses;
  const units: string[] = [];
  const parts = phrase.split(/(\s+)/);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (ARROW.test(part) && i + 2 < parts.length) {
      units.push(part + (parts[i + 1] ?? '') + (parts[i + 2] ?? ''));
      i += 2;
    } else units.push(part);
  }
  return units;
}

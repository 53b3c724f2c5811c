import { diffLines } from 'diff';

/** One line of a line diff: kept, only in yours (removed) or only in the solution (added). */
export interface DiffRow {
  sign: ' ' | '-' | '+';
  text: string;
  /** Line number in yours (for ' ' and '-') or in the solution (for '+'). */
  line: number;
}

/** Your code against the reference solution, line by line, ready to render. */
export function diffRows(yours: string, solution: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let a = 1;
  let b = 1;
  for (const change of diffLines(yours, solution)) {
    const lines = change.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (change.added) rows.push({ sign: '+', text, line: b++ });
      else if (change.removed) rows.push({ sign: '-', text, line: a++ });
      else {
        rows.push({ sign: ' ', text, line: a++ });
        b++;
      }
    }
  }
  return rows;
}

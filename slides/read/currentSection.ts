/**
 * The section being read: the last one whose top is above the reading line (a share of the way
 * down the viewport), or the first when none is yet.
 */
export function currentSection(tops: readonly number[], readingLine: number): number {
  let current = 0;
  for (let i = 0; i < tops.length; i++) {
    if ((tops[i] ?? Infinity) <= readingLine) current = i;
    else break;
  }
  return current;
}

/** The last hint of every exercise: where the reference is, in the CLI and in the browser. */
export const referenceHint = (id: string): string =>
  `Still stuck? Compare with the reference solution: \`exercises/${id}/solution.ts\` (in the browser: Show solution). Read it, close it, and write yours.`;

/** Where a process's name may break across lines: at spaces, and between CamelCase words. */
export function labelWords(text: string): string[] {
  return text.split(' ').flatMap((w) => w.split(/(?<=[a-z])(?=[A-Z])/));
}

/**
 * Where a process's or a service's name may break across lines: at spaces, between CamelCase
 * words, and after an underscore (`sample_collection`).
 */
export function labelWords(text: string): string[] {
  return text.split(' ').flatMap((w) => w.split(/(?<=[a-z])(?=[A-Z])|(?<=_)(?=.)/));
}

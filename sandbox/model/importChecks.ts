/**
 * The checks both trace readers share (OTLP/JSON, otlpImport.ts; Jaeger's JSON, jaegerImport.ts):
 * every problem is an ImportError that says where it is, in words.
 */
export class ImportError extends Error {}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function fail(path: string, problem: string): never {
  throw new ImportError(`${path} ${problem}`);
}

export function list(value: unknown, path: string, required: boolean): unknown[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) fail(path, 'should be a list.');
  return value;
}

/** A value as it appears in the file, cut to a length a message can hold. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Compiled once: a 40,000-span file checks 120,000 ids. */
const HEX_ID = { 16: /^[0-9a-fA-F]{16}$/, 32: /^[0-9a-fA-F]{32}$/ } as const;
const ALL_ZEROS = /^0+$/;

/** A trace or span id of exactly `digits` hex digits, not all zeros, in lower case. */
export function hexId(value: unknown, digits: 16 | 32, path: string, what: string): string {
  if (typeof value !== 'string' || !HEX_ID[digits].test(value))
    fail(path, `is ${quote(value)}: a ${what} must be ${digits} hex digits.`);
  if (ALL_ZEROS.test(value)) fail(path, `is all zeros, which is not a valid ${what}.`);
  return value.toLowerCase();
}

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

/** Base64 of 16 bytes (a trace id) or 8 bytes (a span id), padded, as protobuf's JSON writes bytes. */
const BASE64_ID = { 16: /^[A-Za-z0-9+/]{11}=$/, 32: /^[A-Za-z0-9+/]{22}==$/ } as const;

/** The bytes of a base64 id as hex digits. */
function base64ToHex(value: string): string {
  const bytes = atob(value);
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += bytes.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}

/**
 * A trace or span id of exactly `digits` hex digits, not all zeros, in lower case. OTLP/JSON
 * writes ids as hex; a store that serialises OTLP with protobuf's generic JSON mapping (Grafana
 * Tempo's API, for one) writes them as base64, which is read too: at 24 and 12 characters it can
 * never be mistaken for hex.
 */
export function hexId(value: unknown, digits: 16 | 32, path: string, what: string): string {
  const hex =
    typeof value === 'string' && BASE64_ID[digits].test(value) ? base64ToHex(value) : value;
  if (typeof hex !== 'string' || !HEX_ID[digits].test(hex))
    fail(path, `is ${quote(value)}: a ${what} must be ${digits} hex digits.`);
  if (ALL_ZEROS.test(hex)) fail(path, `is all zeros, which is not a valid ${what}.`);
  return hex.toLowerCase();
}

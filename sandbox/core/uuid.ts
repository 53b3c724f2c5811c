/** Character codes of the hex digits. */
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
const FOUR = '4'.charCodeAt(0);

/** Reused for every uuid: the string is made from it in one step, so no piece is allocated. */
const codes: number[] = new Array<number>(36).fill(0);

/** Writes `count` hex digits of `word`, starting at its digit `from` (0 = the highest), at `at`. */
function putDigits(at: number, word: number, from: number, count: number): void {
  for (let i = 0; i < count; i++) {
    codes[at + i] = HEX_CODES[(word >>> (28 - 4 * (from + i))) & 15] as number;
  }
}

/**
 * An RFC 4122 version-4 shaped UUID from 128 random bits, as four 32-bit words. The same string
 * as formatting the words as 32 hex digits and cutting them up (digit 12 becomes the version `4`,
 * digit 16 picks the variant), built from character codes in one step: the sliced and
 * concatenated version made every command and event pay for a dozen short-lived strings.
 */
export function uuidFromWords(w0: number, w1: number, w2: number, w3: number): string {
  putDigits(0, w0, 0, 8);
  codes[8] = DASH;
  putDigits(9, w1, 0, 4);
  codes[13] = DASH;
  codes[14] = FOUR;
  putDigits(15, w1, 5, 3);
  codes[18] = DASH;
  codes[19] = HEX_CODES[8 + ((w2 >>> 28) & 3)] as number;
  putDigits(20, w2, 1, 3);
  codes[23] = DASH;
  putDigits(24, w2, 4, 4);
  putDigits(28, w3, 0, 8);
  return String.fromCharCode(...codes);
}

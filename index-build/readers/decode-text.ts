/**
 * Turns the raw bytes of a corpus file into clean text, or says precisely why it cannot.
 *
 * @packageDocumentation
 */
import { cleanText } from '../../src/analyzer/clean-text.js';

/** Result of {@link decodeText}. */
export type DecodeResult =
  | { ok: true; text: string; note?: string }
  | { ok: false; reason: 'binary' | 'not-utf8' | 'empty'; detail: string };

/** How many leading bytes are inspected for control characters. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of control bytes in the sample above which the data is treated as binary. */
const MAX_CONTROL_SHARE = 0.1;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

/**
 * Decodes a corpus file.
 *
 * - A UTF-8 byte-order mark is stripped silently.
 * - A UTF-16LE or UTF-16BE byte-order mark selects that encoding; the result carries a `note` saying so.
 * - NUL bytes, or more than 10% control bytes in the first 64 KiB, mean `binary`.
 * - Invalid UTF-8 means `not-utf8`, with the first bad byte, its offset and an `iconv` hint in `detail`.
 * - CRLF / CR become LF, then the text goes through `normalizeText` (NFC, Đ variants, zero-width removal).
 * - Nothing left but whitespace means `empty`.
 *
 * @param bytes - The whole file.
 * @returns The clean text (plus an optional note), or a failure reason with an actionable sentence.
 * @throws RangeError when the text is too large for one JavaScript string (about 512 MiB).
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty', detail: 'the file is empty (0 bytes); delete it or add the article text' };

  let text: string;
  let note: string | undefined;
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'LE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'BE' : null;
  if (bom16 !== null) {
    const decoded = decodeUtf16(bytes.subarray(2), bom16 === 'BE');
    if (decoded === null) {
      return {
        ok: false,
        reason: 'not-utf8',
        detail: `starts with a UTF-16${bom16} byte-order mark but is not valid UTF-16${bom16}; re-save it as UTF-8`,
      };
    }
    if (hasBinaryChars(decoded)) {
      return { ok: false, reason: 'binary', detail: binaryDetail() };
    }
    text = decoded;
    note = `decoded UTF-16${bom16} (BOM); saving the file as UTF-8 is recommended`;
  } else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (looksBinary(body)) return { ok: false, reason: 'binary', detail: binaryDetail() };
    try {
      text = utf8.decode(body);
    } catch (err) {
      if (!(err instanceof TypeError)) throw err; // e.g. RangeError: too large for one string
      const offset = firstInvalidUtf8(body) + (body === bytes ? 0 : 3);
      const byte = bytes[offset] ?? 0;
      return {
        ok: false,
        reason: 'not-utf8',
        detail:
          `not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset}); ` +
          'if this is Windows-1258 or another legacy encoding, convert it with `iconv -f WINDOWS-1258 -t UTF-8`',
      };
    }
  }

  text = cleanText(text);
  if (text.trim() === '') {
    return { ok: false, reason: 'empty', detail: 'the file contains only whitespace; delete it or add the article text' };
  }
  return note === undefined ? { ok: true, text } : { ok: true, text, note };
}

function binaryDetail(): string {
  return 'looks like a binary file (NUL or control bytes), not text; remove it from the corpus or export it as UTF-8 text';
}

/** NUL anywhere, or too many C0 control bytes (other than tab, LF, VT, FF, CR, ESC) / DEL near the start. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** Same test as {@link looksBinary}, on already-decoded UTF-16 text. */
function hasBinaryChars(text: string): boolean {
  if (text.includes('\0')) return true;
  const n = Math.min(text.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && !(c >= 0x09 && c <= 0x0d) && c !== 0x1b) || c === 0x7f) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** Decodes UTF-16 (without BOM); `null` when malformed (odd length, lone surrogates). */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string | null {
  if (bytes.length % 2 !== 0) return null;
  let le = bytes;
  if (bigEndian) {
    le = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      le[i] = bytes[i + 1];
      le[i + 1] = bytes[i];
    }
  }
  try {
    return utf16le.decode(le);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    return null;
  }
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (per the Unicode 'maximal
 * subpart' rules: no overlongs, no surrogates, nothing above U+10FFFF); -1 when the input is valid.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

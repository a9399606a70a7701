/**
 * Text cleanup shared by the readers: line endings, Unicode normalization and per-line whitespace.
 *
 * @packageDocumentation
 */
import { normalizeText } from './normalize.js';

const CR_LF = /\r\n?/g;
/** Runs of horizontal whitespace: tab, vertical tab, form feed, and every Unicode space separator (incl. NBSP). */
const HORIZONTAL_SPACE = /[\t\v\f\p{Zs}]+/gu;
/** Cheap pre-check: anything {@link HORIZONTAL_SPACE} would change besides trimming (Zs listed explicitly). */
const NEEDS_COLLAPSE = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| {2}/;

/**
 * Converts CRLF and lone CR line endings to LF, then applies {@link normalizeText} (NFC, Đ variants,
 * zero-width removal). Idempotent, so readers may apply it to text that is already clean.
 *
 * @param text - Decoded text.
 * @returns The text with '\n' line endings, normalized.
 */
export function cleanText(text: string): string {
  return normalizeText(text.replace(CR_LF, '\n'));
}

/** Options of the single-article text parsers. */
export interface ParseTextOptions {
  /** The text came from `decodeText` (or {@link cleanText}), so the parser need not clean it again. Default false. */
  cleaned?: boolean;
}

/**
 * Collapses each run of horizontal whitespace (tabs, NBSP and other Unicode spaces) to one ASCII space and
 * trims both ends.
 *
 * @param line - One line of cleaned text (no '\n').
 * @returns The tidied line; '' for a blank line.
 */
export function cleanLine(line: string): string {
  return NEEDS_COLLAPSE.test(line) ? line.replace(HORIZONTAL_SPACE, ' ').trim() : line.trim();
}

/**
 * Splits text into tidied lines, dropping blank ones; used for bodies whose paragraphs are separated by one or
 * more line breaks.
 *
 * @param text - Text with '\n' line endings.
 * @returns Non-empty lines, each passed through {@link cleanLine}.
 */
export function nonEmptyLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = cleanLine(raw);
    if (line !== '') out.push(line);
  }
  return out;
}

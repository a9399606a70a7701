/**
 * Recognizes the upper-case byline that Vietnamese news articles end with, e.g. `THANH BÌNH (TTXVN)`.
 *
 * @packageDocumentation
 */

/** Author part: upper-case letters (with combining marks), spaces, dots, hyphens, commas, apostrophes. */
const AUTHOR = /^\p{Lu}[\p{Lu}\p{M} .,'’\-]*$/u;
/** Agency part inside parentheses: upper-case letters, digits and a few joiners, e.g. `TTXVN`, `TTXVN/VIETNAM+`. */
const AGENCY = /^[\p{Lu}\p{N}][\p{Lu}\p{N}\p{M} .&/+\-]*$/u;
const WITH_AGENCY = /^(.*?)\s*\(([^()]+)\)$/u;

/** Longest line considered a byline, in characters. */
const MAX_BYLINE_CHARS = 100;
/** Most words in the author part (several co-authors fit). */
const MAX_AUTHOR_WORDS = 10;

/** Author and/or agency read from a byline line. */
export interface Byline {
  /** Author name(s) as written, e.g. 'THANH BÌNH'. */
  author?: string;
  /** Agency from the trailing parentheses, e.g. 'TTXVN'. */
  agency?: string;
}

/**
 * Parses a byline: a short line written entirely in upper case (letters, spaces, dots, hyphens), optionally
 * followed by an agency in parentheses. `THANH BÌNH (TTXVN)` gives author 'THANH BÌNH', agency 'TTXVN';
 * `(TTXVN)` gives the agency only.
 *
 * @param line - One tidied line (see `cleanLine`).
 * @returns The author/agency, or `null` when the line is not a byline (e.g. contains lower-case letters).
 */
export function parseByline(line: string): Byline | null {
  if (line === '' || line.length > MAX_BYLINE_CHARS) return null;
  let authorPart = line;
  let agency: string | undefined;
  const m = WITH_AGENCY.exec(line);
  if (m) {
    authorPart = m[1].trim();
    agency = m[2].trim();
    if (!AGENCY.test(agency)) return null;
  }
  if (authorPart === '') return agency === undefined ? null : { agency };
  if (!AUTHOR.test(authorPart)) return null;
  if ((authorPart.match(/\p{Lu}/gu) ?? []).length < 2) return null;
  if (authorPart.split(' ').length > MAX_AUTHOR_WORDS) return null;
  const author = authorPart.replace(/[\s,\-]+$/u, '');
  return agency === undefined ? { author } : { author, agency };
}

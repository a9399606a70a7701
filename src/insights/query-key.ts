/**
 * The form in which a query is stored by search insights: the query as the analyzer reads it
 * (normalized, tokenized, diacritics folded, lower case), keeping only what the query language
 * means (`"quoted phrases"`, `-exclusions`). Never the text as typed: `Hà  Nội!!` and `ha noi` are
 * one query, `ha noi`.
 * @module
 */
import { analyzeQueryText, isAccented } from '../analyzer/index.js';
import { parseQuerySyntax } from '../engine/query-syntax.js';

/** Longest stored query, in UTF-16 units; longer ones are cut at a word boundary and end with `…`. */
export const MAX_KEY_LENGTH = 80;

/** A query as stored. */
export interface QueryKey {
  /** The analyzed, folded query; `''` when the query has no words (a browse by filters). */
  key: string;
  /** Whether any word was typed with diacritics. */
  accented: boolean;
}

/** The stored form of a raw query (see the module comment). */
export function queryKey(q: string): QueryKey {
  const parts: string[] = [];
  let accented = false;
  for (const seg of parseQuerySyntax(q)) {
    const tokens = analyzeQueryText(seg.text);
    if (!tokens.length) continue;
    if (tokens.some(isAccented)) accented = true;
    const words = tokens.map((t) => t.folded).join(' ');
    const phrase = seg.quoted || (seg.negated && tokens.length > 1) ? `"${words}"` : words;
    parts.push(seg.negated ? `-${phrase}` : phrase);
  }
  return { key: truncateKey(parts.join(' ')), accented };
}

/** Cuts a key longer than {@link MAX_KEY_LENGTH} at the last space that fits, marking the cut with `…`. */
export function truncateKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  const room = key.slice(0, MAX_KEY_LENGTH - 1);
  const space = room.lastIndexOf(' ');
  let cut = space > 0 ? room.slice(0, space) : room;
  // Never end inside a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The prefixes of `key` that stop inside a word (`ha n`, `ha no` for `ha noi`; not `ha`): what an
 * as-you-type search box sends on the way to `key`. Search insights use them to recognize half-typed
 * queries.
 */
export function midWordPrefixes(key: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < key.length; i++) {
    const before = key.charCodeAt(i - 1);
    if (before >= 0xd800 && before <= 0xdbff) continue; // inside a surrogate pair
    if (WORD_CHAR.test(key[i - 1]) && WORD_CHAR.test(key[i])) out.push(key.slice(0, i));
  }
  return out;
}

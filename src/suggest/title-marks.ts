/**
 * Highlighting of title suggestions: the title HTML-escaped, with the words of the query in
 * `<mark>` (diacritic-insensitively), the last word of an as-you-type query matched as a prefix.
 * @module
 */
import { normalizeText } from '../analyzer/normalize.js';
import { tokenize } from '../analyzer/tokenize.js';
import { escapeHtml } from '../engine/html-escape.js';

/** Leading characters of the surface `exact` that spell the first `n` characters of its folded form. */
function prefixChars(exact: string, folded: string, n: number): number {
  // Precomposed Vietnamese letters fold one to one, so the lengths agree; be safe otherwise.
  return exact.length === folded.length ? n : exact.length;
}

/**
 * `title` escaped, with query words marked; adjacent marked words share one `<mark>`. `phrase` says
 * whether the title holds the query words in order and adjacent (such titles are listed first).
 * @param prefixLast whether the last query word may match the start of a longer word
 */
export function markTitle(title: string, q: string, prefixLast: boolean): { text: string; html: string; phrase: boolean } {
  const text = normalizeText(title);
  const words = tokenize(normalizeText(q)).map((t) => t.folded);
  const whole = new Set(prefixLast ? words.slice(0, -1) : words);
  const prefix = prefixLast && words.length ? words[words.length - 1] : null;
  const tokens = tokenize(text);
  const folded = tokens.map((t) => t.folded);
  const marks: Array<[number, number, boolean]> = []; // start, end, whole word
  for (const t of tokens) {
    if (whole.has(t.folded) || (prefix !== null && t.folded === prefix)) marks.push([t.start, t.end, true]);
    else if (prefix !== null && prefix.length > 0 && t.folded.startsWith(prefix)) {
      const surface = text.slice(t.start, t.end);
      marks.push([t.start, t.start + prefixChars(surface, t.folded, prefix.length), false]);
    }
  }
  let html = '';
  let cursor = 0;
  for (let i = 0; i < marks.length; i++) {
    let [start, end, full] = marks[i];
    // Merge with following whole-word marks separated only by spaces ("<mark>Hà Nội</mark>").
    while (full && i + 1 < marks.length && /^[ \u00a0]+$/.test(text.slice(end, marks[i + 1][0]))) {
      end = marks[i + 1][1];
      full = marks[i + 1][2];
      i++;
    }
    html += escapeHtml(text.slice(cursor, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    cursor = end;
  }
  html += escapeHtml(text.slice(cursor));
  return { text, html, phrase: containsPhrase(folded, words, prefixLast) };
}

/** Whether the title words contain the query words in order and adjacent (the last as a prefix). */
function containsPhrase(title: string[], words: string[], prefixLast: boolean): boolean {
  const n = words.length;
  if (n === 0) return false;
  for (let i = 0; i + n <= title.length; i++) {
    let k = 0;
    while (k < n && (title[i + k] === words[k] || (prefixLast && k === n - 1 && title[i + k].startsWith(words[k])))) k++;
    if (k === n) return true;
  }
  return false;
}

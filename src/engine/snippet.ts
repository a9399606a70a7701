/**
 * Snippets: a passage of the original text around the best match, HTML-escaped, with matched words
 * wrapped in `<mark>` in their original spelling (also when the query had no diacritics). Adjacent
 * matched words share one mark: `<mark>Hà Nội</mark>`. With `spec.mark === false` the same passage is
 * returned without marks (no marks are made only to be stripped later).
 * @module
 */
import { forEachToken, tokenize, type Token, type WordFilter } from '../analyzer/tokenize.js';
import { escapeHtml } from './html-escape.js';
import type { HighlightSpec } from './query-plan.js';

/** Longest text scanned for a snippet; matches further into a huge article are not looked for. */
export const MAX_SCAN_CHARS = 200_000;

interface Marked {
  start: number;
  end: number;
  key: string;
  exact: boolean;
}

/** What {@link findMatches} needs of a spec, prepared once per spec object (the title and every hit of a page share it). */
interface PreparedSpec {
  folded: Set<string>;
  exact: Set<string>;
  /** Folded form of an accented query word → that word. */
  exactFolded: Map<string, string>;
  /** Passes only the words whose folded form could be one of the spec's (most of a long body is not). */
  wanted: WordFilter;
}

const preparedSpecs = new WeakMap<HighlightSpec, PreparedSpec>();

/** The prepared form of `spec` (specs are not changed once made, so it is kept per object). */
function prepare(spec: HighlightSpec): PreparedSpec {
  let p = preparedSpecs.get(spec);
  if (!p) {
    const exactFolded = new Map<string, string>();
    for (const e of spec.exact) {
      const f = tokenize(e)[0]?.folded;
      if (f) exactFolded.set(f, e);
    }
    p = { folded: new Set(spec.folded), exact: new Set(spec.exact), exactFolded, wanted: wantedWords([...spec.folded, ...exactFolded.keys(), ...spec.phrases.flat()]) };
    preparedSpecs.set(spec, p);
  }
  return p;
}

/** Finds the tokens of `text` to mark under `spec`. */
function findMatches(text: string, spec: HighlightSpec): { tokens: Token[]; marks: Marked[] } {
  if (spec.folded.length === 0 && spec.exact.length === 0 && spec.phrases.length === 0) return { tokens: [], marks: [] };
  const { folded, exact, exactFolded, wanted } = prepare(spec);
  const tokens: Token[] = [];
  forEachToken(text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text, (t) => tokens.push(t), wanted);
  // Accented query words present exactly in this text are marked only where exact.
  const presentExact = new Set<string>();
  for (const t of tokens) if (exact.has(t.exact)) presentExact.add(t.exact);
  const marks: Marked[] = [];
  const inPhrase = new Uint8Array(tokens.length);
  for (const phrase of spec.phrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; ok && k < phrase.length; k++) {
        ok = tokens[i + k].folded === phrase[k] && (k === 0 || tokens[i + k].joined);
      }
      if (ok) for (let k = 0; k < phrase.length; k++) inPhrase[i + k] = 1;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (inPhrase[i]) { marks.push({ start: t.start, end: t.end, key: phraseKey(t.folded), exact: false }); continue; }
    if (exact.has(t.exact)) marks.push({ start: t.start, end: t.end, key: t.folded, exact: true });
    else if (folded.has(t.folded)) marks.push({ start: t.start, end: t.end, key: t.folded, exact: false });
    else {
      const e = exactFolded.get(t.folded);
      if (e && !presentExact.has(e)) marks.push({ start: t.start, end: t.end, key: t.folded, exact: false });
    }
  }
  return { tokens, marks };
}

const phraseKey = (folded: string) => 'phrase:' + folded;

/** A word filter passing the words whose folded form has the first character and length of one of `words`. */
function wantedWords(words: string[]): WordFilter {
  const keys = new Set<number>();
  for (const w of words) if (w.length > 0) keys.add(w.charCodeAt(0) * 128 + Math.min(w.length, 127));
  return (initial, length) => keys.has(initial * 128 + length);
}

/** Renders `text[from, to)` escaped, with marks (merged across whitespace). */
function render(text: string, from: number, to: number, marks: Marked[], mark = true): string {
  if (!mark) return escapeHtml(text.slice(from, to));
  let out = '';
  let pos = from;
  let i = 0;
  while (i < marks.length && marks[i].start < from) i++;
  while (i < marks.length && marks[i].end <= to) {
    let j = i;
    while (j + 1 < marks.length && marks[j + 1].end <= to && /^[ \t\u00a0]+$/.test(text.slice(marks[j].end, marks[j + 1].start))) j++;
    out += escapeHtml(text.slice(pos, marks[i].start)) + '<mark>' + escapeHtml(text.slice(marks[i].start, marks[j].end)) + '</mark>';
    pos = marks[j].end;
    i = j + 1;
  }
  return out + escapeHtml(text.slice(pos, to));
}

/** Whole field (e.g. a title) escaped with marks. */
export function highlightAll(text: string, spec: HighlightSpec): string {
  if (spec.mark === false) return escapeHtml(text);
  const { marks } = findMatches(text, spec);
  return render(text, 0, text.length, marks);
}

/** Moves `i` back to the start of a word so a passage never starts mid-word. */
function wordStart(text: string, i: number): number {
  while (i > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[i - 1])) i--;
  return i;
}

/**
 * A passage of about `maxChars` characters around the densest cluster of matches, escaped and
 * marked; the start of the text when nothing matches.
 */
export function makeSnippet(text: string, spec: HighlightSpec, maxChars = 240): string {
  const { marks } = findMatches(text, spec);
  const limit = Math.min(text.length, MAX_SCAN_CHARS);
  let bestStart = 0;
  if (marks.length) {
    // Score windows that start at a match: distinct words ×3, adjacent matched words (the query's
    // phrase) ×3, exact matches ×1, any match ×1.
    let best = -1;
    const capped = marks.length > 2000 ? marks.slice(0, 2000) : marks;
    const adjacent = capped.map((m, j) => j > 0 && /^[ \t\u00a0]+$/.test(text.slice(capped[j - 1].end, m.start)));
    for (let i = 0; i < capped.length; i++) {
      const windowEnd = capped[i].start + maxChars * 0.8;
      const keys = new Set<string>();
      let score = 0;
      for (let j = i; j < capped.length && capped[j].end <= windowEnd; j++) {
        if (!keys.has(capped[j].key)) { keys.add(capped[j].key); score += 3; }
        score += 1 + (capped[j].exact ? 1 : 0) + (j > i && adjacent[j] ? 3 : 0);
      }
      if (score > best) { best = score; bestStart = capped[i].start; }
    }
  }
  // Some context before the first match, from a word boundary.
  let start = bestStart === 0 ? 0 : wordStart(text, Math.max(0, bestStart - Math.floor(maxChars * 0.2)));
  const lineStart = text.lastIndexOf('\n', bestStart - 1) + 1;
  if (lineStart > start) start = lineStart; // do not reach back into the previous paragraph
  let end = Math.min(limit, start + maxChars);
  if (end < text.length) {
    const cut = text.lastIndexOf(' ', end);
    if (cut > start + maxChars / 2) end = cut;
  }
  const body = render(text, start, end, marks, spec.mark !== false).replace(/\s*\n\s*/g, ' ');
  return (start > 0 ? '… ' : '') + body + (end < text.length ? ' …' : '');
}

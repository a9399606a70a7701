/**
 * Title suggestions as the user types: a title index searched with {@link TITLE_SEARCH_OPTIONS}, with
 * a cheaper path for a short last word after other words. Used by the built shards and the live index alike.
 * @module
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { TITLE_INDEX_OPTIONS, TITLE_SEARCH_OPTIONS, type TitleEntry } from './title-index-options.js';

/**
 * A last word shorter than this (in folded characters) that follows other words is not expanded as a
 * prefix in titles; alone, one of fewer than {@link MIN_LONE_PREFIX} finds no titles (see {@link searchTitles}).
 */
export const MIN_TITLE_PREFIX = 3;

/** A lone word shorter than this finds no titles (nor phrase completions: one letter says too little). */
export const MIN_LONE_PREFIX = 2;

/**
 * Searches a title index as the user types, with {@link TITLE_SEARCH_OPTIONS} — except that a short
 * last word is not expanded into every title word it starts (thousands of terms for one letter: a
 * keystroke like `điều t` cost 100–200 ms over the ten shards of baomoi-35k, measured in process; `ch`,
 * `th` still 2–2.5 ms per shard). After other words, a last word of one or two letters is instead
 * matched by filtering: the titles are found by the other words and kept when one of their words
 * starts with it — the same titles as before, ranked by the other words. A lone letter finds no
 * titles (nor phrase completions: one letter says too little).
 * @param index a title index built with {@link TITLE_INDEX_OPTIONS}
 * @param q what was typed (the last word is a prefix)
 */
export function searchTitles(index: MiniSearch<TitleEntry>, q: string): SearchResult[] {
  const words = titleTokens(q);
  const last = words.length > 0 ? titleTerm(words[words.length - 1]) : '';
  if (words.length === 0 || last.length >= MIN_TITLE_PREFIX) return index.search(q, TITLE_SEARCH_OPTIONS);
  if (words.length === 1) return last.length >= MIN_LONE_PREFIX ? index.search(q, TITLE_SEARCH_OPTIONS) : [];
  const folded = foldedWordsOf(index);
  const wordStart = ' ' + last;
  return index.search(words.slice(0, -1).join(' '), {
    ...TITLE_SEARCH_OPTIONS,
    prefix: false,
    filter: (r) => {
      const title = String(r.title);
      let text = folded.get(title);
      if (text === undefined) {
        text = titleTokens(title).map((t) => ' ' + titleTerm(t)).join('');
        folded.set(title, text);
      }
      return text.includes(wordStart);
    },
  });
}

/** Words as the title index tokenizes them (`TITLE_INDEX_OPTIONS.tokenize`). */
const titleTokens = (text: string): string[] => TITLE_INDEX_OPTIONS.tokenize!(text);
/** A word as the title index keeps it (`TITLE_INDEX_OPTIONS.processTerm`: folded). */
const titleTerm = (word: string): string => TITLE_INDEX_OPTIONS.processTerm!(word) as string;

/**
 * Per title index: a title's words, folded, each after a space (` dieu tra vu chay`), by title text
 * (a live index reuses document numbers), computed when a title is first filtered (cleared once it
 * holds more than twice the index's titles).
 */
const titleWords = new WeakMap<MiniSearch<TitleEntry>, Map<string, string>>();

function foldedWordsOf(index: MiniSearch<TitleEntry>): Map<string, string> {
  let m = titleWords.get(index);
  if (!m) titleWords.set(index, (m = new Map()));
  // Titles replaced in a live index leave entries behind: start over before they outnumber the titles.
  else if (m.size > 2 * index.documentCount + 1024) m.clear();
  return m;
}

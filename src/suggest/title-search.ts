/**
 * Title suggestions as the user types: a title index searched with {@link TITLE_SEARCH_OPTIONS}, with
 * a cheaper path for a last word of one letter. Used by the built shards and the live index alike.
 * @module
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { foldDiacritics } from '../analyzer/fold.js';
import { normalizeText } from '../analyzer/normalize.js';
import { tokenize } from '../analyzer/tokenize.js';
import { TITLE_SEARCH_OPTIONS, type TitleEntry } from './title-index-options.js';

/** A last word shorter than this (in folded characters) is not expanded as a prefix in titles (see {@link searchTitles}). */
export const MIN_TITLE_PREFIX = 2;

/**
 * Searches a title index as the user types, with {@link TITLE_SEARCH_OPTIONS} — except that a last
 * word of one letter is not expanded into every title word it starts (thousands of terms: a keystroke
 * like `điều t` cost 100–200 ms over the ten shards of baomoi-35k, measured in process, where longer
 * prefixes cost a few ms). The titles are then found by the other words and kept when one of their
 * words starts with that letter: the same titles as before, ranked by the other words. A lone letter
 * finds no titles; the lexicon's phrase completions answer it.
 * @param index a title index built with {@link TITLE_INDEX_OPTIONS}
 * @param q what was typed (the last word is a prefix)
 */
export function searchTitles(index: MiniSearch<TitleEntry>, q: string): SearchResult[] {
  const words = tokenize(normalizeText(q)).map((t) => t.exact);
  const last = words.length > 0 ? foldDiacritics(words[words.length - 1]) : '';
  if (words.length === 0 || last.length >= MIN_TITLE_PREFIX) return index.search(q, TITLE_SEARCH_OPTIONS);
  if (words.length === 1) return [];
  const initials = initialsOf(index);
  return index.search(words.slice(0, -1).join(' '), {
    ...TITLE_SEARCH_OPTIONS,
    prefix: false,
    filter: (r) => {
      const title = String(r.title);
      let first = initials.get(title);
      if (first === undefined) {
        first = tokenize(normalizeText(title)).map((t) => foldDiacritics(t.exact)[0] ?? '').join('');
        initials.set(title, first);
      }
      return first.includes(last);
    },
  });
}

/**
 * Per title index: the first folded characters of a title's words, by title text (a live index
 * reuses document numbers), computed when a title is first filtered (cleared once it holds more than twice the index's titles).
 */
const titleInitials = new WeakMap<MiniSearch<TitleEntry>, Map<string, string>>();

function initialsOf(index: MiniSearch<TitleEntry>): Map<string, string> {
  let m = titleInitials.get(index);
  if (!m) titleInitials.set(index, (m = new Map()));
  // Titles replaced in a live index leave entries behind: start over before they outnumber the titles.
  else if (m.size > 2 * index.documentCount + 1024) m.clear();
  return m;
}

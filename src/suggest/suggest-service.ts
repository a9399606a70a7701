/**
 * Suggestions for a search box as the user types: phrase completions of the last word from the
 * collection's vocabulary (the lexicon), then article titles (MiniSearch title indexes of the built
 * shards and of the live index) with the typed words marked, titles that hold the words as a phrase
 * first.
 * @module
 */
import type { SearchService } from '../engine/search-service.js';
import { queryFoldedForms } from '../engine/query-folded-forms.js';
import { completePhrases } from './phrase-completion.js';
import { markTitle } from './title-marks.js';

/** One suggestion. */
export interface Suggestion {
  /** Plain text (goes into the search box). */
  text: string;
  /** `text` HTML-escaped with the typed part or matched words in `<mark>`. */
  html: string;
  kind: 'phrase' | 'title';
  /** Article id (titles only). */
  id?: string;
}

/** Suggestions for what has been typed, over one index (built shards and live index). */
export class SuggestService {
  constructor(private readonly search: SearchService) {}

  /**
   * Up to `limit` suggestions for `typed` (a trailing space means the last word is complete), with the
   * live sequence number they reflect.
   */
  async suggest(typed: string, limit: number): Promise<{ suggestions: Suggestion[]; liveSeq: number }> {
    const q = typed.trim();
    const [phrases, { titles, liveSeq }] = await Promise.all([
      this.search.withPairs(queryFoldedForms(typed), (lexicon) => completePhrases(lexicon, typed, limit)).then((r) => r.value),
      this.search.suggestTitles(q, limit * 2), // extra candidates for the phrase-first reordering
    ]);
    // Phrases first, but leave room for titles: at least half the list when there are enough.
    const phraseCount = Math.min(phrases.length, Math.max(Math.ceil(limit / 2), limit - Math.min(limit, titles.length)));
    const suggestions: Suggestion[] = phrases.slice(0, phraseCount).map((ph) => ({ text: ph.text, html: ph.html, kind: 'phrase' as const }));
    const seen = new Set(suggestions.map((s) => s.text.toLowerCase()));
    // Titles holding the typed words as a phrase first (stable: the engine's order otherwise).
    const complete = /\s$/.test(typed);
    const marked = titles.map((t) => ({ id: t.id, ...markTitle(t.title, typed, !complete) }));
    marked.sort((a, b) => Number(b.phrase) - Number(a.phrase));
    for (const t of marked) {
      if (suggestions.length >= limit) break;
      if (seen.has(t.text.toLowerCase())) continue;
      seen.add(t.text.toLowerCase());
      suggestions.push({ text: t.text, html: t.html, kind: 'title', id: t.id });
    }
    return { suggestions, liveSeq };
  }
}

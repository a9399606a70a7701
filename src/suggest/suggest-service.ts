/**
 * Suggestions for a search box as the user types: phrase completions of the last word from the
 * collection's vocabulary (the lexicon), then article titles (MiniSearch title indexes of the built
 * shards and of the live index) with the typed words marked, titles that hold the words as a phrase
 * first.
 * @module
 */
import type { SearchService } from '../engine/search-service.js';
import { queryPairForms } from '../engine/query-folded-forms.js';
import { mayHoldJoinedWords, splitJoinedText } from '../engine/planner/split-joined.js';
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
  async suggest(rawTyped: string, limit: number): Promise<{ suggestions: Suggestion[]; liveSeq: number }> {
    // Words typed joined (`hanoi`) are completed and matched as the syllables they split into: the
    // titles are looked up once the text is known; otherwise alongside the phrases.
    const joined = mayHoldJoinedWords(rawTyped);
    const completion = this.search.withPairs(queryPairForms(rawTyped), (lexicon) => {
      const text = joined ? splitJoinedText(rawTyped, lexicon) : rawTyped;
      return [text, completePhrases(lexicon, text, limit)] as const;
    }).then((r) => r.value);
    const titlesOf = (text: string) => this.search.suggestTitles(text.trim(), limit * 2); // extra candidates for the phrase-first reordering
    const [[typed, phrases], { titles, liveSeq }] = joined
      ? await completion.then(async (c) => [c, await titlesOf(c[0])] as const)
      : await Promise.all([completion, titlesOf(rawTyped)]);
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

/**
 * An article of the live index, analyzed and scored once when it is written: its index keys (the
 * very keys the build would give it, from the shared {@link TermCollector}), their BM25F impacts
 * computed with the deployed index's collection statistics (document count, average field lengths,
 * each key's document frequency over the built shards), laid out as a one-document shard. A prepared
 * article is what the live index searches, and what the live store keeps next to the text, so that a
 * restart opens it without analyzing anything again.
 * @module
 */
import type { StoredDocument } from '../../index-format/document-store.js';
import { isoToMinutes } from '../../index-format/dates.js';
import type { ScoringParameters } from '../../index-format/manifest.js';
import { NO_CATEGORY, NO_DATE } from '../../index-format/shard-postings.js';
import { ShardPostingsBuilder } from '../../index-format/shard-postings-builder.js';
import { sortTermsByBytes } from '../../index-format/sort-terms.js';
import { TermCollector } from '../../index-format/term-collector.js';
import { idf, impact, quantizeImpact } from '../../scoring/bm25f.js';

/** An article's index keys with per-field frequencies, before scoring. */
export interface AnalyzedArticle {
  /** Distinct index keys in UTF-8 byte order. */
  keys: string[];
  tfTitle: Uint16Array;
  tfBody: Uint16Array;
  lenTitle: number;
  lenBody: number;
  /** Indexes into `keys` of the headline's folded syllables, in headline order. */
  headline: Uint32Array;
  /** Parallel to `headline`: indexes of the exact keys of syllables with diacritics, else of the folded keys. */
  headlineExact: Uint32Array;
}

/** A scored article ready to be searched (see module docs). */
export interface PreparedArticle {
  /**
   * The article as a one-document postings artifact (the shard format): its keys, their quantized
   * impacts, its headline and date. Its category column is set when the live index adds it.
   */
  postings: Uint8Array;
  category?: string;
  /** The title as suggestions show it (`kicker: title` when there is a kicker). */
  title: string;
}

/** What scoring needs from the deployed index. */
export interface BaseStatistics {
  documentCount: number;
  scoring: ScoringParameters;
}

/** The title a suggestion shows for an article, as the build's title index stores it. */
export const suggestionTitle = (d: Pick<StoredDocument, 'kicker' | 'title'>): string => (d.kicker ? `${d.kicker}: ${d.title}` : d.title);

/** Analyzes an article exactly as the build does (title field: kicker + headline; body: lead + body). */
export function analyzeArticle(d: StoredDocument): AnalyzedArticle {
  const collector = new TermCollector(1024);
  const terms = collector.add([d.kicker, d.title], [d.lead, d.body], d.title);
  const order = sortTermsByBytes(Array.from(terms.termIds, (id) => collector.keys[id]));
  const position = new Uint32Array(collector.keys.length); // collector term id → index in `keys`
  const keys = new Array<string>(order.length);
  const tfTitle = new Uint16Array(order.length);
  const tfBody = new Uint16Array(order.length);
  order.forEach((k, i) => {
    const id = terms.termIds[k];
    keys[i] = collector.keys[id];
    tfTitle[i] = terms.tfTitle[k];
    tfBody[i] = terms.tfBody[k];
    position[id] = i;
  });
  return { keys, tfTitle, tfBody, lenTitle: terms.lenTitle, lenBody: terms.lenBody, headline: Uint32Array.from(terms.headline, (id) => position[id]), headlineExact: Uint32Array.from(terms.headlineExact, (id) => position[id]) };
}

/**
 * Scores an analyzed article against the deployed index and lays it out as a one-document shard.
 * @param df per key, the number of built documents that contain it (0 for keys the index lacks)
 */
export function prepareArticle(d: StoredDocument, a: AnalyzedArticle, df: ArrayLike<number>, base: BaseStatistics): PreparedArticle {
  const { scoring, documentCount } = base;
  const impacts = new Uint16Array(a.keys.length);
  for (let i = 0; i < a.keys.length; i++) {
    // The article itself contains the key: at least one document does.
    const v = impact(idf(documentCount, Math.max(1, df[i])), a.tfTitle[i], a.tfBody[i], a.lenTitle, a.lenBody, scoring.avgTitleLength, scoring.avgBodyLength, scoring);
    impacts[i] = quantizeImpact(v, scoring.impactScale);
  }
  const identity = Uint32Array.from(a.keys, (_k, i) => i);
  const minutes = d.date ? isoToMinutes(d.date) : null;
  const postings = new ShardPostingsBuilder(a.keys, identity).build(0, [{
    termIds: identity, headline: a.headline, headlineExact: a.headlineExact, date: minutes ?? NO_DATE, category: NO_CATEGORY,
  }], (_d, k) => impacts[k]);
  return { postings, title: suggestionTitle(d), ...(d.category ? { category: d.category } : {}) };
}

/**
 * BM25F with two fields (title, body), computed once per posting at build time with
 * collection-wide statistics. The Worker only adds up stored impacts, so every shard scores with
 * the same document frequencies and average lengths.
 * @module
 */

/** Tunable constants of the scoring function (recorded in the manifest). */
export interface Bm25fConstants {
  k1: number;
  bTitle: number;
  bBody: number;
  titleWeight: number;
}

/** Defaults, tuned on the relevance benchmark (`npm run bench:relevance`). */
export const DEFAULT_BM25F: Bm25fConstants = { k1: 1.2, bTitle: 0.5, bBody: 0.75, titleWeight: 4 };

/** Robertson–Spärck Jones inverse document frequency, never negative. */
export function idf(documentCount: number, df: number): number {
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

/** Largest impact any posting can have in a collection of `documentCount` documents. */
export function maxImpact(documentCount: number, c: Bm25fConstants): number {
  return idf(documentCount, 1) * (c.k1 + 1);
}

/**
 * The BM25F contribution of one term to one document.
 * @param termIdf {@link idf} of the term
 * @param tfTitle occurrences in the title field; `tfBody` in the body field
 * @param lenTitle tokens in the document's title; `lenBody` in its body
 * @param avgTitle average title length over the collection; `avgBody` likewise
 */
export function impact(
  termIdf: number, tfTitle: number, tfBody: number,
  lenTitle: number, lenBody: number, avgTitle: number, avgBody: number, c: Bm25fConstants,
): number {
  const normTitle = 1 - c.bTitle + c.bTitle * (avgTitle > 0 ? lenTitle / avgTitle : 1);
  const normBody = 1 - c.bBody + c.bBody * (avgBody > 0 ? lenBody / avgBody : 1);
  const tf = (c.titleWeight * tfTitle) / normTitle + tfBody / normBody;
  return (termIdf * tf * (c.k1 + 1)) / (tf + c.k1);
}

/**
 * A BM25F contribution as stored in a posting: a u16 multiple of `impactScale` (see
 * `ScoringParameters.impactScale`), never 0 so that every posting still counts as a match.
 */
export function quantizeImpact(value: number, impactScale: number): number {
  return Math.max(1, Math.min(65535, Math.round(value / impactScale)));
}

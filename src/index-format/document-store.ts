/**
 * The stored fields of an article, as returned to clients. A shard stores them as UTF-8 JSON records
 * in document blocks (`document-block.ts`), apart from the postings, so snippet text never bloats the
 * search structures and is decoded only for the hits of the page being returned.
 * @module
 */

/** Stored fields of one article, as returned to clients. All text NFC-normalized (`normalizeText`). */
export interface StoredDocument {
  /** Stable id: the file name without extension, or the JSONL `id` field (numbers converted to strings). */
  id: string;
  /** Headline without the kicker. Never empty. */
  title: string;
  /** Seed format: optional line ending in ':' above the title (without the trailing ':'); belongs to the headline. */
  kicker?: string;
  /** Sapo / lead paragraph when the format has one. */
  lead?: string;
  /** Body paragraphs joined by '\n' (no empty paragraphs). May be '' when the source has a title and lead only. */
  body: string;
  /** ISO 8601: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' (Vietnam local time, no offset). JSONL dates are kept as given. */
  date?: string;
  /** Original URL of the article, when known. */
  url?: string;
  /** Section / category as given by the source. */
  category?: string;
  /** Author name(s), e.g. 'THANH BÌNH' from a seed-format byline. */
  author?: string;
  /** News agency credited in the byline, e.g. 'TTXVN'. */
  agency?: string;
}

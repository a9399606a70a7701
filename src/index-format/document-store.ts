/**
 * The stored fields of an article, as returned to clients. A shard stores them as UTF-8 JSON records
 * in document blocks (`document-block.ts`), apart from the postings, so snippet text never bloats the
 * search structures and is decoded only for the hits of the page being returned.
 * @module
 */

/** Stored fields of one article, as returned to clients. */
export interface StoredDocument {
  id: string;
  title: string;
  kicker?: string;
  lead?: string;
  body: string;
  /** ISO 8601 date or date-time (Vietnam local time). */
  date?: string;
  url?: string;
  category?: string;
  author?: string;
  agency?: string;
}

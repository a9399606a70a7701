/**
 * Shared types for the corpus readers: what an article looks like after reading, and how a reader reports
 * files or records it could not use.
 *
 * @packageDocumentation
 */

/** One article as read from a corpus, before indexing. All text NFC-normalized via normalizeText. */
export interface Article {
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
  /** Where it came from: file path relative to the corpus root, plus ':<line>' (1-based) for JSONL. */
  source: string;
}

/** Why a file or record was not turned into an {@link Article}. */
export type SkipReason =
  | 'empty'
  | 'unparseable'
  | 'not-utf8'
  | 'binary'
  | 'duplicate-id'
  | 'unreadable'
  | 'no-title'
  | 'unsupported-file';

/** A file or record that was not read as an article. */
export interface Skip {
  /** Relative file path (plus ':<line>' for a JSONL record) of the skipped input. */
  source: string;
  /** Machine-readable category, for counting. */
  reason: SkipReason;
  /** A sentence a person can act on: what is wrong and how to fix it. */
  detail: string;
}

/** Something non-fatal worth telling the user, e.g. 'decoded UTF-16LE (BOM)' or 'body truncated to 2 MB'. */
export interface Note {
  /** Relative file path (plus ':<line>' for a JSONL record) the note is about. */
  source: string;
  /** Human-readable explanation. */
  detail: string;
}

/**
 * Tells a {@link Skip} from an {@link Article} in the `Article | Skip` results of the single-article parsers.
 *
 * @param value - A parser result.
 * @returns `true` when `value` is a Skip.
 */
export function isSkip(value: Article | Skip): value is Skip {
  return 'reason' in value && !('id' in value);
}

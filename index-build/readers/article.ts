/**
 * Shared types for the corpus readers: what an article looks like after reading, and how a reader reports
 * files or records it could not use.
 *
 * @packageDocumentation
 */
import type { StoredDocument } from '../../src/index-format/document-store.js';

/** One article as read from a corpus, before indexing: the fields a shard stores, and where it came from. */
export interface Article extends StoredDocument {
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

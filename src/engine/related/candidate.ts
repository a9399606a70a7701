/**
 * What a shard returns about one candidate of a related-articles query: the fields shown in the list,
 * and the article's shingles, so the front can collapse copies of one story across shards.
 * @module
 */
import type { StoredDocument } from '../../index-format/document-store.js';
import { hitDocument, type HitDocument } from '../hit-document.js';
import type { HighlightSpec } from '../query-plan.js';
import { shingleSet, shingleText } from './shingles.js';

/** One candidate related article. */
export interface RelatedCandidate {
  /** Title (escaped, unmarked), opening of lead + body as the snippet, metadata. */
  hit: HitDocument;
  /** Sorted distinct hashed word 3-shingles of title, lead and body (`shingles.ts`). */
  shingles: Uint32Array;
}

/** Highlighting of related hits: none (nothing was typed, so nothing is marked). */
export const NO_HIGHLIGHT: HighlightSpec = { folded: [], exact: [], phrases: [] };

/** Characters of a related hit's snippet (the opening of its lead and body). */
export const RELATED_SNIPPET_CHARS = 200;

/** A stored article as a related candidate: the fields of a search hit, unmarked, and its shingles. */
export function relatedCandidate(d: StoredDocument): RelatedCandidate {
  // Only the opening is shown: the snippet is cut from the lead and the body's first characters.
  const opening: StoredDocument = { ...d, body: d.body.slice(0, RELATED_SNIPPET_CHARS * 2) };
  return { hit: hitDocument(opening, NO_HIGHLIGHT, RELATED_SNIPPET_CHARS), shingles: shingleSet(shingleText(d)) };
}

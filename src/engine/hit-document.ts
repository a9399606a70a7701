/**
 * A search hit's document: stored fields plus the highlighted title and snippet, the same for an
 * article of a built shard and one of the live index.
 * @module
 */
import type { StoredDocument } from '../index-format/document-store.js';
import type { HighlightSpec } from './query-plan.js';
import { highlightAll, makeSnippet } from './snippet.js';

/** A document as returned in a search hit. */
export interface HitDocument {
  id: string;
  title: string;
  /** Title, HTML-escaped, with matches marked. */
  title_html: string;
  snippet: string;
  date?: string;
  url?: string;
  category?: string;
  author?: string;
}

/** Length of a snippet in characters. */
export const SNIPPET_CHARS = 240;

/** The hit document of a stored article for a query's highlight spec. */
export function hitDocument(d: StoredDocument, highlight: HighlightSpec, snippetChars = SNIPPET_CHARS): HitDocument {
  const text = [d.lead, d.body].filter(Boolean).join('\n');
  const hit: HitDocument = { id: d.id, title: d.title, title_html: highlightAll(d.title, highlight), snippet: makeSnippet(text, highlight, snippetChars) };
  if (d.date) hit.date = d.date;
  if (d.url) hit.url = d.url;
  if (d.category) hit.category = d.category;
  if (d.author) hit.author = d.author;
  return hit;
}

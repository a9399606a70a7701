/**
 * Caps the size of one article so a single huge input cannot blow up the index.
 *
 * @packageDocumentation
 */
import type { Article } from './article.js';

/** Default cap on an article's text: 2 MiB of UTF-8. */
export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Result of {@link truncateArticle}. */
export interface TruncateResult {
  /** The article, unchanged (same object) when it fits, else a copy with shortened text. */
  article: Article;
  /** Set when text was cut, e.g. 'body truncated to 2 MB (article text was 5.3 MB); …'. */
  note?: string;
}

/**
 * Keeps an article's text (title + kicker + lead + body, in UTF-8 bytes) within `maxBytes`. The body is cut
 * first, then the lead, then the title; each cut lands on a paragraph break when one is in the second half of
 * the allowance, else on a space, else on a character boundary (never inside a UTF-8 sequence).
 *
 * @param article - The parsed article.
 * @param maxBytes - Allowance for all its text, in UTF-8 bytes.
 * @returns The (possibly shortened) article and a note when something was cut.
 */
export function truncateArticle(article: Article, maxBytes: number): TruncateResult {
  const sizes = {
    title: byteLength(article.title),
    kicker: byteLength(article.kicker ?? ''),
    lead: byteLength(article.lead ?? ''),
    body: byteLength(article.body),
  };
  const total = sizes.title + sizes.kicker + sizes.lead + sizes.body;
  if (total <= maxBytes) return { article };

  const out: Article = { ...article };
  let room = maxBytes - sizes.kicker;
  // The title is never emptied: at least its first character survives.
  out.title = cutToBytes(article.title, room) || String.fromCodePoint(article.title.codePointAt(0) ?? 0x20);
  room -= byteLength(out.title);
  if (article.lead !== undefined) {
    const lead = cutToBytes(article.lead, room);
    if (lead === '') delete out.lead;
    else out.lead = lead;
    room -= byteLength(lead);
  }
  out.body = cutToBytes(article.body, room);
  const cut = (['body', 'lead', 'title'] as const).filter((field) => out[field] !== article[field]);

  return {
    article: out,
    note: `${cut.join(' and ')} truncated to ${formatSize(maxBytes)} (article text was ${formatSize(total)}); split the article if all of it must be searchable`,
  };
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Longest prefix of `s` within `maxBytes` UTF-8 bytes, preferring a '\n', then a space, as the cut point. */
function cutToBytes(s: string, maxBytes: number): string {
  if (byteLength(s) <= maxBytes) return s;
  if (maxBytes <= 0) return '';
  const bytes = encoder.encode(s);
  let end = maxBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // back off to the start of a UTF-8 sequence
  const prefix = decoder.decode(bytes.subarray(0, end));
  const half = prefix.length / 2;
  const para = prefix.lastIndexOf('\n');
  if (para >= half) return prefix.slice(0, para).trimEnd();
  const space = prefix.lastIndexOf(' ');
  if (space >= half) return prefix.slice(0, space).trimEnd();
  return prefix;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

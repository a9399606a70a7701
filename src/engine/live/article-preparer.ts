/**
 * Preparing writes for the live index against a deployed build: each article analyzed and scored
 * ({@link prepareArticle}) with document frequencies from the build's shards, each id located in
 * the build, each article's content hashed (idempotent writes). It runs wherever it is cheapest: in
 * the front Worker for writes coming through the API (so the live index's single Durable Object only
 * commits), and inside the live index when it must prepare stored rows again for a new build.
 * @module
 */
import type { StoredDocument } from '../../index-format/document-store.js';
import { hex } from '../../index-format/hex.js';
import { DfCache } from './df-cache.js';
import type { LiveBase } from './live-base.js';
import type { BaseLocation } from './live-storage.js';
import { analyzeArticle, prepareArticle, type PreparedArticle } from './prepared-article.js';

/** Articles whose base statistics are looked up together. */
export const LOOKUP_CHUNK = 64;

/** An article or a delete, prepared against build `preparedFor`. */
export interface PreparedWrite {
  id: string;
  /** The article (null for a delete). */
  doc: StoredDocument | null;
  /** SHA-256 of the article's stored fields (puts). */
  hash: string | null;
  article: PreparedArticle | null;
  /** Where the build holds this id, when it does. */
  location: BaseLocation | null;
  /** Content hash of the build. */
  preparedFor: string;
}

/** SHA-256 of an article's stored fields (idempotent puts). */
export async function articleHash(doc: StoredDocument): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(doc))));
}

/** Prepares writes against one build, remembering the build's document frequencies. */
export class ArticlePreparer {
  readonly df = new DfCache();

  constructor(readonly base: LiveBase) {}

  /** Prepares puts (`doc` set) and deletes (`doc` null), in order. */
  async prepare(items: ReadonlyArray<{ id: string; doc: StoredDocument | null }>): Promise<PreparedWrite[]> {
    const out: PreparedWrite[] = [];
    for (let i = 0; i < items.length; i += LOOKUP_CHUNK) {
      const chunk = items.slice(i, i + LOOKUP_CHUNK);
      const analyzed = chunk.map((it) => (it.doc ? analyzeArticle(it.doc) : null));
      const hashes = await Promise.all(chunk.map((it) => (it.doc ? articleHash(it.doc) : null)));
      // Only keys not seen before are looked up in the shards.
      const known = new Map<string, number>();
      const missing: string[] = [];
      for (const a of analyzed) {
        for (const k of a?.keys ?? []) {
          if (known.has(k)) continue;
          const df = this.df.get(k);
          if (df === undefined) { known.set(k, -1); missing.push(k); } else known.set(k, df);
        }
      }
      const { df, locations } = await this.base.lookup(missing, chunk.map((it) => it.id));
      missing.forEach((k, m) => { known.set(k, df[m]); this.df.set(k, df[m]); });
      chunk.forEach((it, j) => {
        const a = analyzed[j];
        out.push({
          id: it.id, doc: it.doc, hash: hashes[j], location: locations[j], preparedFor: this.base.ref.contentHash,
          article: a && it.doc ? prepareArticle(it.doc, a, a.keys.map((k) => known.get(k)!), this.base.stats) : null,
        });
      });
    }
    return out;
  }
}

/**
 * What the live index keeps durably, one row per article id: the last acknowledged change to it
 * (a put with the article's fields, or a delete), its sequence number, and the article prepared
 * against a deployed build (so a restart opens it without analysis). The Durable Object implements
 * it over its SQLite storage; tests and benchmarks over memory. Every method is synchronous, as the
 * Durable Object SQL API is, so a change and the in-memory index are updated in one step that no other
 * request can interleave with.
 * @module
 */
import type { StoredDocument } from '../../index-format/document-store.js';

/** Where a built article sits in the deployed build. */
export interface BaseLocation {
  shard: number;
  doc: number;
}

/** The stored state of one article id. */
export interface LiveRow {
  id: string;
  /** Sequence number of the change (unique, increasing with every acknowledged write). */
  seq: number;
  op: 'put' | 'delete';
  /** The article (puts). */
  doc: StoredDocument | null;
  /** Content hash of `doc` (puts): a put with the same content is acknowledged without a new change. */
  hash: string | null;
  /** The article prepared against build `preparedFor` (puts): a one-document postings artifact. */
  postings: Uint8Array | null;
  /** Content hash of the build `postings` and `location` were computed against. */
  preparedFor: string | null;
  /** Where the id sits in build `preparedFor`, when it is a built article. */
  location: BaseLocation | null;
  /** The title suggestions show (puts), kept apart so a restart need not read the article. */
  title: string | null;
  /** The article's category (puts). */
  category: string | null;
  /** Milliseconds since the epoch when the change was acknowledged. */
  writtenAt: number;
}

/** Durable storage of the live index (see module docs). */
export interface LiveStorage {
  /** Highest sequence number ever acknowledged (0 when none). */
  lastSeq(): number;
  /** The row of an id, or null. */
  get(id: string): LiveRow | null;
  /** The row whose change has sequence number `seq` (a put's slot), or null when superseded. */
  getBySeq(seq: number): LiveRow | null;
  /** Rows with a sequence number above `seq`, in sequence order, without `doc` and `postings`. */
  entriesAfter(seq: number): LiveRow[];
  /** The prepared postings of the put with sequence number `seq`, or null. */
  postingsOf(seq: number): Uint8Array | null;
  /** Rows with a sequence number above `seq`, in order, at most `limit`, without prepared data. */
  changes(seq: number, limit: number): LiveRow[];
  /** Commits rows (each replaces its id's row) and raises the last sequence number, atomically. */
  write(rows: readonly LiveRow[]): void;
  /** Replaces the prepared data of an id's row (after a new build was deployed). */
  updatePrepared(id: string, postings: Uint8Array | null, preparedFor: string, location: BaseLocation | null): void;
  /** Deletes rows with a sequence number up to `seq` (folded into a build); returns how many. */
  dropThrough(seq: number): number;
  /** Number of rows. */
  count(): number;
}

/** {@link LiveStorage} in memory (tests, benchmarks). */
export class MemoryLiveStorage implements LiveStorage {
  private readonly byId = new Map<string, LiveRow>();
  private readonly bySeq = new Map<number, string>();
  private last = 0;

  lastSeq(): number { return this.last; }

  get(id: string): LiveRow | null { return this.byId.get(id) ?? null; }

  getBySeq(seq: number): LiveRow | null {
    const id = this.bySeq.get(seq);
    return id === undefined ? null : this.byId.get(id) ?? null;
  }

  private after(seq: number): LiveRow[] {
    return [...this.byId.values()].filter((r) => r.seq > seq).sort((a, b) => a.seq - b.seq);
  }

  entriesAfter(seq: number): LiveRow[] {
    return this.after(seq).map((r) => ({ ...r, doc: null, postings: null }));
  }

  postingsOf(seq: number): Uint8Array | null {
    return this.getBySeq(seq)?.postings ?? null;
  }

  changes(seq: number, limit: number): LiveRow[] {
    return this.after(seq).slice(0, limit).map((r) => ({ ...r, postings: null }));
  }

  write(rows: readonly LiveRow[]): void {
    for (const r of rows) {
      const old = this.byId.get(r.id);
      if (old) this.bySeq.delete(old.seq);
      this.byId.set(r.id, { ...r });
      this.bySeq.set(r.seq, r.id);
      this.last = Math.max(this.last, r.seq);
    }
  }

  updatePrepared(id: string, postings: Uint8Array | null, preparedFor: string, location: BaseLocation | null): void {
    const r = this.byId.get(id);
    if (r) Object.assign(r, { postings, preparedFor, location });
  }

  dropThrough(seq: number): number {
    let n = 0;
    for (const r of [...this.byId.values()]) {
      if (r.seq <= seq) {
        this.byId.delete(r.id);
        this.bySeq.delete(r.seq);
        n++;
      }
    }
    return n;
  }

  count(): number { return this.byId.size; }
}

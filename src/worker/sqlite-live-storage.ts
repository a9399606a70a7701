/**
 * {@link LiveStorage} over a Durable Object's SQLite storage. Writes run in one synchronous
 * transaction; the Durable Object's output gate holds the response until SQLite has made them
 * durable, so nothing is acknowledged before it is stored.
 * @module
 */
import type { StoredDocument } from '../index-format/document-store.js';
import type { BaseLocation, LiveRow, LiveStorage } from '../engine/live/live-storage.js';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS live_articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('put', 'delete')),
    doc TEXT,
    hash TEXT,
    postings BLOB,
    prepared_for TEXT,
    base_shard INTEGER,
    base_doc INTEGER,
    title TEXT,
    category TEXT,
    written_at INTEGER NOT NULL
  )`,
  'CREATE UNIQUE INDEX IF NOT EXISTS live_articles_seq ON live_articles (seq)',
  'CREATE TABLE IF NOT EXISTS live_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)',
];

const LIGHT = 'id, seq, op, hash, prepared_for, base_shard, base_doc, title, category, written_at';

type Row = Record<string, SqlStorageValue>;

const bytes = (v: SqlStorageValue): Uint8Array | null => (v instanceof ArrayBuffer ? new Uint8Array(v) : null);

/** The bytes of a view as an ArrayBuffer of their own (what SQLite binds as a BLOB). */
const blob = (u: Uint8Array | null): ArrayBuffer | null =>
  u === null ? null : u.byteOffset === 0 && u.byteLength === u.buffer.byteLength ? (u.buffer as ArrayBuffer) : (u.slice().buffer as ArrayBuffer);

function toRow(r: Row): LiveRow {
  const location: BaseLocation | null = r.base_shard === null || r.base_shard === undefined ? null : { shard: Number(r.base_shard), doc: Number(r.base_doc) };
  return {
    id: String(r.id),
    seq: Number(r.seq),
    op: r.op === 'delete' ? 'delete' : 'put',
    doc: typeof r.doc === 'string' ? (JSON.parse(r.doc) as StoredDocument) : null,
    hash: typeof r.hash === 'string' ? r.hash : null,
    postings: bytes(r.postings ?? null),
    preparedFor: typeof r.prepared_for === 'string' ? r.prepared_for : null,
    location,
    title: typeof r.title === 'string' ? r.title : null,
    category: typeof r.category === 'string' ? r.category : null,
    writtenAt: Number(r.written_at),
  };
}

/** The live index's rows in SQLite (see module docs). */
export class SqliteLiveStorage implements LiveStorage {
  /** @param storage the Durable Object's storage (SQLite-backed class) */
  constructor(private readonly storage: DurableObjectStorage) {
    for (const statement of SCHEMA) storage.sql.exec(statement);
  }

  private get sql() {
    return this.storage.sql;
  }

  lastSeq(): number {
    const rows = this.sql.exec<{ value: number }>("SELECT value FROM live_meta WHERE key = 'last_seq'").toArray();
    return rows.length ? Number(rows[0].value) : 0;
  }

  get(id: string): LiveRow | null {
    const rows = this.sql.exec<Row>(`SELECT ${LIGHT}, doc FROM live_articles WHERE id = ?`, id).toArray();
    return rows.length ? toRow(rows[0]) : null;
  }

  getBySeq(seq: number): LiveRow | null {
    const rows = this.sql.exec<Row>(`SELECT ${LIGHT}, doc FROM live_articles WHERE seq = ?`, seq).toArray();
    return rows.length ? toRow(rows[0]) : null;
  }

  entriesAfter(seq: number): LiveRow[] {
    return this.sql.exec<Row>(`SELECT ${LIGHT} FROM live_articles WHERE seq > ? ORDER BY seq`, seq).toArray().map(toRow);
  }

  postingsOf(seq: number): Uint8Array | null {
    const rows = this.sql.exec<Row>('SELECT postings FROM live_articles WHERE seq = ?', seq).toArray();
    return rows.length ? bytes(rows[0].postings) : null;
  }

  changes(seq: number, limit: number): LiveRow[] {
    return this.sql.exec<Row>(`SELECT ${LIGHT}, doc FROM live_articles WHERE seq > ? ORDER BY seq LIMIT ?`, seq, limit).toArray().map(toRow);
  }

  write(rows: readonly LiveRow[]): void {
    if (rows.length === 0) return;
    this.storage.transactionSync(() => {
      let last = this.lastSeq();
      for (const r of rows) {
        this.sql.exec(
          `INSERT INTO live_articles (id, seq, op, doc, hash, postings, prepared_for, base_shard, base_doc, title, category, written_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, op = excluded.op, doc = excluded.doc, hash = excluded.hash,
             postings = excluded.postings, prepared_for = excluded.prepared_for, base_shard = excluded.base_shard,
             base_doc = excluded.base_doc, title = excluded.title, category = excluded.category, written_at = excluded.written_at`,
          r.id, r.seq, r.op, r.doc ? JSON.stringify(r.doc) : null, r.hash, blob(r.postings), r.preparedFor,
          r.location?.shard ?? null, r.location?.doc ?? null, r.title, r.category, r.writtenAt,
        );
        last = Math.max(last, r.seq);
      }
      this.sql.exec("INSERT INTO live_meta (key, value) VALUES ('last_seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", last);
    });
  }

  updatePrepared(id: string, postings: Uint8Array | null, preparedFor: string, location: BaseLocation | null): void {
    this.sql.exec('UPDATE live_articles SET postings = ?, prepared_for = ?, base_shard = ?, base_doc = ? WHERE id = ?', blob(postings), preparedFor, location?.shard ?? null, location?.doc ?? null, id);
  }

  dropThrough(seq: number): number {
    const n = Number(this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM live_articles WHERE seq <= ?', seq).one().n);
    if (n > 0) this.sql.exec('DELETE FROM live_articles WHERE seq <= ?', seq);
    return n;
  }

  count(): number {
    return Number(this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM live_articles').one().n);
  }
}

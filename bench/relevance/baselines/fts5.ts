/**
 * Baseline: SQLite FTS5 (better-sqlite3, in memory) with the `unicode61 remove_diacritics 2`
 * tokenizer, ranked by `bm25(docs, 2.0, 1.0)` (title weighted 2×). The query is every
 * letter/digit run of the input, each double-quoted, joined with OR.
 * @module
 */
import Database from 'better-sqlite3';
import type { Baseline, BenchDoc } from './types.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Turns free text into a safe FTS5 MATCH expression: `"tok1" OR "tok2" …` ('' when no tokens).
 * @param q query text
 */
export function fts5Query(q: string): string {
  const tokens = q.normalize('NFC').match(TOKEN) ?? [];
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
}

/** FTS5 over an in-memory database. */
export class Fts5 implements Baseline {
  readonly name = 'SQLite FTS5';
  corpusSize = 0;
  /** Queries FTS5 rejected (counted, never thrown). */
  errors = 0;
  private readonly db = new Database(':memory:');
  private ids: string[] = [];
  private stmt: Database.Statement | null = null;

  index(docs: readonly BenchDoc[]): void {
    this.db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')`);
    const insert = this.db.prepare('INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)');
    this.ids = docs.map((d) => d.id);
    this.db.transaction(() => {
      docs.forEach((d, i) => insert.run(i + 1, d.title, d.body));
    })();
    this.corpusSize = docs.length;
    this.stmt = this.db.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT ?');
  }

  search(q: string, k: number): string[] {
    const match = fts5Query(q);
    if (match === '' || !this.stmt) return [];
    try {
      return (this.stmt.all(match, k) as Array<{ rowid: number }>).map((r) => this.ids[r.rowid - 1]);
    } catch {
      this.errors++;
      return [];
    }
  }

  close(): void {
    this.db.close();
  }
}

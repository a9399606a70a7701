/**
 * Folding the live index into a build. The live index's change feed (`GET /changes`) is fetched
 * into a journal file kept with the corpus (JSON Lines, one latest change per article id, in
 * sequence order), and the journal is applied on top of the corpus: a put adds or replaces an
 * article, a delete removes it. The manifest then records the last sequence number the build holds,
 * and once it is deployed the live index serves only later changes. The journal, not the live index,
 * is the lasting record of what was written live: keep it with the corpus (a repository, a bucket).
 * @module
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanArticleFields, type ArticleFields } from '../src/index-format/article-fields.js';
import type { Article, Note, Skip } from './readers/article.js';

/** One change, as `GET /changes` returns it and the journal stores it. */
export interface JournalChange {
  seq: number;
  op: 'put' | 'delete';
  id: string;
  /** The article's fields (puts). */
  article?: object;
  at?: string;
}

/** What a fetch of the change feed needs. */
export interface ChangeFeedSource {
  /** Base URL of the deployment, e.g. `https://search.example.vn`. */
  url: string;
  /** The INGEST_TOKEN secret. */
  token: string;
  /** `fetch` (tests pass their own). */
  fetch?: typeof fetch;
  /** Changes per request (≤ 1000). */
  pageSize?: number;
}

/** Reads a journal; a missing file is an empty journal. Throws naming the line when one is not a change. */
export async function readJournal(file: string): Promise<JournalChange[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`The journal ${file} cannot be read: ${(e as Error).message}`);
  }
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    let c: unknown;
    try {
      c = JSON.parse(line);
    } catch {
      throw new Error(`The journal ${file} is damaged at line ${i + 1} (not JSON). Restore it from your copy, or fetch everything again with --live and a new --journal file.`);
    }
    const o = c as JournalChange;
    if (!o || typeof o.seq !== 'number' || (o.op !== 'put' && o.op !== 'delete') || typeof o.id !== 'string' || (o.op === 'put' && (typeof o.article !== 'object' || o.article === null))) {
      throw new Error(`The journal ${file} has an invalid change at line ${i + 1}: each line must be {"seq", "op": "put"|"delete", "id", "article" (puts)}.`);
    }
    return [o];
  });
}

/** One latest change per id, in sequence order. */
export function compactJournal(changes: readonly JournalChange[]): JournalChange[] {
  const latest = new Map<string, JournalChange>();
  for (const c of changes) {
    const old = latest.get(c.id);
    if (!old || c.seq > old.seq) latest.set(c.id, c);
  }
  return [...latest.values()].sort((a, b) => a.seq - b.seq);
}

/** Writes a journal atomically (a temporary file renamed over the old one). */
export async function writeJournal(file: string, changes: readonly JournalChange[]): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, changes.map((c) => JSON.stringify(c)).join('\n') + (changes.length ? '\n' : ''));
  await rename(tmp, file);
}

/** Fetches every change after `since` from a deployment's change feed, page by page. */
export async function fetchChanges(source: ChangeFeedSource, since: number): Promise<{ changes: JournalChange[]; lastSeq: number }> {
  const doFetch = source.fetch ?? fetch;
  const base = source.url.replace(/\/+$/, '');
  const changes: JournalChange[] = [];
  let next = since;
  let lastSeq = since;
  for (let page = 0; ; page++) {
    const url = `${base}/changes?since=${next}&limit=${source.pageSize ?? 1000}`;
    let res: Response;
    try {
      res = await doFetch(url, { headers: { Authorization: `Bearer ${source.token}`, Accept: 'application/json' } });
    } catch (e) {
      throw new Error(`Cannot reach ${base} for its change feed: ${(e as Error).message}. Check --live.`);
    }
    const text = await res.text();
    if (!res.ok) {
      let detail = text.slice(0, 300);
      try { detail = (JSON.parse(text) as { error: { message: string } }).error.message; } catch { /* not our JSON error */ }
      const hint = res.status === 401 ? ' Set INGEST_TOKEN to the deployment\'s write token.' : res.status === 403 ? ' The deployment has no INGEST_TOKEN secret: it takes no live writes.' : '';
      throw new Error(`The change feed of ${base} answered HTTP ${res.status}: ${detail}${hint}`);
    }
    const body = JSON.parse(text) as { changes: JournalChange[]; last_seq: number; next_since: number; more: boolean };
    changes.push(...body.changes);
    lastSeq = Math.max(lastSeq, body.last_seq);
    if (!body.more) break;
    if (body.next_since <= next) throw new Error(`The change feed of ${base} did not advance past ${next}; giving up.`);
    next = body.next_since;
  }
  return { changes, lastSeq };
}

/** Result of {@link applyJournal}. */
export interface AppliedJournal {
  articles: Article[];
  /** Changes that could not be applied (an article the build cannot read), with why. */
  skipped: Skip[];
  notes: Note[];
  /** Highest sequence number applied (0 for an empty journal). */
  seq: number;
}

/**
 * Applies journal changes (in sequence order) to the corpus: articles keep their corpus position
 * when replaced; new ones follow the corpus in the order of their last change.
 */
export function applyJournal(corpus: readonly Article[], journal: readonly JournalChange[], journalLabel: string): AppliedJournal {
  const changes = compactJournal(journal);
  const byId = new Map<string, Article | null>(corpus.map((a) => [a.id, a]));
  const added: string[] = [];
  const skipped: Skip[] = [];
  let puts = 0;
  let deletes = 0;
  for (const c of changes) {
    const source = `${journalLabel}#${c.seq}`;
    if (c.op === 'delete') {
      if (byId.get(c.id)) deletes++;
      byId.set(c.id, null);
      continue;
    }
    const cleaned = cleanArticleFields(c.id, c.article as unknown as ArticleFields, 'drop');
    if (!cleaned.ok || typeof (c.article as { body?: unknown } | undefined)?.body !== 'string') {
      skipped.push({ source, reason: 'unparseable', detail: `live change ${c.seq} (id ${JSON.stringify(c.id)}) is not an article: ${cleaned.ok ? 'body is missing' : cleaned.message}` });
      continue;
    }
    const { id: _id, ...fields } = cleaned.doc;
    if (!byId.has(c.id)) added.push(c.id); // ids are unique once compacted
    byId.set(c.id, { id: c.id, ...fields, source });
    puts++;
  }
  const articles: Article[] = [];
  for (const a of corpus) {
    const now = byId.get(a.id);
    if (now) articles.push(now);
  }
  for (const id of added) articles.push(byId.get(id)!);
  const seq = changes.reduce((m, c) => Math.max(m, c.seq), 0);
  const notes: Note[] = changes.length ? [{ source: journalLabel, detail: `applied ${puts} live put(s) and ${deletes} live delete(s) through sequence number ${seq}` }] : [];
  return { articles, skipped, notes, seq };
}

/**
 * The live index's logic, independent of where it runs: it takes writes (put, delete, batches) in
 * order, commits each to {@link LiveStorage} with a sequence number before acknowledging it, keeps
 * the {@link LiveIndex} and the suppression of built articles in step, and answers the read calls of
 * {@link LiveLayer}. One instance runs inside the live Durable Object (one per deployment), so writes
 * are serialized; preparing an article (analysis, base statistics) is asynchronous and may overlap
 * with other calls, committing it is one synchronous step.
 *
 * Against a deployed build (a {@link BaseRef}) the live index serves exactly the changes with a
 * sequence number above the build's `liveSeq`: older ones are in the build (`build:index --live`).
 * When a call names another build, the core rebases first: it reopens the rows still needed and
 * prepares again those prepared against another build.
 * @module
 */
import type { StoredDocument } from '../../index-format/document-store.js';
import { hitDocument, type HitDocument } from '../hit-document.js';
import type { TitleSuggestion } from '../loaded-shard.js';
import type { HighlightSpec, QueryPlan, ShardResult } from '../query-plan.js';
import { ArticlePreparer, LOOKUP_CHUNK, type PreparedWrite } from './article-preparer.js';
import { LiveIndex, type LiveSearchOptions } from './live-index.js';
import type { LiveBase } from './live-base.js';
import type { BaseRef, LiveArticle, LiveLayer, LiveView, Suppression } from './live-layer.js';

export type { LiveBase };
import type { BaseLocation, LiveRow, LiveStorage } from './live-storage.js';
import type { BaseStatistics } from './prepared-article.js';

/** Opens the deployed build a call names (throws when it is not the one deployed). */
export type OpenBase = (ref: BaseRef) => Promise<LiveBase>;

/** Capacity of the live index within one isolate. */
export interface LiveLimits {
  /** Live changes (puts and deletes not yet folded into a build) held at most. */
  maxChanges: number;
  /** Bytes of live segments held at most. */
  maxBytes: number;
}

/** Defaults of {@link LiveLimits}, measured by `npm run bench:live` (see README). */
export const DEFAULT_LIVE_LIMITS: LiveLimits = { maxChanges: 20_000, maxBytes: 64 * 1024 * 1024 };

/** A write that could not be taken because the live index is full: fold it into a build. */
export class LiveCapacityError extends Error {
  override name = 'LiveCapacityError';
}

/** Result of one put or delete. */
export type WriteResult =
  | { id: string; status: 'created' | 'replaced' | 'deleted' | 'unchanged'; seq: number }
  | { id: string; status: 'not_found' }
  | { id: string; status: 'rejected'; code: 'live_index_full'; message: string };

/** One change of the feed `GET /changes`. */
export interface Change {
  seq: number;
  op: 'put' | 'delete';
  id: string;
  article?: StoredDocument;
  /** ISO time the change was acknowledged. */
  at: string;
}

/** Diagnostics of the live index. */
export interface LiveStats {
  seq: number;
  /** Changes served on top of the deployed build. */
  changes: number;
  articles: number;
  deletes: number;
  suppressed: number;
  segments: number;
  /** A background merge is running. */
  merging: boolean;
  merges: number;
  bytes: number;
  limits: LiveLimits;
}

interface Entry {
  seq: number;
  op: 'put' | 'delete';
  location: BaseLocation | null;
}

interface State {
  base: LiveBase;
  /** Prepares writes against this build (remembers its document frequencies). */
  preparer: ArticlePreparer;
  index: LiveIndex;
  entries: Map<string, Entry>;
  suppression: Suppression;
}

/** The live index (see module docs). */
export class LiveCore implements LiveLayer {
  private state: State | null = null;
  private opening: Promise<State> | null = null;
  private openingFor = '';

  /**
   * @param storage durable rows
   * @param openBase opens the deployed build a call names
   * @param limits capacity
   * @param now clock (ms), for `writtenAt`
   */
  constructor(private readonly storage: LiveStorage, private readonly openBase: OpenBase, readonly limits: LiveLimits = DEFAULT_LIVE_LIMITS, private readonly now: () => number = Date.now) {}

  /** The state for build `ref`, rebasing first when another build was served. */
  private async ready(ref: BaseRef): Promise<State> {
    const key = `${ref.contentHash}:${ref.liveSeq}`;
    const s = this.state;
    if (s && s.base.ref.contentHash === ref.contentHash && s.base.ref.liveSeq === ref.liveSeq) return s;
    if (!this.opening || this.openingFor !== key) {
      this.openingFor = key;
      this.opening = this.rebase(ref);
      this.opening.then(
        (st) => { if (this.openingFor === key) { this.state = st; this.opening = null; } },
        () => { if (this.openingFor === key) this.opening = null; },
      );
    }
    const st = await this.opening;
    this.state = st;
    return st;
  }

  /** Builds the state for a build from the stored rows, one article in memory at a time. */
  private async rebase(ref: BaseRef): Promise<State> {
    const preparer = new ArticlePreparer(await this.openBase(ref));
    const rows = this.storage.entriesAfter(ref.liveSeq);
    const stale = rows.filter((r) => r.preparedFor !== ref.contentHash);
    for (let i = 0; i < stale.length; i += LOOKUP_CHUNK) {
      const chunk = stale.slice(i, i + LOOKUP_CHUNK);
      const prepared = await preparer.prepare(chunk.map((r) => ({ id: r.id, doc: r.op === 'put' ? this.storage.get(r.id)?.doc ?? null : null })));
      chunk.forEach((r, j) => {
        this.storage.updatePrepared(r.id, prepared[j].article?.postings ?? null, ref.contentHash, prepared[j].location);
        r.location = prepared[j].location;
      });
    }
    const base = preparer.base;
    const st: State = { base, preparer, index: new LiveIndex(base.stats.scoring.impactScale), entries: new Map(), suppression: { version: 0, shards: {}, ids: [] } };
    for (const r of rows) {
      st.entries.set(r.id, { seq: r.seq, op: r.op, location: r.location });
      if (r.op !== 'put') continue;
      const postings = this.storage.postingsOf(r.seq);
      if (postings) st.index.add(r.seq, { postings, title: r.title ?? '', ...(r.category ? { category: r.category } : {}) });
    }
    st.suppression = suppressionOf(st.entries, rows.reduce((v, r) => (r.location ? Math.max(v, r.seq) : v), 0));
    return st;
  }

  /**
   * The writes prepared against the build this core serves: those the caller prepared against it
   * are used as they are, the others are prepared here. Prepares again when a rebase happened
   * meanwhile.
   */
  private async prepared(ref: BaseRef, items: ReadonlyArray<{ id: string; doc: StoredDocument | null; prepared?: PreparedWrite }>): Promise<{ st: State; writes: PreparedWrite[] }> {
    for (;;) {
      const st = await this.ready(ref);
      const usable = (it: { id: string; doc: StoredDocument | null; prepared?: PreparedWrite }) => {
        const w = it.prepared;
        return w !== undefined && w.preparedFor === st.base.ref.contentHash && w.id === it.id && (it.doc === null ? w.article === null : w.article !== null && w.hash !== null);
      };
      const todo = items.filter((it) => !usable(it));
      const fresh = todo.length ? await st.preparer.prepare(todo) : [];
      if (this.state !== st) continue;
      let f = 0;
      return { st, writes: items.map((it) => (usable(it) ? { ...it.prepared!, doc: it.doc } : fresh[f++])) };
    }
  }

  /**
   * Creates or replaces articles, in order; each result says what happened. Items may come prepared
   * (by the front Worker's {@link ArticlePreparer}); the others are prepared here.
   */
  async put(ref: BaseRef, items: Array<{ id: string; doc: StoredDocument; prepared?: PreparedWrite }>): Promise<WriteResult[]> {
    const { st, writes } = await this.prepared(ref, items);
    // From here on, synchronous: no other call runs until the changes are committed and indexed.
    const rows: LiveRow[] = [];
    const results: WriteResult[] = [];
    let seq = this.storage.lastSeq();
    let live = st.entries.size;
    const pending = new Map<string, Entry & { hash: string | null }>();
    for (const p of writes) {
      const before = pending.get(p.id) ?? this.current(st, p.id);
      if (before?.op === 'put' && before.hash === p.hash) {
        results.push({ id: p.id, status: 'unchanged', seq: before.seq });
        continue;
      }
      const adds = st.entries.has(p.id) || pending.has(p.id) ? 0 : 1;
      if (live + adds > this.limits.maxChanges || st.index.byteLength > this.limits.maxBytes) {
        results.push({ id: p.id, status: 'rejected', code: 'live_index_full', message: capacityMessage(live, st.index.byteLength, this.limits) });
        continue;
      }
      live += adds;
      seq++;
      rows.push({ id: p.id, seq, op: 'put', doc: p.doc, hash: p.hash, postings: p.article!.postings, preparedFor: p.preparedFor, location: p.location, title: p.article!.title, category: p.doc?.category ?? null, writtenAt: this.now() });
      results.push({ id: p.id, status: before || p.location ? 'replaced' : 'created', seq });
      pending.set(p.id, { seq, op: 'put', location: p.location, hash: p.hash });
    }
    this.commit(st, rows, writes);
    return results;
  }

  /** Takes articles down, wherever they live; an id neither live nor built is `not_found`. */
  async delete(ref: BaseRef, ids: string[], prepared: PreparedWrite[] = []): Promise<WriteResult[]> {
    const { st, writes } = await this.prepared(ref, ids.map((id, i) => ({ id, doc: null, ...(prepared[i] ? { prepared: prepared[i] } : {}) })));
    const rows: LiveRow[] = [];
    const results: WriteResult[] = [];
    let seq = this.storage.lastSeq();
    let live = st.entries.size;
    const pending = new Map<string, Entry>();
    ids.forEach((id, i) => {
      const before = pending.get(id) ?? this.current(st, id);
      const location = writes[i].location;
      if (before?.op === 'delete') {
        results.push({ id, status: 'unchanged', seq: before.seq });
        return;
      }
      if (!before && !location) {
        results.push({ id, status: 'not_found' });
        return;
      }
      const adds = st.entries.has(id) || pending.has(id) ? 0 : 1;
      if (live + adds > this.limits.maxChanges) {
        results.push({ id, status: 'rejected', code: 'live_index_full', message: capacityMessage(live, st.index.byteLength, this.limits) });
        return;
      }
      live += adds;
      seq++;
      rows.push({ id, seq, op: 'delete', doc: null, hash: null, postings: null, preparedFor: ref.contentHash, location, title: null, category: null, writtenAt: this.now() });
      results.push({ id, status: 'deleted', seq });
      pending.set(id, { seq, op: 'delete', location });
    });
    this.commit(st, rows, []);
    return results;
  }

  /** The live entry of an id under the current build (a put's content hash read from storage). */
  private current(st: State, id: string): (Entry & { hash: string | null }) | null {
    const e = st.entries.get(id);
    if (!e) return null;
    return { ...e, hash: e.op === 'put' ? this.storage.getBySeq(e.seq)?.hash ?? null : null };
  }

  /** Commits rows durably, then applies them to the in-memory state (one synchronous step). */
  private commit(st: State, rows: LiveRow[], prepared: PreparedWrite[]): void {
    if (rows.length === 0) return;
    this.storage.write(rows);
    const articles = new Map(prepared.map((p) => [p.id, p.article!]));
    let suppressionChanged = false;
    for (const r of rows) {
      const old = st.entries.get(r.id);
      if (old?.op === 'put') st.index.remove(old.seq);
      st.entries.set(r.id, { seq: r.seq, op: r.op, location: r.location });
      if (r.op === 'put') st.index.add(r.seq, articles.get(r.id)!);
      if (r.location && !old?.location) suppressionChanged = true;
    }
    if (suppressionChanged) st.suppression = suppressionOf(st.entries, rows[rows.length - 1].seq);
  }

  private viewFor(st: State, knownVersion: number): LiveView {
    const v = st.suppression.version;
    return { seq: this.storage.lastSeq(), suppressionVersion: v, ...(knownVersion === v ? {} : { suppression: st.suppression }) };
  }

  /** See {@link LiveLayer.view}. */
  async view(ref: BaseRef, knownVersion: number): Promise<LiveView> {
    return this.viewFor(await this.ready(ref), knownVersion);
  }

  /** See {@link LiveLayer.search}. */
  async search(ref: BaseRef, plan: QueryPlan, opts: LiveSearchOptions, knownVersion: number): Promise<{ view: LiveView; result: ShardResult }> {
    const st = await this.ready(ref);
    return { view: this.viewFor(st, knownVersion), result: st.index.search(plan, opts) };
  }

  /** See {@link LiveLayer.hits}. */
  async hits(ref: BaseRef, slots: number[], highlight: HighlightSpec): Promise<Array<HitDocument | null>> {
    const st = await this.ready(ref);
    return slots.map((slot) => {
      if (!st.index.has(slot)) return null;
      const row = this.storage.getBySeq(slot);
      return row?.doc ? hitDocument(row.doc, highlight) : null;
    });
  }

  /** See {@link LiveLayer.suggest}. */
  async suggest(ref: BaseRef, q: string, limit: number, knownVersion: number): Promise<{ view: LiveView; suggestions: TitleSuggestion[] }> {
    const st = await this.ready(ref);
    const suggestions = st.index.suggest(q, limit).flatMap((s) => {
      const row = this.storage.getBySeq(s.slot);
      return row?.doc ? [{ id: row.id, title: s.title, score: s.score }] : [];
    });
    return { view: this.viewFor(st, knownVersion), suggestions };
  }

  /** See {@link LiveLayer.article}. */
  async article(ref: BaseRef, id: string): Promise<LiveArticle> {
    const st = await this.ready(ref);
    const seq = this.storage.lastSeq();
    const e = st.entries.get(id);
    if (!e) return { seq, state: 'absent' };
    if (e.op === 'delete') return { seq, state: 'deleted' };
    const row = this.storage.getBySeq(e.seq);
    return row?.doc ? { seq, state: 'live', article: row.doc } : { seq, state: 'absent' };
  }

  /** The change feed after `since`, at most `limit` changes, oldest first. */
  changes(since: number, limit: number): { changes: Change[]; lastSeq: number } {
    const changes = this.storage.changes(since, limit).map((r): Change => ({
      seq: r.seq, op: r.op, id: r.id, ...(r.op === 'put' && r.doc ? { article: r.doc } : {}), at: new Date(r.writtenAt).toISOString(),
    }));
    return { changes, lastSeq: this.storage.lastSeq() };
  }

  /** Diagnostics against build `ref`. */
  async stats(ref: BaseRef): Promise<LiveStats> {
    const st = await this.ready(ref);
    let deletes = 0;
    for (const e of st.entries.values()) if (e.op === 'delete') deletes++;
    return {
      seq: this.storage.lastSeq(), changes: st.entries.size, articles: st.index.documentCount, deletes,
      suppressed: st.suppression.ids.length, segments: st.index.segmentCount, merging: st.index.merging, merges: st.index.mergeCount,
      bytes: st.index.byteLength, limits: this.limits,
    };
  }

  /**
   * Forgets the changes up to `seq` for good (folded into a build that has been deployed for the
   * grace period, see the live Durable Object); returns how many rows were dropped.
   */
  dropThrough(seq: number): number {
    return this.storage.dropThrough(seq);
  }
}

function suppressionOf(entries: Map<string, Entry>, version: number): Suppression {
  const shards: Record<string, number[]> = {};
  const ids: string[] = [];
  for (const [id, e] of entries) {
    if (!e.location) continue;
    (shards[String(e.location.shard)] ??= []).push(e.location.doc);
    ids.push(id);
  }
  for (const list of Object.values(shards)) list.sort((a, b) => a - b);
  return { version, shards, ids };
}

function capacityMessage(changes: number, bytes: number, limits: LiveLimits): string {
  return `The live index is full (${changes.toLocaleString('en-US')} of ${limits.maxChanges.toLocaleString('en-US')} changes, ${(bytes / 1048576).toFixed(1)} of ${(limits.maxBytes / 1048576).toFixed(0)} MiB). Fold the changes into the built index: \`npm run build:index -- --input <corpus> --live <url> --journal <file>\`, then deploy it; writes are accepted again at once.`;
}

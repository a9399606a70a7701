/**
 * The live index's Durable Object: one per deployment. It takes every write in order into its SQLite
 * storage before acknowledging it (see {@link LiveCore}), keeps the articles written since the
 * deployed build searchable in memory, and answers the front Worker's searches over them. Changes
 * folded into a deployed build stop being served at once and are dropped after a grace period
 * (`LIVE_FOLDED_GRACE_DAYS`), so rolling back to the previous build within it loses nothing.
 * @module
 */
import { DurableObject } from 'cloudflare:workers';
import type { PreparedWrite } from '../engine/live/article-preparer.js';
import { liveBaseOf } from '../engine/live/live-base.js';
import { DEFAULT_LIVE_LIMITS, LiveCore, type Change, type LiveBase, type LiveLimits, type LiveStats, type WriteResult } from '../engine/live/live-core.js';
import type { LiveSearchOptions } from '../engine/live/live-index.js';
import type { BaseRef, LiveArticle, LiveView } from '../engine/live/live-layer.js';
import type { HitDocument } from '../engine/hit-document.js';
import type { TitleSuggestion } from '../engine/loaded-shard.js';
import type { HighlightSpec, QueryPlan, ShardResult } from '../engine/query-plan.js';
import type { StoredDocument } from '../index-format/document-store.js';
import type { Env } from './env.js';
import { IndexUnavailableError, sharedManifest } from './manifest-loader.js';
import { rpcGuard } from './rpc-errors.js';
import { shardClients } from './shard-clients.js';
import { SqliteLiveStorage } from './sqlite-live-storage.js';

const DAY_MS = 86_400_000;

/** Capacity and grace period from the Worker's variables (defaults when unset or invalid). */
export function liveSettings(env: Pick<Env, 'LIVE_MAX_CHANGES' | 'LIVE_MAX_MB' | 'LIVE_FOLDED_GRACE_DAYS'>): { limits: LiveLimits; graceMs: number } {
  const num = (v: string | undefined, fallback: number) => {
    const n = Number(v);
    return v !== undefined && v.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    limits: {
      maxChanges: Math.floor(num(env.LIVE_MAX_CHANGES, DEFAULT_LIVE_LIMITS.maxChanges)),
      maxBytes: Math.floor(num(env.LIVE_MAX_MB, DEFAULT_LIVE_LIMITS.maxBytes / 1048576) * 1048576),
    },
    graceMs: num(env.LIVE_FOLDED_GRACE_DAYS, 7) * DAY_MS,
  };
}

/** Durable Object holding the live index (see module docs). */
export class LiveIndexObject extends DurableObject<Env> {
  private readonly core: LiveCore;
  private readonly graceMs: number;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const { limits, graceMs } = liveSettings(env);
    this.graceMs = graceMs;
    this.ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS live_folds (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
    this.core = new LiveCore(new SqliteLiveStorage(ctx.storage), (ref) => this.openBase(ref), limits);
  }

  /** The deployed build a call names, with its shards (for document frequencies and locations). */
  private async openBase(ref: BaseRef): Promise<LiveBase> {
    const manifest = await sharedManifest(this.env.ASSETS);
    if (manifest.contentHash !== ref.contentHash) {
      throw new IndexUnavailableError('index_changing', `A new index is being deployed (expected ${ref.contentHash.slice(0, 12)}, found ${manifest.contentHash.slice(0, 12)}); retry in a few seconds.`);
    }
    this.noteFold(ref.liveSeq);
    return liveBaseOf(manifest, shardClients(this.env, manifest));
  }

  /** Records that a build holding changes up to `seq` is deployed, and schedules their removal. */
  private noteFold(seq: number): void {
    if (seq <= 0) return;
    const known = this.ctx.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM live_folds WHERE seq >= ?', seq).one().n;
    if (known > 0) return;
    const at = Date.now();
    this.ctx.storage.sql.exec('INSERT INTO live_folds (seq, at) VALUES (?, ?)', seq, at);
    void this.scheduleAlarm();
  }

  private async scheduleAlarm(): Promise<void> {
    const next = this.ctx.storage.sql.exec<{ at: number | null }>('SELECT MIN(at) AS at FROM live_folds').one().at;
    if (next === null) return;
    const when = Number(next) + this.graceMs;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > when) await this.ctx.storage.setAlarm(when);
  }

  /** Drops changes folded into a build deployed more than the grace period ago. */
  override async alarm(): Promise<void> {
    const due = this.ctx.storage.sql.exec<{ seq: number }>('SELECT MAX(seq) AS seq FROM live_folds WHERE at <= ?', Date.now() - this.graceMs).one().seq;
    if (due !== null) {
      const dropped = this.core.dropThrough(Number(due));
      this.ctx.storage.sql.exec('DELETE FROM live_folds WHERE seq <= ?', due);
      console.log(JSON.stringify({ level: 'info', event: 'live_folded_dropped', through_seq: due, rows: dropped }));
    }
    await this.scheduleAlarm();
  }

  /** Creates or replaces articles in order (prepared by the caller, or here). */
  put(ref: BaseRef, items: Array<{ id: string; doc: StoredDocument; prepared?: PreparedWrite }>): Promise<WriteResult[]> {
    return rpcGuard(() => this.core.put(ref, items));
  }

  /** Takes articles down. */
  delete(ref: BaseRef, ids: string[], prepared?: PreparedWrite[]): Promise<WriteResult[]> {
    return rpcGuard(() => this.core.delete(ref, ids, prepared));
  }

  /** The change feed after `since`. */
  changes(since: number, limit: number): Promise<{ changes: Change[]; lastSeq: number }> {
    return rpcGuard(() => this.core.changes(since, limit));
  }

  /** Diagnostics. */
  stats(ref: BaseRef): Promise<LiveStats> {
    return rpcGuard(() => this.core.stats(ref));
  }

  /** See {@link LiveCore.view}. */
  view(ref: BaseRef, knownVersion: number): Promise<LiveView> {
    return rpcGuard(() => this.core.view(ref, knownVersion));
  }

  /** See {@link LiveCore.search}. */
  search(ref: BaseRef, plan: QueryPlan, opts: LiveSearchOptions, knownVersion: number): Promise<{ view: LiveView; result: ShardResult }> {
    return rpcGuard(() => this.core.search(ref, plan, opts, knownVersion));
  }

  /** See {@link LiveCore.hits}. */
  hits(ref: BaseRef, slots: number[], highlight: HighlightSpec): Promise<Array<HitDocument | null>> {
    return rpcGuard(() => this.core.hits(ref, slots, highlight));
  }

  /** See {@link LiveCore.suggest}. */
  suggest(ref: BaseRef, q: string, limit: number, knownVersion: number): Promise<{ view: LiveView; suggestions: TitleSuggestion[] }> {
    return rpcGuard(() => this.core.suggest(ref, q, limit, knownVersion));
  }

  /** See {@link LiveCore.article}. */
  article(ref: BaseRef, id: string): Promise<LiveArticle> {
    return rpcGuard(() => this.core.article(ref, id));
  }
}

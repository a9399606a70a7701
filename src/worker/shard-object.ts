/**
 * A Durable Object that serves one shard: it loads the shard's artifacts on first use — from its own
 * storage when its copy holds them ({@link ShardCopy}), else from static assets — and keeps them in
 * memory for as long as the object lives. In production, objects are spread
 * over isolates and machines (Cloudflare may co-locate objects of one class in an isolate, so a shard
 * is sized to use well under a third of 128 MB: ~38 MB measured by `npm run bench:scale`); locally,
 * wrangler runs them all in one isolate.
 * @module
 */
import { DurableObject } from 'cloudflare:workers';
import { packRecords } from '../index-format/document-block.js';
import type { StoredDocument } from '../index-format/document-store.js';
import type { CopyStatus } from '../engine/artifact-store.js';
import type { HitDocument } from '../engine/hit-document.js';
import { LoadedShard, type BaseLookup, type ShardStats, type TitleSuggestion } from '../engine/loaded-shard.js';
import type { HighlightSpec, QueryPlan, SearchOptions, ShardResult } from '../engine/query-plan.js';
import type { RelatedCandidate } from '../engine/related/candidate.js';
import { assetFetcher } from './assets.js';
import type { Env } from './env.js';
import { IndexUnavailableError, sharedManifest } from './manifest-loader.js';
import { rpcGuard } from './rpc-errors.js';
import type { ShardAddress } from './shard-address.js';
import { ShardCopy } from './shard-copy.js';

/** Durable Object class holding one shard in memory. */
export class ShardObject extends DurableObject<Env> {
  private loaded: Promise<LoadedShard> | null = null;
  private loadedFor = '';
  /** The object's durable copy of its shard's files. */
  readonly copy: ShardCopy;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.copy = new ShardCopy(ctx, env);
  }

  private shard(addr: ShardAddress): Promise<LoadedShard> {
    const key = `${addr.contentHash}:${addr.shard}`;
    if (!this.loaded || this.loadedFor !== key) {
      this.loadedFor = key;
      this.loaded = (async () => {
        const manifest = await sharedManifest(this.env.ASSETS);
        if (manifest.contentHash !== addr.contentHash) {
          throw new IndexUnavailableError('index_changing', `A new index is being deployed (expected ${addr.contentHash.slice(0, 12)}, found ${manifest.contentHash.slice(0, 12)}); retry in a few seconds.`);
        }
        const shard = await LoadedShard.load(manifest, addr.shard, assetFetcher(this.env.ASSETS), { store: this.copy.store });
        this.copy.afterLoad(addr);
        return shard;
      })();
      this.loaded.catch(() => { this.loaded = null; });
    }
    return this.loaded;
  }

  /**
   * See {@link LoadedShard.search}. The records that come with the hits are views into the shard's
   * document blocks; they are packed into one buffer so that the answer carries only their bytes.
   */
  async search(addr: ShardAddress, plan: QueryPlan, opts: SearchOptions): Promise<ShardResult> {
    return rpcGuard(async () => {
      const result = await (await this.shard(addr)).search(plan, opts);
      if (result.records) result.records = packRecords(result.records);
      return result;
    });
  }

  /** See {@link LoadedShard.hits}. */
  async hits(addr: ShardAddress, docs: number[], highlight: HighlightSpec): Promise<HitDocument[]> {
    return rpcGuard(async () => (await this.shard(addr)).hits(docs, highlight));
  }

  /** See {@link LoadedShard.suggest}. */
  async suggest(addr: ShardAddress, q: string, limit: number): Promise<TitleSuggestion[]> {
    return rpcGuard(async () => (await this.shard(addr)).suggest(q, limit));
  }

  /** See {@link LoadedShard.article}. */
  async article(addr: ShardAddress, id: string): Promise<StoredDocument | null> {
    return rpcGuard(async () => (await this.shard(addr)).article(id));
  }

  /** See {@link LoadedShard.lookup}. */
  async lookup(addr: ShardAddress, keys: string[], ids: string[]): Promise<BaseLookup> {
    return rpcGuard(async () => (await this.shard(addr)).lookup(keys, ids));
  }

  /** See {@link LoadedShard.relatedCandidates}. */
  async relatedCandidates(addr: ShardAddress, docs: number[]): Promise<RelatedCandidate[]> {
    return rpcGuard(async () => (await this.shard(addr)).relatedCandidates(docs));
  }

  /** See {@link LoadedShard.prefetch}. */
  async prefetch(addr: ShardAddress, forms: string[]): Promise<void> {
    return rpcGuard(async () => (await this.shard(addr)).prefetch(forms));
  }

  /** Memory and cache diagnostics. */
  async stats(addr: ShardAddress): Promise<ShardStats> {
    return rpcGuard(async () => (await this.shard(addr)).stats());
  }

  /** Loads the shard (verifying what it reads) and tells how far its copy in storage is (`/health`). */
  async copyStatus(addr: ShardAddress): Promise<CopyStatus> {
    return rpcGuard(async () => this.copy.status(await this.shard(addr)));
  }

  /** Alarm: one step of the copy ({@link ShardCopy.alarm}). */
  override async alarm(): Promise<void> {
    await this.copy.alarm((addr) => this.shard(addr));
  }
}

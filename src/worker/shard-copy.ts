/**
 * A shard object's durable copy of its own files. A Durable Object is evicted after some idle time and
 * its memory is lost, but its SQLite storage stays with it: once the shard's head and blocks are
 * copied there, a restarted object reads them locally instead of fetching static assets again, so a
 * quiet site's first reader after an eviction does not pay the fetches (measured in
 * docs/scaling.md, "A shard's own copy of its files").
 *
 * The copy runs off the query path: {@link COPY_DELAY_MS} after the shard first loads, then in alarm
 * runs of about {@link COPY_BYTES_PER_RUN} (each file fetched and verified against its SHA-256
 * before it is stored), {@link COPY_PAUSE_MS} apart, until every file is there. Then an alarm every {@link RECHECK_MS} checks that the object's
 * build is still the deployed one; once it is not (objects are named per build), the object deletes
 * its storage, so old builds cost nothing. `SHARD_COPY = "off"` stops copying and deletes a copy at
 * its next alarm.
 * @module
 */
import { copyMissing, type CopyProgress, type CopyStatus } from '../engine/artifact-store.js';
import type { LoadedShard } from '../engine/loaded-shard.js';
import { assetFetcher } from './assets.js';
import type { Env } from './env.js';
import { sharedManifest } from './manifest-loader.js';
import type { ShardAddress } from './shard-address.js';
import { SqliteArtifactStore } from './sqlite-artifact-store.js';

/** Milliseconds after a shard loads before it starts copying (its first queries' reads go first). */
export const COPY_DELAY_MS = 10_000;
/**
 * Bytes copied per alarm run (at least one file): fetching, hashing and writing ~1 MiB takes the
 * object a few milliseconds, so a search arriving meanwhile waits at most that long.
 */
export const COPY_BYTES_PER_RUN = 1024 * 1024;
/** Milliseconds between alarm runs while files are missing (≤ ~2 MiB/s per object: a 29 MB shard in ~15 s). */
export const COPY_PAUSE_MS = 500;
/** Once the copy is complete (or failed): how often the object checks that its build is still deployed. */
export const RECHECK_MS = 24 * 3_600_000;

/** Storage key of the build and shard the copy is for. */
const ADDRESS_KEY = 'copy-address';

/** Keeps a shard object's copy of its files: scheduling, alarm runs, deletion once the build is gone. */
export class ShardCopy {
  /** The store searches read from (one instance for the object's life: loaded shards keep it). */
  readonly store: SqliteArtifactStore;
  private scheduled = false;
  /**
   * Per loaded shard, where the next alarm run continues in its file list (`CopyProgress.next`): the
   * files before it are stored, so each run asks the store only about the files it copies. Kept in
   * memory; a restarted object (or a shard loaded again) starts from 0.
   */
  private resumeAt = new WeakMap<LoadedShard, number>();
  /** Distinct files of each loaded shard (a shard's file list does not change; `/health` asks often). */
  private readonly distinctFiles = new WeakMap<LoadedShard, number>();

  /**
   * @param bytesPerRun bytes an alarm run copies (at least one file); default {@link COPY_BYTES_PER_RUN}
   */
  constructor(private readonly ctx: DurableObjectState, private readonly env: Env, private readonly bytesPerRun = COPY_BYTES_PER_RUN) {
    this.store = new SqliteArtifactStore(ctx.storage.sql);
  }

  private get enabled(): boolean {
    return this.env.SHARD_COPY !== 'off';
  }

  /**
   * Called when the shard for `addr` has loaded: unless the copy is off, records the address and
   * schedules the first alarm run {@link COPY_DELAY_MS} later, once per object life. A timer rather than
   * an alarm, so that no storage write (which holds back the object's responses until it is durable)
   * happens while the first queries are answered.
   */
  afterLoad(addr: ShardAddress): void {
    if (this.scheduled || !this.enabled) return;
    this.scheduled = true;
    setTimeout(() => { this.start(addr).catch(() => { this.scheduled = false; }); }, COPY_DELAY_MS);
  }

  /** Records `addr` and sets the alarm now unless one is set. */
  async start(addr: ShardAddress): Promise<void> {
    const known = await this.ctx.storage.get<ShardAddress>(ADDRESS_KEY);
    if (!known || known.contentHash !== addr.contentHash || known.shard !== addr.shard) await this.ctx.storage.put(ADDRESS_KEY, addr);
    if (await this.ctx.storage.getAlarm() === null) await this.ctx.storage.setAlarm(Date.now());
  }

  /**
   * One alarm run: deletes the copy if its build is no longer deployed or copying is off; otherwise
   * copies about {@link COPY_BYTES_PER_RUN} of missing files and sets the next run. Returns what it copied (null
   * when there was nothing to do or it deleted the copy).
   */
  async alarm(load: (addr: ShardAddress) => Promise<LoadedShard>): Promise<CopyProgress | null> {
    const addr = await this.ctx.storage.get<ShardAddress>(ADDRESS_KEY);
    if (!addr) return null;
    let deployed: string;
    try {
      deployed = (await sharedManifest(this.env.ASSETS)).contentHash;
    } catch {
      await this.ctx.storage.setAlarm(Date.now() + RECHECK_MS);
      return null;
    }
    if (deployed !== addr.contentHash || !this.enabled) {
      await this.ctx.storage.deleteAlarm();
      await this.ctx.storage.deleteAll();
      this.store.forget(); // a shard still in memory then reads from static assets again
      this.resumeAt = new WeakMap();
      return null;
    }
    try {
      const shard = await load(addr);
      const files = shard.files();
      const progress = await copyMissing(files, assetFetcher(this.env.ASSETS), this.store, this.bytesPerRun, this.resumeAt.get(shard) ?? 0);
      this.resumeAt.set(shard, progress.next);
      await this.ctx.storage.setAlarm(Date.now() + (progress.next < files.length ? COPY_PAUSE_MS : RECHECK_MS));
      return progress;
    } catch {
      // A file that does not verify is never stored; searches report it. Try again at the next check.
      await this.ctx.storage.setAlarm(Date.now() + RECHECK_MS);
      return null;
    }
  }

  /** Files stored out of the shard's files. */
  status(shard: LoadedShard): CopyStatus {
    const s = this.store.stats();
    let of = this.distinctFiles.get(shard);
    if (of === undefined) this.distinctFiles.set(shard, (of = new Set(shard.files().flatMap((u) => (u.parts ?? [u.file]).map((f) => f.sha256))).size));
    return { files: s.files, of, bytes: s.bytes };
  }
}

import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ArtifactError } from '../../src/engine/artifact.js';
import { LoadedShard } from '../../src/engine/loaded-shard.js';
import type { IndexManifest } from '../../src/index-format/manifest.js';
import { assetFetcher } from '../../src/worker/assets.js';
import { loadManifest } from '../../src/worker/manifest-loader.js';
import { RECHECK_MS, ShardCopy } from '../../src/worker/shard-copy.js';
import { CHUNK_BYTES, SqliteArtifactStore } from '../../src/worker/sqlite-artifact-store.js';
import { deployedPlan } from '../support/deployed-plan.js';

/** A shard object of its own (named apart from the ones searches use), for shard 0 of the deployed build. */
const stub = (name: string) => env.SHARDS.get(env.SHARDS.idFromName(`copy-test:${name}`));

/** A file entry whose name and SHA-256 are both `key` (the store looks files up by SHA-256). */
const named = (key: string) => ({ file: key, bytes: 0, sha256: key });

/** Runs the object's alarm until its copy is complete (or 200 runs; the runtime may also run a due alarm itself). */
async function copyAll(s: ReturnType<typeof stub>, manifest: IndexManifest) {
  const addr = { contentHash: manifest.contentHash, shard: 0 };
  await runInDurableObject(s, (obj) => obj.copy.start(addr));
  for (let i = 0; i < 200; i++) {
    const st = await s.copyStatus(addr);
    if (st.files === st.of) return st;
    if (!await runDurableObjectAlarm(s)) await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the copy did not complete in 200 alarm runs');
}

describe("a shard object's copy of its files in its own storage", () => {
  it('copies every file of its shard in alarm runs, then checks once a day', async () => {
    const manifest = await loadManifest(env.ASSETS);
    const s = stub('complete');
    const addr = { contentHash: manifest.contentHash, shard: 0 };
    const before = await s.copyStatus(addr);
    expect(before.files).toBe(0); // nothing is copied while the first queries are answered
    const st = await copyAll(s, manifest);
    expect(st.files).toBe(st.of);
    expect(st.bytes).toBeGreaterThan(manifest.shards[0].head.bytes);
    const alarm = await runInDurableObject(s, (_obj, state) => state.storage.getAlarm());
    expect(alarm! - Date.now()).toBeGreaterThan(RECHECK_MS - 60_000);
  });

  it('one file per alarm run: each run continues where the last stopped, asking the store about each file about once', async () => {
    const manifest = await loadManifest(env.ASSETS);
    const addr = { contentHash: manifest.contentHash, shard: 0 };
    const out = await runInDurableObject(stub('one-per-run'), async (_obj, state) => {
      const copy = new ShardCopy(state, env, 1);
      await copy.start(addr);
      let lookups = 0;
      const has = copy.store.has.bind(copy.store);
      copy.store.has = (file) => { lookups++; return has(file); };
      const shard = await LoadedShard.load(manifest, 0, assetFetcher(env.ASSETS), { store: copy.store });
      const runs: number[] = [];
      for (let i = 0; i < 50; i++) {
        const p = await copy.alarm(async () => shard);
        if (!p) break;
        runs.push(p.copied);
        if (p.next === shard.files().length) break;
      }
      // `/health` asks every shard for its status: the shard's file list is walked once, not per call.
      let listed = 0;
      const files = shard.files.bind(shard);
      shard.files = () => { listed++; return files(); };
      const status = copy.status(shard);
      for (let i = 0; i < 3; i++) expect(copy.status(shard)).toEqual(status);
      const units = files();
      return { runs, lookups, status, files: units.length, entries: units.reduce((n, u) => n + (u.parts?.length ?? 1), 0), listed };
    });
    expect(out.listed).toBeLessThanOrEqual(1);
    expect(out.status.files).toBe(out.status.of);
    // The 3-shard index packs a shard's blocks into files of ~64 KiB, stored block by block (more
    // entries than files); the single-shard one has one block per file.
    expect(out.entries).toBeGreaterThanOrEqual(out.files);
    expect(out.status.of).toBe(out.entries);
    expect(out.runs.length).toBe(out.files); // a 1-byte budget: one file per run
    expect(out.runs.every((n) => n === 1)).toBe(true);
    // Each run asks about the entries of the file it copies and of the next one (where it stops);
    // starting every run from the first file would ask about 1 + 2 + … + n of them.
    expect(out.lookups).toBeLessThanOrEqual(2 * out.entries);
  });

  it('a restarted object answers from its copy without fetching anything, the same as from the assets', async () => {
    const { manifest, plan } = await deployedPlan('hà nội');
    const s = stub('restart');
    await copyAll(s, manifest);
    const fetchArtifact = assetFetcher(env.ASSETS);
    const opts = { topK: 5, sort: 'relevance' as const, facets: [], records: 5 };
    const fromAssets = await (await LoadedShard.load(manifest, 0, assetFetcher(env.ASSETS))).search(plan, opts);
    const fromCopy = await runInDurableObject(s, async (obj) => {
      const nothing = async (file: string): Promise<ArrayBuffer> => { throw new ArtifactError(`fetched ${file}`); };
      const shard = await LoadedShard.load(manifest, 0, nothing, { store: obj.copy.store });
      return shard.search(plan, opts);
    });
    expect(fromAssets.total).toBeGreaterThan(0);
    expect(fromCopy).toEqual(fromAssets);
  });

  it('deletes its copy at the next check once its build is no longer the deployed one', async () => {
    const manifest = await loadManifest(env.ASSETS);
    const s = stub('old-build');
    await copyAll(s, manifest);
    // The object holds a copy for a build that has since been replaced.
    await runInDurableObject(s, (_obj, state) => state.storage.put('copy-address', { contentHash: 'f'.repeat(64), shard: 0 }));
    expect(await runDurableObjectAlarm(s)).toBe(true);
    const left = await runInDurableObject(s, async (obj, state) => ({ stored: obj.copy.store.stats(), keys: (await state.storage.list()).size, alarm: await state.storage.getAlarm() }));
    expect(left).toEqual({ stored: { files: 0, bytes: 0 }, keys: 0, alarm: null });
  });

  it('with SHARD_COPY = "off", the next alarm deletes an existing copy and copies nothing more', async () => {
    const manifest = await loadManifest(env.ASSETS);
    const s = stub('switched-off');
    await copyAll(s, manifest);
    const left = await runInDurableObject(s, async (_obj, state) => {
      const off = new ShardCopy(state, { ...env, SHARD_COPY: 'off' });
      const shard = await LoadedShard.load(manifest, 0, assetFetcher(env.ASSETS), { store: off.store });
      const progress = await off.alarm(() => { throw new Error('an object with copying off loaded its shard to copy it'); });
      // A shard loaded before the deletion keeps working: it reads from static assets again.
      const article = await shard.article(shard.head.idOf(0));
      return { progress, stored: off.store.stats(), keys: (await state.storage.list()).size, alarm: await state.storage.getAlarm(), article: article?.id };
    });
    expect(left.article).toBeTruthy();
    expect(left).toEqual({ progress: null, stored: { files: 0, bytes: 0 }, keys: 0, alarm: null, article: left.article });
  });

  it('stores a file larger than one SQLite value in chunks, and never reads a file whose copy was cut short', async () => {
    const out = await runInDurableObject(stub('chunks'), (_obj, state) => {
      const store = new SqliteArtifactStore(state.storage.sql);
      const empty = { get: store.get(named('a')), has: store.has(named('a')), stats: store.stats() };
      const big = new Uint8Array(2 * CHUNK_BYTES + 12_345);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 11)) & 0xff;
      store.put(named('big'), big.buffer);
      const back = new Uint8Array(store.get(named('big'))!);
      const chunks = state.storage.sql.exec("SELECT COUNT(*) AS n FROM artifact_chunks WHERE sha256 = 'big'").one().n;
      // A copy interrupted after its chunks, before its row in `artifacts`, does not exist.
      state.storage.sql.exec("INSERT INTO artifact_chunks (sha256, part, bytes) VALUES ('cut', 0, ?)", new Uint8Array([1, 2, 3]).buffer);
      return { empty, same: back.length === big.length && back.every((b, i) => b === big[i]), chunks, cut: [store.get(named('cut')), store.has(named('cut'))], stats: store.stats() };
    });
    expect(out.empty).toEqual({ get: null, has: false, stats: { files: 0, bytes: 0 } });
    expect(out.same).toBe(true);
    expect(out.chunks).toBe(3);
    expect(out.cut).toEqual([null, false]);
    expect(out.stats).toEqual({ files: 1, bytes: 2 * CHUNK_BYTES + 12_345 });
  });
});

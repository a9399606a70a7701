import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from './build-index.js';

let tmp: string;
beforeAll(async () => { tmp = await mkdtemp(path.join(os.tmpdir(), 'vn-search-determinism-')); });
afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });

/** Every file under `dir` (relative path → bytes). */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, abs), await readFile(abs));
  }
  return out;
}

describe('build determinism', () => {
  for (const shards of [1, 3]) {
    it(`building data/ twice into two folders (${shards} shard(s)) gives byte-identical files`, async () => {
      const [a, b] = [path.join(tmp, `a${shards}`), path.join(tmp, `b${shards}`)];
      await buildIndex({ input: 'data', outDir: a, shards, sourceLabel: 'data' });
      await buildIndex({ input: 'data', outDir: b, shards, sourceLabel: 'data' });
      const [sa, sb] = [await snapshot(a), await snapshot(b)];
      expect([...sa.keys()].sort()).toEqual([...sb.keys()].sort());
      expect(sa.size).toBeGreaterThanOrEqual(2 + 3 * shards);
      for (const [file, bytes] of sa) expect(bytes.equals(sb.get(file)!), file).toBe(true);
    });
  }

  it('analyzing on 3 threads gives the same files as on 1', async () => {
    const [one, three] = [path.join(tmp, 't1'), path.join(tmp, 't3')];
    await buildIndex({ input: 'data', outDir: one, shards: 3, sourceLabel: 'data', threads: 1 });
    const report = await buildIndex({ input: 'data', outDir: three, shards: 3, sourceLabel: 'data', threads: 3, minArticlesPerThread: 5 });
    expect(report.analysisThreads).toBe(3);
    const [s1, s3] = [await snapshot(one), await snapshot(three)];
    expect([...s3.keys()].sort()).toEqual([...s1.keys()].sort());
    for (const [file, bytes] of s1) expect(bytes.equals(s3.get(file)!), file).toBe(true);
  });
});

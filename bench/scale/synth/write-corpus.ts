/**
 * Writes the synthetic archive as a folder of JSON Lines files the index build reads (parts of
 * {@link ARTICLES_PER_PART} articles in chronological order: one file of a 10× archive would be
 * longer than the longest string a JavaScript engine can decode), cached under `bench/.cache/scale/`
 * by the generator's code, the source listing and the count (a cached folder is reused as long as
 * none of them changed).
 * @module
 */
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { hashFileList, listBaomoi, loadBaomoi } from '../../lib/baomoi.js';
import { hashCodeTrees, shortHash } from '../../lib/cache.js';
import { DEFAULT_GENERATOR, generateCorpus } from './generate.js';

/** Articles per JSON Lines part. */
export const ARTICLES_PER_PART = 25_000;

/** What {@link ensureSyntheticCorpus} produced or found. */
export interface SyntheticCorpusFile {
  /** The corpus folder (pass it to the build as `--input`). */
  dir: string;
  count: number;
  bytes: number;
  /** False when the file came from the cache. */
  generated: boolean;
  /** Wall time of the generation (0 when cached). */
  ms: number;
}

/**
 * The synthetic archive of `count` articles derived from the baomoi folder, generating it when it is
 * not cached.
 * @param root project root
 * @param sourceDir the baomoi-35k folder
 * @param count number of articles
 * @param log progress output
 */
export async function ensureSyntheticCorpus(root: string, sourceDir: string, count: number, log: (s: string) => void = () => {}): Promise<SyntheticCorpusFile> {
  const listing = listBaomoi(sourceDir);
  const key = shortHash(hashFileList(listing), hashCodeTrees(root, ['bench/scale/synth', 'bench/lib']), String(count), String(DEFAULT_GENERATOR.seed));
  const dir = path.join(root, 'bench/.cache/scale');
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `corpus-${count}-${key}`);
  const bytesOf = (d: string) => readdirSync(d).reduce((a, f) => a + statSync(path.join(d, f)).size, 0);
  if (existsSync(target)) return { dir: target, count, bytes: bytesOf(target), generated: false, ms: 0 };
  // Older generations of this size are stale: remove them (they are large).
  for (const f of readdirSync(dir)) if (f.startsWith(`corpus-${count}-`)) rmSync(path.join(dir, f), { recursive: true, force: true });
  const started = performance.now();
  log(`  generating ${count.toLocaleString('en-US')} synthetic articles from ${listing.length.toLocaleString('en-US')} baomoi articles → ${path.relative(root, target)}/`);
  const sources = loadBaomoi(sourceDir, listing);
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  let out: WriteStream | null = null;
  const close = async () => { if (out) { out.end(); await once(out, 'finish'); out = null; } };
  let n = 0;
  for (const a of generateCorpus(sources, { count })) {
    if (n % ARTICLES_PER_PART === 0) {
      await close();
      out = createWriteStream(path.join(tmp, `part-${String(n / ARTICLES_PER_PART).padStart(3, '0')}.jsonl`));
    }
    if (!out!.write(JSON.stringify(a) + '\n')) await once(out!, 'drain');
    if (++n % 50_000 === 0) log(`    ${n.toLocaleString('en-US')} articles (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await close();
  renameSync(tmp, target);
  return { dir: target, count, bytes: bytesOf(target), generated: true, ms: performance.now() - started };
}

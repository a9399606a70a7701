/**
 * The live benchmark's split of baomoi-35k: a fixed, seeded sample of articles written through the
 * API, and a folder of links to the others from which the base index is built (the shared corpus is
 * never copied).
 * @module
 */
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { CorpusFile } from '../lib/baomoi.js';
import { mulberry32, sampleIndices } from '../lib/prng.js';

/** The two parts of the corpus. */
export interface LiveSplit {
  /** Files of the articles written live (sorted by name). */
  live: CorpusFile[];
  /** Files of the base build (sorted by name). */
  base: CorpusFile[];
}

/** Splits the listing: `liveCount` articles chosen with `seed`, the rest for the base. */
export function splitCorpus(files: readonly CorpusFile[], liveCount: number, seed = 11): LiveSplit {
  const chosen = new Set(sampleIndices(mulberry32(seed), files.length, Math.min(liveCount, files.length)));
  return { live: files.filter((_f, i) => chosen.has(i)), base: files.filter((_f, i) => !chosen.has(i)) };
}

/** A folder of symbolic links to `files` in `corpusDir` (made once; `dir` is the cache path). */
export function linkFolder(corpusDir: string, files: readonly CorpusFile[], dir: string): string {
  if (existsSync(dir)) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const f of files) symlinkSync(path.join(corpusDir, f.name), path.join(tmp, f.name));
  renameSync(tmp, dir);
  return dir;
}

/**
 * Our engine, as the benchmark runs it: built with the production build step (`buildIndex`), opened
 * with `openIndex` (the same query planning, sharding and merging the Worker runs), cached under
 * `bench/.cache/relevance/` keyed by the input data and the code of `src/` and `index-build/`.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIndex } from '../../index-build/build-index.js';
import { openIndex } from '../../index-build/open-index.js';
import type { SearchService } from '../../src/engine/search-service.js';
import { hashCodeTrees, pruneStale, shortHash } from '../lib/cache.js';

/** A built (or cached) index. */
export interface PreparedIndex {
  /** The `index/` folder to open. */
  indexDir: string;
  /** True when it was built in this run (false: taken from the cache). */
  built: boolean;
  /** Build time in ms (0 when cached). */
  buildMs: number;
  /** Articles the build indexed and skipped. */
  articlesIndexed: number;
  skipped: number;
}

/** Options of {@link prepareOurIndex}. */
export interface PrepareOptions {
  projectRoot: string;
  /** Cache folder (`bench/.cache/relevance`). */
  cacheRoot: string;
  /** Artifact name, e.g. 'baomoi' (stale `<name>-*` folders are removed). */
  name: string;
  /** Hash of the input data (file list + sizes, or file contents). */
  inputHash: string;
  /** Returns the build input (corpus folder or JSONL file) and a clean-up to run after the build. */
  input: () => Promise<{ path: string; cleanup?: () => void }>;
  /** Ignore the cache. */
  rebuild: boolean;
  /** Progress lines go here. */
  log: (line: string) => void;
  /**
   * Code folders whose content keys the cache (default: all of `src/` and `index-build/`). A
   * benchmark of query-time code can narrow it to what the build runs, so tuning does not rebuild.
   */
  codeDirs?: readonly string[];
}

let codeHashMemo: string | null = null;

/** Hash of the code that builds and reads the index (`src/`, `index-build/`, minus tests/docs). */
export function ourCodeHash(projectRoot: string): string {
  codeHashMemo ??= hashCodeTrees(projectRoot, ['src', 'index-build']);
  return codeHashMemo;
}

const MARKER = 'bench-build.json';
/** Cached builds of other code versions are removed once untouched this long (another run may be using them). */
const STALE_AFTER_MS = 30 * 60_000;

/**
 * Returns a built index for the input, building it (and replacing stale cached builds) when the
 * cache has none for this input and code.
 * @param o what to build and where
 */
export async function prepareOurIndex(o: PrepareOptions): Promise<PreparedIndex> {
  const codeHash = o.codeDirs ? hashCodeTrees(o.projectRoot, o.codeDirs) : ourCodeHash(o.projectRoot);
  const key = `${o.name}-${shortHash(o.inputHash, codeHash)}`;
  const finalDir = path.join(o.cacheRoot, key);
  const marker = path.join(finalDir, MARKER);
  const indexDir = path.join(finalDir, 'index');
  if (!o.rebuild && existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as { articlesIndexed: number; skipped: number };
    const now = new Date();
    utimesSync(finalDir, now, now); // "in use": concurrent runs prune only folders untouched for a while
    o.log(`  ours: using cached index ${path.relative(o.projectRoot, finalDir)}`);
    return { indexDir, built: false, buildMs: 0, articlesIndexed: m.articlesIndexed, skipped: m.skipped };
  }
  // Build into a private folder, then move it into place: concurrent runs never see a half-built index.
  mkdirSync(o.cacheRoot, { recursive: true });
  const tmpDir = path.join(o.cacheRoot, `.tmp-${key}-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  const input = await o.input();
  o.log(`  ours: building index of ${o.name} into ${path.relative(o.projectRoot, finalDir)} …`);
  const t0 = performance.now();
  try {
    const report = await buildIndex({ input: input.path, outDir: tmpDir, sourceLabel: o.name });
    const buildMs = performance.now() - t0;
    const info = { articlesIndexed: report.articlesIndexed, skipped: report.skipped.length, buildMs: Math.round(buildMs) };
    writeFileSync(path.join(tmpDir, MARKER), `${JSON.stringify(info, null, 2)}\n`);
    if (o.rebuild) rmSync(finalDir, { recursive: true, force: true });
    try {
      renameSync(tmpDir, finalDir);
    } catch {
      // Another run finished the same build first: use theirs (identical: builds are deterministic).
      rmSync(tmpDir, { recursive: true, force: true });
    }
    pruneStale(o.cacheRoot, o.name, key, STALE_AFTER_MS);
    o.log(`  ours: built in ${(buildMs / 1000).toFixed(1)} s (${report.articlesIndexed} articles, ${report.skipped.length} skipped)`);
    return { indexDir, built: true, buildMs, articlesIndexed: report.articlesIndexed, skipped: report.skipped.length };
  } catch (e) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw e;
  } finally {
    input.cleanup?.();
  }
}

/** Our engine behind the same `search(q, k) → ids` shape as the baselines. */
export class OurEngine {
  readonly name = 'ours';
  private constructor(readonly svc: SearchService, readonly corpusSize: number) {}

  /**
   * Opens a built index.
   * @param indexDir the `index/` folder
   */
  static async open(indexDir: string): Promise<OurEngine> {
    const svc = await openIndex(indexDir);
    return new OurEngine(svc, svc.manifest.documentCount);
  }

  /**
   * Ids of the top `k` hits (relevance order, whole-query mode: `prefixLast: false`).
   * @param q query text
   * @param k how many
   */
  async search(q: string, k: number): Promise<string[]> {
    return (await this.searchInterpreted(q, k)).ids;
  }

  /**
   * Like {@link search}, plus the accented reading the engine searched for (`interpretedAs`, null
   * when it restored nothing).
   */
  async searchInterpreted(q: string, k: number): Promise<{ ids: string[]; interpretedAs: string | null }> {
    const r = await this.svc.search({ q, limit: k, offset: 0, sort: 'relevance', facets: [], prefixLast: false });
    return { ids: r.hits.map((h) => h.id), interpretedAs: r.interpretedAs ?? null };
  }
}

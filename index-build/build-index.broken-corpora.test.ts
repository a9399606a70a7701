import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBrokenCorpus, type BrokenCorpusExpectations } from '../test/fixtures/broken-corpus.fixture.js';
import { buildIndex, type BuildReport } from './build-index.js';
import { openIndex } from './open-index.js';
import { formatReport } from './report.js';
import { StrictBuildError } from './strict.js';

const run = promisify(execFile);
/** Runs the build CLI as `npm run build:index` does; resolves with the exit code and output. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'index-build/cli.ts', ...args], { maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

let tmp: string;
let corpus: string;
let expected: BrokenCorpusExpectations;
let report: BuildReport;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'vn-search-broken-'));
  corpus = path.join(tmp, 'corpus');
  await mkdir(corpus);
  expected = await writeBrokenCorpus(corpus);
  report = await buildIndex({ input: corpus, outDir: path.join(tmp, 'out') });
});
afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });

describe('building a corpus of broken files', () => {
  it('skips exactly the bad files and records, each with its reason', () => {
    expect(Object.fromEntries(report.skipped.map((s) => [s.source, s.reason]))).toEqual(expected.skipped);
    expect(report.skipped).toHaveLength(Object.keys(expected.skipped).length);
    for (const s of report.skipped) expect(s.detail.length, s.source).toBeGreaterThan(20);
  });

  it('indexes every readable article, and only those', () => {
    expect(report.articlesIndexed).toBe(Object.keys(expected.indexed).length);
    expect(report.manifest.documentCount).toBe(report.articlesIndexed);
  });

  it('notes UTF-16 decoding and the truncated 10 MB article', () => {
    for (const source of expected.noted) expect(report.notes.map((n) => n.source), source).toContain(source);
    expect(report.notes.find((n) => n.source === 'big.txt')?.detail).toMatch(/truncated/);
  });

  it('finds each readable article (CRLF, NFD, UTF-16, JSONL, 10 MB, in a folder named *.txt)', async () => {
    const svc = await openIndex(report.indexDir);
    for (const [id, q] of Object.entries(expected.indexed)) {
      const r = await svc.search({ q, limit: 3, offset: 0, sort: 'relevance', facets: [], prefixLast: false });
      expect(r.hits.map((h) => h.id), `${q} → ${id}`).toContain(id);
    }
  });

  it('prints one clear report line per skipped file: the file, the reason and the fix', () => {
    const lines = formatReport(report).split('\n').filter((l) => l.includes('SKIPPED'));
    expect(lines).toHaveLength(report.skipped.length);
    for (const [source, reason] of Object.entries(expected.skipped)) {
      const line = lines.find((l) => l.includes(` ${source}: `));
      expect(line, source).toBeDefined();
      expect(line).toContain(reason);
    }
  });
});

describe('the build CLI on a broken corpus', () => {
  it('prints the report with every skip and exits 0 without --strict', async () => {
    const out = path.join(tmp, 'cli-out');
    const r = await cli('--input', corpus, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    for (const source of Object.keys(expected.skipped)) expect(r.stdout).toContain(`SKIPPED ${source}: `);
    expect(r.stdout).toMatch(new RegExp(`articles indexed:\\s+${Object.keys(expected.indexed).length}\\b`));
  });

  it('with --strict exits 1, lists the skips and leaves the existing index untouched', async () => {
    const out = path.join(tmp, 'cli-out');
    const before = await readFile(path.join(out, 'index', 'manifest.json'), 'utf8');
    const r = await cli('--input', corpus, '--out', path.join(tmp, 'strict-fresh'), '--strict');
    expect(r.code).toBe(1);
    const again = await cli('--input', path.join(corpus, 'articles.jsonl'), '--out', out, '--strict');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/--strict: 3 file\(s\)\/article\(s\) were skipped/);
    expect(again.stderr).toMatch(/SKIPPED articles\.jsonl:2: unparseable/);
    expect(again.stderr).toMatch(/not replaced/);
    expect(await readFile(path.join(out, 'index', 'manifest.json'), 'utf8')).toBe(before);
    for (const source of Object.keys(expected.skipped)) expect(r.stderr).toContain(`SKIPPED ${source}: `);
    await expect(readFile(path.join(tmp, 'strict-fresh', 'index', 'manifest.json'))).rejects.toThrow();
  });

  it('buildIndex({ strict }) throws StrictBuildError listing the skips before writing anything', async () => {
    const out = path.join(tmp, 'strict-api');
    const err = await buildIndex({ input: corpus, outDir: out, strict: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StrictBuildError);
    expect((err as StrictBuildError).skipped.map((s) => s.source)).toEqual(Object.keys(expected.skipped).sort());
    await expect(readFile(path.join(out, 'index', 'manifest.json'))).rejects.toThrow();
  });

  it('with --strict succeeds on a clean corpus', async () => {
    const r = await cli('--input', 'data', '--out', path.join(tmp, 'strict-clean'), '--strict');
    expect(r.code, r.stderr).toBe(0);
  });
});

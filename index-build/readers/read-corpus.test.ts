import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SkipReason } from './article.js';
import { readCorpus } from './read-corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '../../test/fixtures/readers');
const dantriPath = path.resolve(here, '../../../shared/corpora/dantri-200.jsonl');
const haveDantri = existsSync(dantriPath);
if (!haveDantri) console.warn(`[read-corpus.test] ${dantriPath} not found: skipping the dantri-200 test`);
const isRoot = process.getuid?.() === 0;
if (isRoot) console.warn('[read-corpus.test] running as root, where chmod 000 does not block reads: skipping the chmod test (a broken symlink covers "unreadable")');

function countByReason(skipped: { reason: SkipReason }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of skipped) out[s.reason] = (out[s.reason] ?? 0) + 1;
  return out;
}

describe('readCorpus on the committed fixture directory', () => {
  it('reads .txt (both formats) and .jsonl, ignores README.md, reports the rest', async () => {
    const r = await readCorpus(path.join(fixtures, 'corpus'));
    expect(r.articles.map((a) => [a.id, a.source])).toEqual([
      ['ha-noi-duong-sat', '2012/ha-noi-duong-sat.txt'],
      ['gia-vang', 'gia-vang.txt'],
      ['bong-da-01', 'more.jsonl:1'],
    ]);
    expect(r.articles[0]).toMatchObject({ date: '2012-03-15T14:30', kicker: 'Thời sự trong nước', author: 'MINH HÀ', agency: 'TTXVN' });
    expect(r.articles[1]).toMatchObject({ title: 'Giá vàng tăng mạnh trong phiên sáng nay', lead: expect.stringMatching(/^Giá vàng SJC/) });
    expect(r.articles[2]).toMatchObject({ date: '2018-12-06', category: 'the-thao' });
    expect(r.skipped.map((s) => [s.source, s.reason])).toEqual([
      ['khong-tieu-de.txt', 'no-title'],
      ['more.jsonl:2', 'duplicate-id'],
      ['more.jsonl:3', 'unparseable'],
      ['scan.pdf', 'unsupported-file'],
    ]);
    expect(r.skipped[1].detail).toMatch(/^id "gia-vang" is already used by gia-vang\.txt, which was kept/);
    expect(r.skipped[3].detail).toMatch(/only \.txt, \.jsonl and \.ndjson/);
    expect(r.notes).toEqual([]);
    expect(r.filesRead).toBe(4);
  });

  it('reads a single .jsonl file, reporting duplicate ids inside it', async () => {
    const r = await readCorpus(path.join(fixtures, 'articles.jsonl'));
    expect(r.articles.map((a) => a.source)).toEqual(['articles.jsonl:1', 'articles.jsonl:2', 'articles.jsonl:7']);
    expect(r.skipped.map((s) => [s.source, s.reason])).toEqual([
      ['articles.jsonl:4', 'unparseable'],
      ['articles.jsonl:5', 'duplicate-id'],
      ['articles.jsonl:6', 'no-title'],
      ['articles.jsonl:8', 'unparseable'],
      ['articles.jsonl:9', 'unparseable'],
    ]);
    expect(r.skipped[1].detail).toMatch(/already used by articles\.jsonl:1/);
    expect(r.notes.map((n) => n.source)).toEqual(['articles.jsonl:7']);
    expect(r.filesRead).toBe(1);
  });

  it('reads a single .txt file, id from its name', async () => {
    const r = await readCorpus(path.join(fixtures, 'seed-small.txt'));
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({ id: 'seed-small', source: 'seed-small.txt', title: 'Hà Nội khởi công tuyến đường sắt đô thị mới' });
  });

  it('reports an unsupported single file and rejects a missing input', async () => {
    const r = await readCorpus(path.join(fixtures, 'corpus/scan.pdf'));
    expect(r.skipped).toEqual([{ source: 'scan.pdf', reason: 'unsupported-file', detail: expect.any(String) }]);
    expect(r.filesRead).toBe(0);
    await expect(readCorpus(path.join(fixtures, 'no-such-dir'))).rejects.toThrow(/cannot be read \(ENOENT/);
  });
});

describe('readCorpus on a generated messy directory', () => {
  let dir: string;
  let symlinksWork = true;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'read-corpus-'));
    await cp(path.join(fixtures, 'corpus'), dir, { recursive: true });
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'sub/gia-vang.txt'), 'Trùng tên tệp\nSapo\nThân bài');
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'blank.txt'), ' \r\n\t\r\n');
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    await writeFile(
      path.join(dir, 'utf16.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tiêu đề UTF-16\r\nSapo UTF-16\r\nThân bài', 'utf16le')]),
    );
    // "Ngày hôm nay" in Windows-1258
    await writeFile(path.join(dir, 'cp1258.txt'), Buffer.from([0x4e, 0x67, 0xe0, 0x79, 0x20, 0x68, 0xf4, 0x6d, 0x20, 0x6e, 0x61, 0x79]));
    await writeFile(path.join(dir, 'big.txt'), `Bài rất dài\nSapo\n${'Một đoạn văn khá dài để cắt.\n'.repeat(200)}`);
    await writeFile(path.join(dir, 'notes.md'), '# not README\n');
    await writeFile(path.join(dir, '.DS_Store'), Buffer.from([0, 0, 0, 1]));
    await writeFile(path.join(dir, 'crlf.jsonl'), '{"id": "j1", "title": "JSON CRLF", "body": "A"}\r\n\r\n{"id": "j2", "title": "Hai", "body": "B", "date": "2020-13-01"}\r\n');
    try {
      await symlink('missing-target.txt', path.join(dir, 'dangling.txt'));
      await symlink('..', path.join(dir, 'sub/loop'));
    } catch {
      symlinksWork = false;
      console.warn('[read-corpus.test] cannot create symbolic links here: broken-link and loop cases not generated');
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps good articles, reports every bad file with an actionable reason, and is deterministic', async () => {
    const progress: [number, number][] = [];
    const r = await readCorpus(dir, { maxArticleBytes: 1000, onProgress: (done, total) => progress.push([done, total]) });

    expect(r.articles.map((a) => a.source)).toEqual([
      '2012/ha-noi-duong-sat.txt',
      'big.txt',
      'crlf.jsonl:1',
      'crlf.jsonl:3',
      'gia-vang.txt',
      'more.jsonl:1',
      'utf16.txt',
    ]);
    expect(r.articles.find((a) => a.id === 'utf16')).toMatchObject({ title: 'Tiêu đề UTF-16', lead: 'Sapo UTF-16', body: 'Thân bài' });
    expect(r.articles.find((a) => a.id === 'j2')?.date).toBeUndefined();

    const big = r.articles.find((a) => a.id === 'big')!;
    expect(Buffer.byteLength(big.title + big.lead + big.body)).toBeLessThanOrEqual(1000);
    expect(big.body.endsWith('Một đoạn văn khá dài để cắt.')).toBe(true);

    const skipped = r.skipped.map((s) => [s.source, s.reason]);
    expect(skipped).toEqual(
      [
        ['binary.txt', 'binary'],
        ['blank.txt', 'empty'],
        ['cp1258.txt', 'not-utf8'],
        symlinksWork ? ['dangling.txt', 'unreadable'] : null,
        ['empty.txt', 'empty'],
        ['khong-tieu-de.txt', 'no-title'],
        ['more.jsonl:2', 'duplicate-id'],
        ['more.jsonl:3', 'unparseable'],
        ['notes.md', 'unsupported-file'],
        ['scan.pdf', 'unsupported-file'],
        ['sub/gia-vang.txt', 'duplicate-id'],
      ].filter((x) => x !== null),
    );
    const detail = (source: string) => r.skipped.find((s) => s.source === source)!.detail;
    expect(detail('cp1258.txt')).toMatch(/byte 0xE0 at offset 2.*iconv -f WINDOWS-1258 -t UTF-8/);
    expect(detail('sub/gia-vang.txt')).toMatch(/already used by gia-vang\.txt/);
    if (symlinksWork) expect(detail('dangling.txt')).toMatch(/ENOENT/);

    expect(r.notes.map((n) => n.source)).toEqual(
      ['.DS_Store', 'big.txt', 'crlf.jsonl:3', symlinksWork ? 'sub/loop' : null, 'utf16.txt'].filter((x) => x !== null),
    );
    expect(r.notes.find((n) => n.source === 'big.txt')?.detail).toMatch(/^body truncated to 1000 bytes/);
    expect(r.notes.find((n) => n.source === 'utf16.txt')?.detail).toMatch(/UTF-16LE/);

    // README.md is neither an article, a skip nor a note.
    expect([...r.skipped, ...r.notes].some((x) => x.source === 'README.md')).toBe(false);
    // filesRead / progress: every .txt/.jsonl whose bytes were read (not the .pdf, .md, hidden entry or broken link).
    expect(r.filesRead).toBe(12);
    expect(progress).toHaveLength(12);
    expect(progress.at(-1)).toEqual([progress.length, progress.length]);

    const again = await readCorpus(dir, { maxArticleBytes: 1000, concurrency: 1 });
    expect(again).toEqual(r);
  });

  it.skipIf(isRoot)('reports a file without read permission as unreadable', async () => {
    const locked = path.join(dir, 'sub/locked.txt');
    await writeFile(locked, 'Tiêu đề\nSapo');
    await chmod(locked, 0o000);
    try {
      const r = await readCorpus(path.join(dir, 'sub'));
      expect(r.skipped.find((s) => s.source === 'locked.txt')).toMatchObject({ reason: 'unreadable', detail: expect.stringMatching(/EACCES/) });
    } finally {
      await chmod(locked, 0o644);
      await rm(locked);
    }
  });
});

describe('readCorpus on dantri-200', () => {
  it.skipIf(!haveDantri)('gives 200 articles with categories and dates', async () => {
    const r = await readCorpus(dantriPath);
    expect(r.articles).toHaveLength(200);
    expect(r.skipped).toEqual([]);
    expect(r.articles.every((a) => a.category && /^\d{4}-\d{2}-\d{2}$/.test(a.date ?? ''))).toBe(true);
    expect(countByReason(r.skipped)).toEqual({});
  });
});

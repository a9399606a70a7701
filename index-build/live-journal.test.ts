import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyJournal, compactJournal, fetchChanges, readJournal, writeJournal, type JournalChange } from './live-journal.js';
import type { Article } from './readers/article.js';

const corpus: Article[] = [
  { id: 'a', title: 'Bài A', body: 'Nội dung A.', source: 'a.txt' },
  { id: 'b', title: 'Bài B', body: 'Nội dung B.', source: 'b.txt' },
  { id: 'c', title: 'Bài C', body: 'Nội dung C.', source: 'c.txt' },
];
const put = (seq: number, id: string, title: string): JournalChange => ({ seq, op: 'put', id, article: { id, title, body: `Thân bài ${title}.` } });
const del = (seq: number, id: string): JournalChange => ({ seq, op: 'delete', id });

let dir = '';
beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'vn-journal-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('applyJournal', () => {
  it('replaces in place, deletes, appends new articles in order of their last change, and reports the last seq', () => {
    const r = applyJournal(corpus, [put(1, 'x', 'Mới X'), del(2, 'b'), put(3, 'a', 'A sửa'), put(4, 'y', 'Mới Y'), put(5, 'x', 'X sửa')], 'j.jsonl');
    expect(r.articles.map((a) => [a.id, a.title])).toEqual([['a', 'A sửa'], ['c', 'Bài C'], ['y', 'Mới Y'], ['x', 'X sửa']]);
    expect(r.seq).toBe(5);
    expect(r.articles.find((a) => a.id === 'x')?.source).toBe('j.jsonl#5');
    expect(r.notes[0].detail).toMatch(/3 live put\(s\) and 1 live delete\(s\) through sequence number 5/);
  });

  it('a delete then a put of the same id brings it back; an unreadable put is reported, never dropped silently', () => {
    const r = applyJournal(corpus, [del(1, 'a'), put(2, 'a', 'A trở lại'), { seq: 3, op: 'put', id: 'z', article: { id: 'z', title: '  ', body: 'x' } }], 'j');
    expect(r.articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatchObject({ source: 'j#3', reason: 'unparseable' });
  });

  it('an empty journal changes nothing', () => {
    const r = applyJournal(corpus, [], 'j');
    expect(r.articles).toEqual(corpus);
    expect(r.seq).toBe(0);
  });
});

describe('journal files', () => {
  it('round-trips, compacts to one latest change per id, and reports a damaged line', async () => {
    const file = path.join(dir, 'sub', 'journal.jsonl');
    expect(await readJournal(file)).toEqual([]);
    const changes = compactJournal([put(1, 'x', 'X'), put(2, 'y', 'Y'), del(3, 'x')]);
    expect(changes.map((c) => c.seq)).toEqual([2, 3]);
    await writeJournal(file, changes);
    expect(await readJournal(file)).toEqual(changes);
    await writeFile(file, '{"seq":1,"op":"put","id":"x","article":{}}\nnot json\n');
    await expect(readJournal(file)).rejects.toThrow(/damaged at line 2/);
    await writeFile(file, '{"seq":1,"op":"put","id":"x"}\n');
    await expect(readJournal(file)).rejects.toThrow(/invalid change at line 1/);
  });
});

describe('fetchChanges', () => {
  const feed = [put(4, 'a', 'A'), put(7, 'b', 'B'), del(9, 'c')];
  const fake: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    if ((init?.headers as Record<string, string>).Authorization !== 'Bearer tok') {
      return new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'The bearer token is not the INGEST_TOKEN secret.' } }), { status: 401 });
    }
    const since = Number(url.searchParams.get('since'));
    const limit = Number(url.searchParams.get('limit'));
    const after = feed.filter((c) => c.seq > since);
    const page = after.slice(0, limit);
    return new Response(JSON.stringify({ since, last_seq: 9, next_since: page.length ? page[page.length - 1].seq : since, more: after.length > limit, changes: page }));
  };

  it('follows pages until the end', async () => {
    const r = await fetchChanges({ url: 'https://x.example/', token: 'tok', fetch: fake, pageSize: 2 }, 0);
    expect(r.changes.map((c) => c.seq)).toEqual([4, 7, 9]);
    expect(r.lastSeq).toBe(9);
    expect((await fetchChanges({ url: 'https://x.example', token: 'tok', fetch: fake }, 7)).changes.map((c) => c.seq)).toEqual([9]);
  });

  it('says what to fix when the token is wrong or the host is unreachable', async () => {
    await expect(fetchChanges({ url: 'https://x.example', token: 'bad', fetch: fake }, 0)).rejects.toThrow(/HTTP 401: The bearer token is not the INGEST_TOKEN secret\. Set INGEST_TOKEN/);
    const down: typeof fetch = async () => { throw new Error('ECONNREFUSED'); };
    await expect(fetchChanges({ url: 'https://x.example', token: 'tok', fetch: down }, 0)).rejects.toThrow(/Cannot reach https:\/\/x\.example .*ECONNREFUSED/);
  });
});

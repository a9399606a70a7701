import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../index-build/build-index.js';
import { openIndex } from '../../index-build/open-index.js';
import type { SearchService } from './search-service.js';

// A word longer than the analyzer keeps is cut to 64 UTF-16 units; when folding drops marks, the cut
// exact form folds to fewer letters than the cut folded form holds, so the index keeps only its folded
// key (term-keys.ts, `storesExactKey`). Queries must plan it the same way, quoted, excluded or not.
const LONG = 'Ṩ̣'.repeat(40);

let dir = '';
let svc: SearchService;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-long-words-'));
  const input = path.join(dir, 'corpus.jsonl');
  const articles = [
    { id: 'long', title: 'Một từ rất dài', body: `Văn bản có ${LONG} ở giữa.` },
    { id: 'plain', title: 'Một từ ngắn', body: 'Văn bản bình thường ở giữa.' },
  ];
  await writeFile(input, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  await buildIndex({ input, outDir: path.join(dir, 'out'), shards: 1 });
  svc = await openIndex(path.join(dir, 'out', 'index'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const ids = async (q: string) => (await svc.search({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false })).hits.map((h) => h.id);

describe('a word cut to the longest token', () => {
  it('is found as typed, quoted and excluded', async () => {
    expect(await ids(LONG)).toEqual(['long']);
    expect(await ids(`"${LONG}"`)).toEqual(['long']);
    expect(await ids(`văn bản -${LONG}`)).toEqual(['plain']);
  });
});

import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../src/analyzer/version.js';
import { INDEX_FORMAT_VERSION } from '../src/index-format/manifest.js';
import { indexAction } from './ensure-index.js';

const manifest = (over: Record<string, unknown> = {}) => JSON.stringify({
  formatVersion: INDEX_FORMAT_VERSION, analyzerVersion: ANALYZER_VERSION, source: '../corpus.jsonl',
  documentCount: 1, scoring: {}, lexicon: { file: 'lexicon.bin' }, shards: [{ shard: 0 }], ...over,
});
const exists = (p: string) => p === '../corpus.jsonl';

describe('indexAction (npm run dev)', () => {
  it('builds from data/ when no index exists', () => {
    expect(indexAction(null, exists)).toEqual({ action: 'build', reason: 'no index built yet', input: null });
  });

  it('serves a compatible index', () => {
    expect(indexAction(manifest(), exists)).toEqual({ action: 'serve' });
  });

  it('rebuilds an index of an older format or analyzer from the corpus it was built from', () => {
    expect(indexAction(manifest({ formatVersion: INDEX_FORMAT_VERSION - 1 }), exists)).toEqual({ action: 'build', reason: 'format_version_mismatch', input: '../corpus.jsonl' });
    expect(indexAction(manifest({ analyzerVersion: 'vi-0' }), exists)).toEqual({ action: 'build', reason: 'analyzer_version_mismatch', input: '../corpus.jsonl' });
  });

  it('falls back to data/ when the recorded corpus is gone, and rebuilds an unreadable manifest', () => {
    expect(indexAction(manifest({ formatVersion: 0, source: '/gone' }), exists)).toMatchObject({ action: 'build', input: null });
    expect(indexAction('{not json', exists)).toMatchObject({ action: 'build', reason: 'manifest_invalid', input: null });
  });
});

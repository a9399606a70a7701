/**
 * A manifest as the build writes it, for tests of code that reads manifests without building an index.
 * @module
 */
import { ANALYZER_VERSION } from '../../src/analyzer/version.js';
import { INDEX_FORMAT_VERSION, LEXICON_FILE, type IndexManifest } from '../../src/index-format/manifest.js';

const file = (name: string) => ({ file: name, bytes: 10, sha256: '0'.repeat(64) });

/** A valid manifest of a two-article, one-shard index (a fresh object per call, free to mutate). */
export function validManifest(): IndexManifest {
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    source: 'data/sample.jsonl',
    documentCount: 2,
    contentHash: 'f'.repeat(64),
    scoring: { k1: 1.2, bTitle: 0.5, bBody: 0.75, titleWeight: 2, avgTitleLength: 10, avgBodyLength: 300, impactScale: 0.001 },
    categories: ['Thế giới', 'Thời sự'],
    dateRange: { from: '2011-01-01T00:00', to: '2012-01-01T00:00' },
    synonyms: [['hn', 'hà nội']],
    lexicon: file(LEXICON_FILE),
    shards: [{
      shard: 0, documentCount: 2, head: file('shard-000/head-0000000000000000.bin'), suggest: file('shard-000/suggest-0000000000000000.json'),
      dates: { min: 21_038_400, max: 21_563_999 }, undated: 0, categories: [0, 1], files: { count: 4, bytes: 40, postingsBytes: 10, documentsBytes: 10 },
    }],
  };
}

import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../analyzer/version.js';
import { validManifest } from '../../test/support/manifest.js';
import { checkManifest, INDEX_FORMAT_VERSION, type IndexManifest } from './manifest.js';
import { blockFileName, shardDir } from './shard-head.js';

const REBUILD = /npm run build:index/;

describe('checkManifest', () => {
  it('accepts a manifest of this format and analyzer version', () => {
    expect(checkManifest(validManifest())).toBeNull();
    // Optional fields may be absent.
    const { dateRange: _omit, ...noDates } = validManifest();
    expect(checkManifest(noDates)).toBeNull();
  });

  it('accepts the manifest after a JSON round trip (what the Worker parses)', () => {
    expect(checkManifest(JSON.parse(JSON.stringify(validManifest())))).toBeNull();
  });

  it('refuses another format version, naming both versions and what to rebuild', () => {
    for (const v of [INDEX_FORMAT_VERSION - 1, INDEX_FORMAT_VERSION + 1]) {
      const p = checkManifest({ ...validManifest(), formatVersion: v });
      expect(p?.code).toBe('format_version_mismatch');
      expect(p?.message).toContain(`format version ${v}`);
      expect(p?.message).toContain(`reads version ${INDEX_FORMAT_VERSION}`);
      expect(p?.message).toMatch(REBUILD);
    }
  });

  it('compares the format version strictly (a string "2" is not version 2)', () => {
    expect(checkManifest({ ...validManifest(), formatVersion: String(INDEX_FORMAT_VERSION) })?.code).toBe('format_version_mismatch');
  });

  it('reports a missing format version as a format mismatch (an index too old to carry one)', () => {
    const { formatVersion: _omit, ...m } = validManifest();
    const p = checkManifest(m);
    expect(p?.code).toBe('format_version_mismatch');
    expect(p?.message).toContain('format version undefined');
  });

  it('refuses another analyzer version, naming both versions and what to rebuild', () => {
    const p = checkManifest({ ...validManifest(), analyzerVersion: 'vi-0' });
    expect(p?.code).toBe('analyzer_version_mismatch');
    expect(p?.message).toContain('analyzer vi-0');
    expect(p?.message).toContain(ANALYZER_VERSION);
    expect(p?.message).toMatch(REBUILD);
    const { analyzerVersion: _omit, ...missing } = validManifest();
    expect(checkManifest(missing)?.code).toBe('analyzer_version_mismatch');
  });

  it('checks the format version before the analyzer version', () => {
    expect(checkManifest({ ...validManifest(), formatVersion: 1, analyzerVersion: 'vi-0' })?.code).toBe('format_version_mismatch');
  });

  it('refuses input that is not an object', () => {
    for (const m of [null, undefined, 0, 42, '', 'manifest', true, false]) {
      const p = checkManifest(m);
      expect(p?.code, String(m)).toBe('manifest_invalid');
      expect(p?.message).toContain('not a JSON object');
      expect(p?.message).toMatch(REBUILD);
    }
  });

  it('refuses a manifest of the right versions that lacks required fields', () => {
    const broken: Array<[string, Partial<IndexManifest> | Record<string, unknown>]> = [
      ['no shards', { shards: undefined }],
      ['empty shards', { shards: [] }],
      ['shards not an array', { shards: { 0: validManifest().shards[0] } }],
      ['no lexicon', { lexicon: undefined }],
      ['no documentCount', { documentCount: undefined }],
      ['documentCount as a string', { documentCount: '2' }],
      ['no scoring', { scoring: undefined }],
    ];
    for (const [what, patch] of broken) {
      const p = checkManifest({ ...validManifest(), ...patch });
      expect(p?.code, what).toBe('manifest_invalid');
      expect(p?.message, what).toContain('missing required fields');
      expect(p?.message, what).toMatch(REBUILD);
    }
  });
});

describe('artifact file names', () => {
  it('zero-pads shard folders so they sort by shard, and names blocks by their content hash', () => {
    expect(shardDir(7)).toBe('shard-007');
    expect([10, 2, 1].map(shardDir).sort()).toEqual(['shard-001', 'shard-002', 'shard-010']);
    expect(blockFileName(3, 'p', 'ab'.repeat(32))).toBe('shard-003/p-abababababababab.bin');
    expect(blockFileName(3, 'd', 'cd'.repeat(32))).toBe('shard-003/d-cdcdcdcdcdcdcdcd.bin');
  });
});

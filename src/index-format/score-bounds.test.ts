import { describe, expect, it } from 'vitest';
import { ContainerError } from './binary-container.js';
import { alwaysListed, boundOfLevel, levelOf, ScoreBounds, writeScoreBounds } from './score-bounds.js';
import { encodeTermDictionary } from './term-dictionary.js';

describe('score bounds', () => {
  it('quantizes impacts upwards, within 4.5 %', () => {
    for (let impact = 1; impact <= 65535; impact += impact < 300 ? 1 : 97) {
      const q = levelOf(impact);
      expect(boundOfLevel(q)).toBeGreaterThanOrEqual(impact);
      expect(boundOfLevel(q)).toBeLessThanOrEqual(Math.max(impact + 1, impact * 1.045));
      if (q > 1) expect(boundOfLevel(q - 1)).toBeLessThan(impact);
    }
    expect(levelOf(65535)).toBe(255);
  });

  it('always lists single syllables and headline starts, not pairs', () => {
    for (const k of ['ha', 'ha=hà', 'ha^noi']) expect(alwaysListed(k)).toBe(true);
    for (const k of ['ha noi', 'ha^noi ba', 'ha=hà x']) expect(alwaysListed(k)).toBe(false);
  });

  it('round-trips keys, shards and unlisted maxima', () => {
    const { bytes, offsets } = encodeTermDictionary(['ha', 'ha noi', 'noi']);
    const a = new ScoreBounds(writeScoreBounds({ shards: 3, minDf: 8 }, {
      termBytes: bytes, termOffsets: offsets,
      entryStarts: Uint32Array.from([0, 2, 3, 4]), entryShards: Uint16Array.from([0, 2, 1, 1]), entryLevels: Uint8Array.from([levelOf(500), levelOf(70), levelOf(9), levelOf(1)]),
      unlistedMax: Uint16Array.from([4, 0, 65535]),
    }).slice().buffer);
    expect(a.shards).toBe(3);
    const ha = a.key('ha')!;
    expect(Array.from(ha.shards)).toEqual([0, 2]);
    expect(ha.impacts[0]).toBeGreaterThanOrEqual(500);
    expect(a.key('ha noi')!.shards).toEqual(Uint16Array.from([1]));
    expect(a.key('xa')!.shards.length).toBe(0); // a syllable in no shard
    expect(a.key('xa^noi')!.shards.length).toBe(0); // a headline start in no shard
    expect(a.key('xa noi')).toBeNull(); // a pair that may be unlisted
    expect(Array.from(a.unlistedMax)).toEqual([4, 0, 65535]);
  });

  it('reports inconsistent bytes as a damaged index (ContainerError, like every other artifact)', () => {
    const { bytes, offsets } = encodeTermDictionary(['ha']);
    const broken = writeScoreBounds({ shards: 2, minDf: 8 }, {
      termBytes: bytes, termOffsets: offsets,
      entryStarts: Uint32Array.from([0, 1]), entryShards: Uint16Array.from([0]), entryLevels: Uint8Array.from([levelOf(5)]),
      unlistedMax: Uint16Array.from([0]), // one maximum for two shards
    });
    expect(() => new ScoreBounds(broken.slice().buffer)).toThrow(ContainerError);
  });
});

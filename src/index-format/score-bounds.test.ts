import { describe, expect, it } from 'vitest';
import { ContainerError } from './binary-container.js';
import { alwaysListed, ScoreBounds, writeScoreBounds } from './score-bounds.js';
import { encodeTermDictionary } from './term-dictionary.js';

describe('score bounds', () => {
  it('always lists single syllables and headline starts, not pairs', () => {
    for (const k of ['ha', 'ha=hà', 'ha^noi']) expect(alwaysListed(k)).toBe(true);
    for (const k of ['ha noi', 'ha^noi ba', 'ha=hà x']) expect(alwaysListed(k)).toBe(false);
  });

  it('round-trips keys, shards and unlisted maxima', () => {
    const { bytes, offsets } = encodeTermDictionary(['ha', 'ha noi', 'noi']);
    const a = new ScoreBounds(writeScoreBounds({ shards: 3, minDf: 8 }, {
      termBytes: bytes, termOffsets: offsets,
      entryStarts: Uint32Array.from([0, 2, 3, 4]), entryShards: Uint16Array.from([0, 2, 1, 1]), entryImpacts: Uint16Array.from([500, 70, 9, 1]),
      unlistedMax: Uint16Array.from([4, 0, 65535]),
    }).slice().buffer);
    expect(a.shards).toBe(3);
    const ha = a.key('ha')!;
    expect(Array.from(ha.shards)).toEqual([0, 2]);
    expect(Array.from(ha.impacts)).toEqual([500, 70]); // exact maxima, not rounded
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
      entryStarts: Uint32Array.from([0, 1]), entryShards: Uint16Array.from([0]), entryImpacts: Uint16Array.from([5]),
      unlistedMax: Uint16Array.from([0]), // one maximum for two shards
    });
    expect(() => new ScoreBounds(broken.slice().buffer)).toThrow(ContainerError);
  });
});

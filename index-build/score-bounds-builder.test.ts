import { describe, expect, it } from 'vitest';
import { ScoreBounds } from '../src/index-format/score-bounds.js';
import { sortTermsByBytes } from '../src/index-format/sort-terms.js';
import { ScoreBoundsBuilder } from './score-bounds-builder.js';

const keys = ['ha', 'noi', 'ha noi', 'ha=hà', 'ha^noi', 'noi ha'];
const df = [50, 40, 30, 20, 9, 2];
const rank = new Uint32Array(keys.length);
sortTermsByBytes(keys).forEach((id, r) => { rank[id] = r; });
const open = (b: Uint8Array) => new ScoreBounds(b.slice().buffer);

/** Postings (shard, key id, impact) fed in shard order. */
const POSTINGS: Array<[number, number, number]> = [[0, 0, 100], [0, 0, 900], [0, 2, 5000], [0, 5, 40000], [1, 1, 7], [1, 3, 300], [1, 4, 65535], [2, 0, 1]];

function build(budgetBytes?: number): ScoreBounds {
  const b = new ScoreBoundsBuilder(keys, df, rank, 3, 8, budgetBytes);
  for (const [s, id, impact] of POSTINGS) b.record(s, id, impact);
  return open(b.write());
}

describe('ScoreBoundsBuilder', () => {
  it('lists single syllables and frequent keys with each shard holding them and an upper bound of their largest impact', () => {
    const sb = build();
    expect(sb.meta.minDf).toBe(8);
    const ha = sb.key('ha')!;
    expect(Array.from(ha.shards)).toEqual([0, 2]);
    expect(ha.impacts[0]).toBeGreaterThanOrEqual(900);
    expect(ha.impacts[0]).toBeLessThan(900 * 1.05);
    expect(ha.impacts[1]).toBeGreaterThanOrEqual(1);
    expect(Array.from(sb.key('ha=hà')!.shards)).toEqual([1]);
    expect(Array.from(sb.key('ha^noi')!.shards)).toEqual([1]);
    // A rare pair is not listed: its maximum is its shard's unlisted maximum.
    expect(sb.key('noi ha')).toBeNull();
    expect(Array.from(sb.unlistedMax)).toEqual([40000, 0, 0]);
  });

  it('drops the rarest multi-syllable keys first to fit the budget, keeping their maxima as unlisted bounds', () => {
    const sb = build(70);
    expect(sb.meta.minDf).toBe(31);
    expect(sb.key('ha noi')).toBeNull();
    expect(sb.key('ha')).not.toBeNull(); // single syllables and headline starts always stay
    expect(sb.key('ha^noi')).not.toBeNull();
    expect(Array.from(sb.unlistedMax)).toEqual([40000, 0, 0]);
    const small = new ScoreBoundsBuilder(['a b', 'c d'], [9, 9], Uint32Array.from([0, 1]), 1, 8, 0);
    small.record(0, 0, 5000);
    small.record(0, 1, 700);
    const dropped = open(small.write());
    expect(dropped.key('a b')).toBeNull();
    expect(dropped.unlistedMax[0]).toBeGreaterThanOrEqual(5000);
  });
});

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/lib/prng.js';
import { prefixTable, walkWithinDistance, type Checkpoint, type SortedTerms, type WalkBound } from './edit-distance-walk.js';
import { boundedEditDistance } from './fuzzy.js';
import { compareTermsByBytes, encodeTermDictionary } from '../index-format/term-dictionary.js';

const encoder = new TextEncoder();

/** A seeded PRNG (the benchmarks' mulberry32: reproducible vocabularies and typos). */
const rng = mulberry32;

/** Sorted distinct terms as a dictionary with its prefix table. */
function dictionary(words: readonly string[]): { terms: string[]; dict: SortedTerms; table: Uint32Array } {
  const terms = [...new Set(words)].sort(compareTermsByBytes);
  const dict = encodeTermDictionary(terms);
  return { terms, dict, table: prefixTable(dict) };
}

/** Every (term, distance) the walk reports, as a map; fails on a term reported twice. */
function walk(d: ReturnType<typeof dictionary>, query: string, bound: WalkBound): Map<string, number> {
  const out = new Map<string, number>();
  walkWithinDistance(d.dict, d.table, encoder.encode(query), bound, (t, dist) => {
    if (out.has(d.terms[t])) throw new Error(`${d.terms[t]} reported twice`);
    out.set(d.terms[t], dist);
  });
  return out;
}

/** A string with one character per UTF-8 byte (the walk measures distances over bytes). */
const byteString = (s: string) => String.fromCharCode(...encoder.encode(s));

/** The terms within `max` of `query` by brute force. */
function within(terms: readonly string[], query: string, max: number): Map<string, number> {
  const out = new Map<string, number>();
  const q = byteString(query);
  for (const t of terms) {
    const d = boundedEditDistance(q, /^[\x01-\x7f]*$/.test(t) ? t : byteString(t), max);
    if (d <= max) out.set(t, d);
  }
  return out;
}

/** The union of pigeonhole walks, keeping each term's smallest distance. */
function union(...maps: Array<Map<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of maps) for (const [t, d] of m) if (!out.has(t) || d < out.get(t)!) out.set(t, d);
  return out;
}

const reverse = (s: string) => [...s].reverse().join('');
const sorted = (m: Map<string, number>) => [...m].sort((a, b) => compareTermsByBytes(a[0], b[0]));

/** Forward walk with the first `a` bytes intact, and reversed walk with the last m − a within `s` edits. */
function pigeonhole(fwd: ReturnType<typeof dictionary>, rev: ReturnType<typeof dictionary>, query: string, max: number, a: number, s: number): Map<string, number> {
  const forward = walk(fwd, query, { max, checkpoints: [{ at: a, max: 0 }], boundary: 'after' });
  const backward = walk(rev, reverse(query), { max, checkpoints: [{ at: query.length - a, max: s }], boundary: 'before' });
  return union(forward, new Map([...backward].map(([t, d]) => [reverse(t), d])));
}

describe('walkWithinDistance', () => {
  it('without checkpoints, finds exactly the terms within the bound, with their distances', () => {
    const rand = rng(1);
    const letters = 'abcab';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
    for (let round = 0; round < 4; round++) {
      const d = dictionary(Array.from({ length: 400 }, () => word(1 + Math.floor(rand() * 8))));
      for (let q = 0; q < 60; q++) {
        const query = word(1 + Math.floor(rand() * 9));
        for (const max of [0, 1, 2]) expect(sorted(walk(d, query, { max })), `${query} within ${max}`).toEqual(sorted(within(d.terms, query, max)));
      }
    }
  });

  it('split forward and backward at any point (pigeonhole), finds the same terms and distances as a full walk', () => {
    const rand = rng(2);
    const letters = 'abcdab';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
    for (let round = 0; round < 2; round++) {
      const words = Array.from({ length: 300 }, () => word(2 + Math.floor(rand() * 9)));
      const d = dictionary(words);
      const rev = dictionary(words.map(reverse));
      for (let q = 0; q < 30; q++) {
        const query = word(3 + Math.floor(rand() * 8));
        for (const max of [1, 2]) {
          const want = sorted(within(d.terms, query, max));
          for (let a = 0; a <= query.length; a++) expect(sorted(pigeonhole(d, rev, query, max, a, max - 1)), `${query} ±${max} split at ${a}`).toEqual(want);
        }
      }
    }
  });

  it('counts an edit on a checkpoint boundary on one side: after it forward, before it backward', () => {
    // One term byte inserted exactly at the split (ab|cd → abXcd), and the two bytes around it swapped (abcd → acbd).
    const fwd = dictionary(['abxcd', 'acbd']);
    const at2: Checkpoint[] = [{ at: 2, max: 0 }];
    expect(sorted(walk(fwd, 'abcd', { max: 1, checkpoints: at2, boundary: 'after' }))).toEqual([['abxcd', 1], ['acbd', 1]]);
    expect(sorted(walk(fwd, 'abcd', { max: 1, checkpoints: at2, boundary: 'before' }))).toEqual([]);
    // The same edits walked from the end of the word (dc|ba): 'before' counts them in dc, the
    // original's second part, as the forward walk with 'after' does.
    const rev = dictionary(['dcxba', 'dbca']);
    expect(sorted(walk(rev, 'dcba', { max: 1, checkpoints: at2, boundary: 'before' }))).toEqual([]);
    expect(sorted(walk(rev, 'dcba', { max: 1, checkpoints: at2, boundary: 'after' }))).toEqual([['dbca', 1], ['dcxba', 1]]);
  });

  it('reports the cost of the best alignment meeting the checkpoints (never below the true distance)', () => {
    const d = dictionary(['abcdef', 'xbcdef', 'xbcdefg']);
    // With the first two bytes intact, xbcdef cannot be reached (its one edit is there).
    expect(sorted(walk(d, 'abcdef', { max: 2, checkpoints: [{ at: 2, max: 0 }] }))).toEqual([['abcdef', 0]]);
    expect(sorted(walk(d, 'abcdef', { max: 2, checkpoints: [{ at: 2, max: 1 }] }))).toEqual([['abcdef', 0], ['xbcdef', 1], ['xbcdefg', 2]]);
  });

  it('handles terms at both ends of the dictionary, one-byte terms and queries, and bytes above 0x7f', () => {
    const words = ['a', 'aa', 'ab', 'b', 'zz', 'zzz', 'zzzz', 'ÿÿ', 'mañana', 'manana'];
    const d = dictionary(words);
    for (const query of ['a', 'z', 'zzzzz', 'aaa', 'ÿ', 'mañanas', 'ma']) {
      for (const max of [1, 2]) expect(sorted(walk(d, query, { max })), query).toEqual(sorted(within(d.terms, query, max)));
    }
  });

  it('accepts no empty query and none longer than 64 bytes', () => {
    const d = dictionary(['a', 'x'.repeat(65)]);
    expect(walk(d, '', { max: 1 }).size).toBe(0);
    expect(walk(d, 'x'.repeat(66), { max: 2 }).size).toBe(0);
  });

  it('lets a callback start another walk (scratch memory is not shared with it)', () => {
    const d = dictionary(['thanh', 'thang', 'thanhh', 'khanh']);
    const nested: string[] = [];
    const outer = walk(d, 'thanh', { max: 1 });
    const seen = new Map<string, number>();
    walkWithinDistance(d.dict, d.table, encoder.encode('thanh'), { max: 1 }, (t, dist) => {
      seen.set(d.terms[t], dist);
      walkWithinDistance(d.dict, d.table, encoder.encode('khanh'), { max: 0 }, (u) => nested.push(d.terms[u]));
    });
    expect(sorted(seen)).toEqual(sorted(outer));
    expect(nested).toEqual(Array(outer.size).fill('khanh'));
  });
});

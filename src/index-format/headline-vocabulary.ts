/**
 * The headline columns of a shard head, renumbered (since index format 11). A shard head keeps every
 * document's headline syllables as numbers that query execution compares with the numbers of the
 * query's keys. Shard-wide term numbers need 32 bits (a large shard has ~700,000 keys); the keys that
 * occur in some headline of a shard are far fewer (Vietnamese has a few thousand syllables: 7,917
 * folded and exact keys in a shard of 17,347 articles of the synthetic 350k archive), so the head
 * stores them once, sorted (the *headline vocabulary*), and the columns as positions in it: 16 bits
 * each whenever the vocabulary has at most 65,536 keys. At 350,000 articles this takes a head from
 * 2.49 to 1.62 MB, and a head is read whole before a restarted shard answers its first query.
 * @module
 */
import { lowerBound } from './sorted-numbers.js';

/** Headline columns as positions in a sorted vocabulary of term numbers. */
export interface CompactHeadlines {
  /** Distinct term numbers of the columns, ascending. */
  vocabulary: Uint32Array;
  /** Parallel to the input `terms`: each term number's position in `vocabulary`. */
  terms: Uint16Array | Uint32Array;
  /** Parallel to the input `exact`: likewise. */
  exact: Uint16Array | Uint32Array;
}

/** Largest vocabulary whose positions fit 16 bits. */
const MAX_16_BIT_VOCABULARY = 0x10000;

/**
 * Renumbers two parallel headline columns of term numbers to positions in their shared vocabulary.
 * Deterministic: the vocabulary is sorted and the columns keep their order.
 */
export function compactHeadlines(terms: Uint32Array, exact: Uint32Array): CompactHeadlines {
  const all = new Uint32Array(terms.length + exact.length);
  all.set(terms);
  all.set(exact, terms.length);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  const vocabulary = all.slice(0, n);
  const column = (source: Uint32Array) => {
    const out = n <= MAX_16_BIT_VOCABULARY ? new Uint16Array(source.length) : new Uint32Array(source.length);
    for (let i = 0; i < source.length; i++) out[i] = positionIn(vocabulary, source[i]);
    return out;
  };
  return { vocabulary, terms: column(terms), exact: column(exact) };
}

/** Position of `term` in an ascending `vocabulary`, or -1 when it is not there. */
export function positionIn(vocabulary: Uint32Array, term: number): number {
  const i = lowerBound(vocabulary, term);
  return i < vocabulary.length && vocabulary[i] === term ? i : -1;
}

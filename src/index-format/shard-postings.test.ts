import { describe, expect, it } from 'vitest';
import { ContainerError } from './binary-container.js';
import { bigramKey, exactKey, foldedKey } from './term-keys.js';
import { NO_CATEGORY, NO_DATE, ShardPostings, writeShardPostings, type ShardPostingsArrays } from './shard-postings.js';
import { compareTermsByBytes, encodeTermDictionary } from './term-dictionary.js';

/**
 * Three documents:
 *   0: "Hà Nội"        (headline: ha noi)
 *   1: "Hạ Long"       (headline: ha long)
 *   2: no headline, only "nội"
 */
const POSTINGS: Record<string, Array<[doc: number, impact: number]>> = {
  [foldedKey('ha')]: [[0, 300], [1, 250]],
  [foldedKey('noi')]: [[0, 280], [2, 90]],
  [foldedKey('long')]: [[1, 400]],
  [exactKey('hà')]: [[0, 310]],
  [exactKey('hạ')]: [[1, 260]],
  [bigramKey('ha', 'noi')]: [[0, 500]],
  [bigramKey('ha', 'long')]: [[1, 520]],
};

const TERMS = Object.keys(POSTINGS).sort(compareTermsByBytes);
const termIndex = (key: string) => TERMS.indexOf(key);

function arrays(): ShardPostingsArrays {
  const dict = encodeTermDictionary(TERMS);
  const starts: number[] = [0];
  const docs: number[] = [];
  const impacts: number[] = [];
  for (const t of TERMS) {
    for (const [d, w] of POSTINGS[t]) { docs.push(d); impacts.push(w); }
    starts.push(docs.length);
  }
  const headlines = [[['ha', 'hà'], ['noi', 'nội']], [['ha', 'hạ'], ['long', 'long']], []];
  const headlineStarts = [0];
  const headlineTerms: number[] = [];
  const headlineExact: number[] = [];
  for (const h of headlines) {
    for (const [f, e] of h) {
      headlineTerms.push(termIndex(foldedKey(f)));
      // "nội" has no exact key in this fixture's dictionary (only docs 0 and 2 hold it): its folded one stands in.
      headlineExact.push(e !== f && termIndex(exactKey(e)) >= 0 ? termIndex(exactKey(e)) : termIndex(foldedKey(f)));
    }
    headlineStarts.push(headlineTerms.length);
  }
  return {
    termBytes: dict.bytes,
    termOffsets: dict.offsets,
    postingStarts: Uint32Array.from(starts),
    postingDocs: Uint16Array.from(docs),
    postingImpacts: Uint16Array.from(impacts),
    docDate: Int32Array.of(21_800_000, NO_DATE, 22_000_000),
    docCategory: Uint16Array.of(1, 0, NO_CATEGORY),
    headlineStarts: Uint32Array.from(headlineStarts),
    headlineTerms: Uint32Array.from(headlineTerms),
    headlineExact: Uint32Array.from(headlineExact),
  };
}

const META = { shard: 4, documentCount: 3 };
const open = (a: ShardPostingsArrays, meta = META) => new ShardPostings(writeShardPostings(meta, a).slice().buffer);

/** The (doc, impact) postings of a key in an opened artifact. */
function postingsOf(p: ShardPostings, key: string): Array<[number, number]> | null {
  const r = p.lookup(key);
  if (!r) return null;
  const out: Array<[number, number]> = [];
  for (let i = r.start; i < r.end; i++) out.push([p.postingDocs[i], p.postingImpacts[i]]);
  return out;
}

describe('writeShardPostings / ShardPostings', () => {
  it('round-trips meta, document count and byte length', () => {
    const bytes = writeShardPostings(META, arrays());
    const p = new ShardPostings(bytes.slice().buffer);
    expect(p.meta).toEqual(META);
    expect(p.documentCount).toBe(3);
    expect(p.byteLength).toBe(bytes.byteLength);
    expect(p.dictionary.size).toBe(TERMS.length);
  });

  it('lookup returns each key\'s posting range with its documents and impacts', () => {
    const p = open(arrays());
    for (const [key, want] of Object.entries(POSTINGS)) expect(postingsOf(p, key), key).toEqual(want);
  });

  it('lookup ranges are contiguous and cover every posting exactly once', () => {
    const p = open(arrays());
    let expectedStart = 0;
    for (const key of TERMS) {
      const r = p.lookup(key)!;
      expect(r.start, key).toBe(expectedStart);
      expect(r.end - r.start, key).toBe(POSTINGS[key].length);
      expectedStart = r.end;
    }
    expect(expectedStart).toBe(p.postingDocs.length);
  });

  it('lookup returns null for keys the shard does not contain', () => {
    const p = open(arrays());
    for (const key of ['xyz', exactKey('ha'), foldedKey('hà'), bigramKey('noi', 'ha'), 'h', 'ha ', '']) {
      expect(p.lookup(key), JSON.stringify(key)).toBeNull();
    }
  });

  it('keeps the per-document date and category columns, including the "none" markers', () => {
    const p = open(arrays());
    expect(Array.from(p.docDate)).toEqual([21_800_000, NO_DATE, 22_000_000]);
    expect(Array.from(p.docCategory)).toEqual([1, 0, NO_CATEGORY]);
  });

  it('headline columns give each document\'s folded headline syllables in order', () => {
    const p = open(arrays());
    const headline = (d: number) =>
      Array.from(p.headlineTerms.subarray(p.headlineStarts[d], p.headlineStarts[d + 1]), (t) => p.dictionary.termAt(t));
    expect(headline(0)).toEqual(['ha', 'noi']);
    expect(headline(1)).toEqual(['ha', 'long']);
    expect(headline(2)).toEqual([]);
    const exact = (d: number) =>
      Array.from(p.headlineExact.subarray(p.headlineStarts[d], p.headlineStarts[d + 1]), (t) => p.dictionary.termAt(t));
    expect(exact(0)).toEqual([exactKey('hà'), foldedKey('noi')]);
    expect(exact(1)).toEqual([exactKey('hạ'), foldedKey('long')]);
    expect(p.headlineStarts.length).toBe(p.documentCount + 1);
  });

  it('accepts 32-bit document numbers (large shards)', () => {
    const a = arrays();
    const p = open({ ...a, postingDocs: Uint32Array.from(a.postingDocs) });
    expect(p.postingDocs).toBeInstanceOf(Uint32Array);
    expect(postingsOf(p, foldedKey('noi'))).toEqual(POSTINGS[foldedKey('noi')]);
  });

  it('handles a shard without documents or terms', () => {
    const empty = encodeTermDictionary([]);
    const p = open({
      termBytes: empty.bytes, termOffsets: empty.offsets, postingStarts: Uint32Array.of(0),
      postingDocs: new Uint16Array(0), postingImpacts: new Uint16Array(0),
      docDate: new Int32Array(0), docCategory: new Uint16Array(0),
      headlineStarts: Uint32Array.of(0), headlineTerms: new Uint32Array(0), headlineExact: new Uint32Array(0),
    }, { shard: 0, documentCount: 0 });
    expect(p.documentCount).toBe(0);
    expect(p.lookup('ha')).toBeNull();
  });
});

describe('ShardPostings refuses inconsistent columns', () => {
  const corrupt = /corrupt file/;

  it('postingStarts of the wrong length', () => {
    const a = arrays();
    expect(() => open({ ...a, postingStarts: a.postingStarts.slice(0, -1) })).toThrow(corrupt);
    expect(() => open({ ...a, postingStarts: Uint32Array.from([...a.postingStarts, a.postingDocs.length]) })).toThrow(corrupt);
  });

  it('postingStarts not ending at the number of postings', () => {
    const a = arrays();
    const starts = a.postingStarts.slice();
    starts[starts.length - 1] -= 1;
    expect(() => open({ ...a, postingStarts: starts })).toThrow(corrupt);
  });

  it('postingDocs and postingImpacts of different lengths', () => {
    const a = arrays();
    expect(() => open({ ...a, postingImpacts: a.postingImpacts.slice(0, -1) })).toThrow(corrupt);
  });

  it('date or category columns not matching the document count', () => {
    const a = arrays();
    expect(() => open({ ...a, docDate: a.docDate.slice(0, 2) })).toThrow(/wrong document column lengths \(corrupt file\)/);
    expect(() => open({ ...a, docCategory: Uint16Array.of(1, 0, 0, 0) })).toThrow(/wrong document column lengths \(corrupt file\)/);
    expect(() => open(a, { shard: 4, documentCount: 2 })).toThrow(corrupt);
  });

  it('headlineStarts of the wrong length', () => {
    const a = arrays();
    const headlineError = /inconsistent headline columns \(corrupt file\)/;
    expect(() => open({ ...a, headlineStarts: a.headlineStarts.slice(0, -1) })).toThrow(headlineError);
    expect(() => open({ ...a, headlineStarts: Uint32Array.from([...a.headlineStarts, a.headlineTerms.length]) })).toThrow(headlineError);
  });

  it('headlineStarts not ending at headlineTerms.length, or not starting at 0', () => {
    const a = arrays();
    const headlineError = /inconsistent headline columns \(corrupt file\)/;
    expect(() => open({ ...a, headlineTerms: Uint32Array.from([...a.headlineTerms, 0]) })).toThrow(headlineError);
    expect(() => open({ ...a, headlineTerms: a.headlineTerms.slice(0, -1) })).toThrow(headlineError);
    const shifted = a.headlineStarts.slice();
    shifted[0] = 1;
    expect(() => open({ ...a, headlineStarts: shifted })).toThrow(headlineError);
  });

  it('headlineExact not parallel to headlineTerms', () => {
    const a = arrays();
    expect(() => open({ ...a, headlineExact: a.headlineExact.slice(0, -1) })).toThrow(/inconsistent headline columns \(corrupt file\)/);
  });

  it('a missing section', () => {
    const a = arrays() as Partial<ShardPostingsArrays>;
    delete a.headlineTerms;
    expect(() => open(a as ShardPostingsArrays)).toThrow(/lacks section headlineTerms/);
  });

  it('truncated bytes or bytes of another artifact kind (ContainerError)', () => {
    const bytes = writeShardPostings(META, arrays());
    expect(() => new ShardPostings(bytes.slice(0, bytes.length - 8).buffer)).toThrow(ContainerError);
    const other = bytes.slice();
    other.set([0x56, 0x4e, 0x4c, 0x58]); // "VNLX": lexicon magic
    expect(() => new ShardPostings(other.buffer)).toThrow(/wrong file kind/);
  });
});

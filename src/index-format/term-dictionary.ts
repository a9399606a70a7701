/**
 * A sorted dictionary of UTF-8 terms stored as two flat arrays: `bytes` (all terms concatenated in
 * ascending byte order) and `offsets` (`offsets[i]..offsets[i+1]` is term i). Lookups are binary
 * searches on bytes: no strings are materialized at load time, so a dictionary of millions of terms
 * costs only its bytes.
 * @module
 */

/** Compares two byte ranges lexicographically (unsigned). */
function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array): number {
  const bl = b.length;
  const al = aEnd - aStart;
  const n = al < bl ? al : bl;
  for (let i = 0; i < n; i++) {
    const d = a[aStart + i] - b[i];
    if (d !== 0) return d;
  }
  return al - bl;
}

/** One decoder for every dictionary: a block's dictionary is opened each time a shard loads it. */
const decoder = new TextDecoder();

/** Read-only view of a sorted term dictionary. */
export class TermDictionary {
  /** Number of terms. */
  readonly size: number;

  /**
   * @param bytes concatenated UTF-8 terms in ascending byte order
   * @param offsets `size + 1` byte offsets into `bytes`
   */
  constructor(readonly bytes: Uint8Array, readonly offsets: Uint32Array) {
    this.size = Math.max(0, offsets.length - 1);
  }

  /** Index of `term`, or -1 when absent. */
  indexOf(term: string): number {
    return this.indexOfBytes(utf8Bytes(term));
  }

  /** Index of an already-encoded term, or -1 when absent. */
  indexOfBytes(key: Uint8Array): number {
    let lo = 0;
    let hi = this.size - 1;
    const { bytes, offsets } = this;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(bytes, offsets[mid], offsets[mid + 1], key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** First index whose term is ≥ `key` in byte order (the insertion point). */
  lowerBound(key: Uint8Array): number {
    let lo = 0;
    let hi = this.size;
    const { bytes, offsets } = this;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareBytes(bytes, offsets[mid], offsets[mid + 1], key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the last term ≤ `key` in byte order, or -1 when every term is greater. */
  floor(key: Uint8Array): number {
    const i = this.lowerBound(key);
    if (i < this.size && compareBytes(this.bytes, this.offsets[i], this.offsets[i + 1], key) === 0) return i;
    return i - 1;
  }

  /** The half-open index range of terms starting with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const key = utf8Bytes(prefix);
    const start = this.lowerBound(key);
    let end = start;
    const { bytes, offsets } = this;
    // Binary search the end: the first term at or after `start` that does not start with the prefix.
    let lo = start;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = offsets[mid];
      const len = offsets[mid + 1] - s;
      let hasPrefix = len >= key.length;
      for (let i = 0; hasPrefix && i < key.length; i++) if (bytes[s + i] !== key[i]) hasPrefix = false;
      if (hasPrefix) lo = mid + 1;
      else hi = mid;
    }
    end = lo;
    return [start, end];
  }

  /** The term at index `i` as a string. */
  termAt(i: number): string {
    return decoder.decode(this.bytes.subarray(this.offsets[i], this.offsets[i + 1]));
  }
}

/** Bytes of `s` in UTF-8, as `TextEncoder` writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** Writes `s` as UTF-8 into `out` at `at` (exactly {@link utf8Length} bytes); returns the end. */
function writeUtf8(s: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) { out[at++] = c; continue; }
    if (c < 0x800) { out[at++] = 0xc0 | (c >> 6); out[at++] = 0x80 | (c & 0x3f); continue; }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && (d & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        out[at++] = 0xf0 | (c >> 18); out[at++] = 0x80 | ((c >> 12) & 0x3f); out[at++] = 0x80 | ((c >> 6) & 0x3f); out[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd; // a lone surrogate, as TextEncoder writes it
    }
    out[at++] = 0xe0 | (c >> 12); out[at++] = 0x80 | ((c >> 6) & 0x3f); out[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}

/**
 * `s` in UTF-8: the same bytes as `new TextEncoder().encode(s)` (a lone surrogate becomes U+FFFD),
 * written in JavaScript. Queries encode dozens of short keys per shard search, and for a key of a few
 * bytes one `TextEncoder` call costs about 12× this loop (750 vs 60 ns per key, Node 20).
 */
export function utf8Bytes(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  writeUtf8(s, out, 0);
  return out;
}

/** Compares byte range `a[aStart, aEnd)` with `b[bStart, bEnd)` lexicographically (unsigned). */
export function compareByteRanges(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const al = aEnd - aStart;
  const bl = bEnd - bStart;
  const n = al < bl ? al : bl;
  for (let i = 0; i < n; i++) {
    const d = a[aStart + i] - b[bStart + i];
    if (d !== 0) return d;
  }
  return al - bl;
}

/**
 * Encodes terms (which must already be sorted by {@link compareTermsByBytes} and unique) into the
 * two arrays of a {@link TermDictionary}. Writes the UTF-8 itself, straight into one buffer: the build
 * encodes tens of millions of short keys, and one `TextEncoder` call (and array) per key cost more
 * than the bytes.
 */
export function encodeTermDictionary(sortedTerms: readonly string[]): { bytes: Uint8Array; offsets: Uint32Array } {
  const n = sortedTerms.length;
  const offsets = new Uint32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = total;
    total += utf8Length(sortedTerms[i]);
  }
  offsets[n] = total;
  const bytes = new Uint8Array(total);
  for (let i = 0; i < n; i++) writeUtf8(sortedTerms[i], bytes, offsets[i]);
  for (let i = 1; i < n; i++) {
    if (compareByteRanges(bytes, offsets[i - 1], offsets[i], bytes, offsets[i], offsets[i + 1]) >= 0) {
      throw new Error(`terms are not strictly ascending at ${i}: ${JSON.stringify(sortedTerms[i - 1])} ≥ ${JSON.stringify(sortedTerms[i])}`);
    }
  }
  return { bytes, offsets };
}

/**
 * Comparator giving the byte order of UTF-8 encodings, which for JS strings equals code-point order
 * (not UTF-16 code-unit order). Use it to sort terms before {@link encodeTermDictionary}.
 */
export function compareTermsByBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

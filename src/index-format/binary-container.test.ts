import { describe, expect, it } from 'vitest';
import { ContainerError, readContainer, writeContainer } from './binary-container.js';

const MAGIC = 'TEST';
const sample = () => ({
  odd: Uint8Array.of(1, 2, 3), // 3 bytes: the next section must still start 8-aligned
  shorts: Uint16Array.of(0, 65535, 7),
  ids: Uint32Array.of(4_000_000_000, 1),
  deltas: Int32Array.of(-5, 5),
  weights: Float32Array.of(0.5, -1.25),
  scores: Float64Array.of(Math.PI, -0),
});

/** A copy of the container bytes as its own ArrayBuffer (what a fetch would return). */
const bufferOf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

describe('writeContainer / readContainer', () => {
  it('round-trips meta and every section type, values and element types intact', () => {
    const meta = { shard: 2, title: 'Tin tức Hà Nội', nested: { n: [1, 2] } };
    const bytes = writeContainer(MAGIC, 3, meta, sample());
    const c = readContainer<typeof meta>(bufferOf(bytes), MAGIC, 3);
    expect(c.meta).toEqual(meta);
    expect(c.formatVersion).toBe(3);
    expect(c.byteLength).toBe(bytes.byteLength);
    const want = sample();
    expect(Object.keys(c.sections)).toEqual(Object.keys(want));
    for (const [name, arr] of Object.entries(want)) {
      expect(c.sections[name].constructor).toBe(arr.constructor);
      expect(Array.from(c.sections[name])).toEqual(Array.from(arr));
    }
    expect(Object.is(c.sections.scores[1], -0)).toBe(true);
  });

  it('places the data area and every section on an 8-byte boundary, as zero-copy views', () => {
    const bytes = writeContainer(MAGIC, 1, { headerOfOddLength: 'x' }, sample());
    const buffer = bufferOf(bytes);
    const c = readContainer(buffer, MAGIC, 1);
    const headerLength = new DataView(buffer).getUint32(4, true);
    const dataStart = (8 + headerLength + 7) & ~7;
    for (const s of Object.values(c.sections)) {
      expect(s.byteOffset % 8).toBe(0);
      expect(s.byteOffset).toBeGreaterThanOrEqual(dataStart);
      expect(s.buffer).toBe(buffer); // a view, not a copy
    }
    expect(bytes.byteLength % 8).toBe(0);
  });

  it('writes the magic and header length little-endian at the start', () => {
    const bytes = writeContainer('VNDS', 1, {}, {});
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('VNDS');
    const h = new DataView(bytes.buffer).getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + h)));
    expect(header).toEqual({ formatVersion: 1, meta: {}, sections: {} });
  });

  it('is deterministic', () => {
    expect(writeContainer(MAGIC, 1, { a: 1 }, sample())).toEqual(writeContainer(MAGIC, 1, { a: 1 }, sample()));
  });

  it('writes only the viewed part of a subarray section', () => {
    const big = Uint32Array.of(9, 10, 11, 12);
    const c = readContainer(bufferOf(writeContainer(MAGIC, 1, null, { s: big.subarray(1, 3) })), MAGIC, 1);
    expect(Array.from(c.sections.s)).toEqual([10, 11]);
  });

  it('rejects a magic that is not 4 ASCII characters', () => {
    expect(() => writeContainer('VND', 1, {}, {})).toThrow(/magic/);
    expect(() => writeContainer('VNĐS', 1, {}, {})).toThrow(/magic/);
  });
});

describe('readContainer refuses bad bytes with ContainerError', () => {
  const good = writeContainer(MAGIC, 1, { documentCount: 2 }, sample());

  it('wrong magic (another artifact kind)', () => {
    expect(() => readContainer(bufferOf(good), 'VNDS', 1)).toThrow(ContainerError);
    expect(() => readContainer(bufferOf(good), 'VNDS', 1)).toThrow(/expected "VNDS", found "TEST"/);
  });

  it('wrong format version', () => {
    expect(() => readContainer(bufferOf(good), MAGIC, 2)).toThrow(ContainerError);
    expect(() => readContainer(bufferOf(good), MAGIC, 2)).toThrow(/format version 1/);
  });

  it('fewer than 8 bytes', () => {
    expect(() => readContainer(bufferOf(good.subarray(0, 7)), MAGIC, 1)).toThrow(ContainerError);
    expect(() => readContainer(new ArrayBuffer(0), MAGIC, 1)).toThrow(ContainerError);
  });

  it('truncated inside the header', () => {
    expect(() => readContainer(bufferOf(good.subarray(0, 20)), MAGIC, 1)).toThrow(/header runs past the end/);
  });

  it('truncated inside the section data', () => {
    // Drop the last 8 bytes: the f64 section `scores` (written last, 16 bytes) no longer fits.
    const cut = bufferOf(good.subarray(0, good.byteLength - 8));
    expect(() => readContainer(cut, MAGIC, 1)).toThrow(ContainerError);
    expect(() => readContainer(cut, MAGIC, 1)).toThrow(/section "scores" is out of bounds/);
  });

  it('a header that is not JSON', () => {
    const bad = good.slice();
    bad[8] = 0x7b; bad[9] = 0x7b; // "{{"
    expect(() => readContainer(bad.buffer, MAGIC, 1)).toThrow(/not valid JSON/);
  });

  it('a section whose offset is not 8-aligned', () => {
    const header = JSON.stringify({ formatVersion: 1, meta: {}, sections: { s: { type: 'u32', offset: 4, length: 1 } } });
    const h = new TextEncoder().encode(header);
    const bytes = new Uint8Array(((8 + h.length + 7) & ~7) + 16);
    bytes.set(new TextEncoder().encode(MAGIC));
    new DataView(bytes.buffer).setUint32(4, h.length, true);
    bytes.set(h, 8);
    expect(() => readContainer(bytes.buffer, MAGIC, 1)).toThrow(/section "s" is out of bounds/);
  });
});

describe('readContainer on headers that parse but are malformed', () => {
  // Only reachable by bytes that pass the manifest's SHA-256 (a faulty build), but the Worker must
  // still report them as a corrupt index (503 index_corrupt), not crash with a TypeError.
  const withHeader = (header: string) => {
    const json = new TextEncoder().encode(header);
    const bytes = new Uint8Array(8 + json.length + 8);
    bytes.set(new TextEncoder().encode('TEST'), 0);
    new DataView(bytes.buffer).setUint32(4, json.length, true);
    bytes.set(json, 8);
    return bytes.buffer;
  };
  it('throws ContainerError for a header that is JSON null, an array or a number', () => {
    for (const h of ['null', '[]', '42']) expect(() => readContainer(withHeader(h), 'TEST', 1), h).toThrow(ContainerError);
  });
  it('throws ContainerError for a section type that is not a SectionType (e.g. "toString")', () => {
    for (const type of ['toString', '__proto__', 'u64']) {
      const h = JSON.stringify({ formatVersion: 1, meta: {}, sections: { s: { type, offset: 0, length: 0 } } });
      expect(() => readContainer(withHeader(h), 'TEST', 1), type).toThrow(ContainerError);
    }
  });
});

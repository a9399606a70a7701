import { describe, expect, it } from 'vitest';
import { ContainerError } from './binary-container.js';
import { ID_PART_TARGET_ENTRIES, IdDirectoryPart, idHash, idPartCount, idPartOf, writeIdDirectory } from './id-directory.js';

const toBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Opens every part and looks an id up as the front does. */
function lookup(parts: Uint8Array[]) {
  const opened = parts.map((p, i) => new IdDirectoryPart(toBuffer(p), i, parts.length));
  return (id: string) => opened[idPartOf(idHash(id), parts.length)].shardsOf(idHash(id));
}

describe('id directory', () => {
  it('hashes ids with 32-bit FNV-1a over UTF-16 code units (the build and the Worker agree)', () => {
    expect(idHash('')).toBe(0x811c9dc5);
    expect(idHash('a')).toBe(0xe40c292c);
    expect(idHash('Hà Nội')).not.toBe(idHash('Ha Noi'));
  });

  it('cuts a power of two of parts by the hash\'s top bits, about the target per part', () => {
    expect(idPartCount(0)).toBe(1);
    expect(idPartCount(ID_PART_TARGET_ENTRIES)).toBe(1);
    expect(idPartCount(ID_PART_TARGET_ENTRIES + 1)).toBe(2);
    expect(idPartCount(1_000_000)).toBe(16);
    expect(idPartOf(0xffffffff, 16)).toBe(15);
    expect(idPartOf(0x0fffffff, 16)).toBe(0);
    expect(idPartOf(0xffffffff, 1)).toBe(0);
  });

  it('finds the shard of every id and no shard for an id the build lacks', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => ({ id: `bai-${i}`, shard: i % 7 }));
    const find = lookup(writeIdDirectory(entries));
    for (const e of entries) expect(find(e.id)).toEqual([e.shard]);
    expect(find('bai-3000')).toEqual([]);
    expect(find('')).toEqual([]);
  });

  it('lists every shard of ids whose hashes collide (both are asked, so the lookup stays exact)', () => {
    // Find two ids with the same 32-bit hash (a birthday search over ~2^17 ids).
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; !pair; i++) {
      const id = `x${i}`;
      const h = idHash(id);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, id];
      else seen.set(h, id);
    }
    const find = lookup(writeIdDirectory([{ id: pair[1], shard: 4 }, { id: pair[0], shard: 2 }, { id: 'y', shard: 3 }]));
    expect(find(pair[0])).toEqual([2, 4]);
    expect(find(pair[1])).toEqual([2, 4]);
    expect(find('y')).toEqual([3]);
  });

  it('is deterministic: the same articles in any order give the same bytes', () => {
    const entries = Array.from({ length: 200_000 }, (_, i) => ({ id: String(100_000_000 + i), shard: Math.floor(i / 10_000) }));
    const a = writeIdDirectory(entries);
    const b = writeIdDirectory([...entries].reverse());
    expect(a.length).toBe(4);
    expect(b.map((p, i) => Buffer.from(p).equals(a[i]))).toEqual([true, true, true, true]);
    const find = lookup(a);
    expect(find('100123456')).toEqual([12]);
  });

  it('refuses a part opened as another part, or damaged', () => {
    const parts = writeIdDirectory(Array.from({ length: 140_000 }, (_, i) => ({ id: `a${i}`, shard: 0 })));
    expect(parts.length).toBe(4);
    expect(() => new IdDirectoryPart(toBuffer(parts[1]), 2, 4)).toThrow(ContainerError);
    expect(() => new IdDirectoryPart(toBuffer(parts[1]), 1, 8)).toThrow(/part 1 of 8/);
    const damaged = parts[0].slice();
    damaged[2] ^= 0xff;
    expect(() => new IdDirectoryPart(toBuffer(damaged), 0, 4)).toThrow(ContainerError);
  });
});

import { describe, expect, it } from 'vitest';
import type { ArtifactFile } from '../index-format/manifest.js';
import { ArtifactError } from './artifact.js';
import { copyMissing, readArtifact } from './artifact-store.js';
import { MemoryArtifactStore } from './memory-artifact-store.js';

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
async function artifact(name: string, text: string): Promise<{ file: ArtifactFile; bytes: ArrayBuffer }> {
  const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
  return { file: { file: name, bytes: bytes.byteLength, sha256: hex(await crypto.subtle.digest('SHA-256', bytes)) }, bytes };
}
/** A fetcher over `files` that records what it was asked for. */
function fetcher(files: Map<string, ArrayBuffer>, asked: string[]) {
  return async (name: string) => { asked.push(name); return files.get(name)!.slice(0); };
}

describe('readArtifact', () => {
  it('fetches and verifies what the store lacks, and never writes to the store itself', async () => {
    const a = await artifact('a.bin', 'alpha');
    const asked: string[] = [];
    const store = new MemoryArtifactStore();
    expect(new TextDecoder().decode(await readArtifact(a.file, fetcher(new Map([['a.bin', a.bytes]]), asked), store))).toBe('alpha');
    expect(asked).toEqual(['a.bin']);
    expect(store.puts).toBe(0);
  });

  it('answers from the store without fetching when it holds the file with its size', async () => {
    const a = await artifact('a.bin', 'alpha');
    const asked: string[] = [];
    const store = new MemoryArtifactStore();
    store.put(a.file, a.bytes);
    expect(new TextDecoder().decode(await readArtifact(a.file, fetcher(new Map([['a.bin', a.bytes]]), asked), store))).toBe('alpha');
    expect(asked).toEqual([]);
  });

  it('ignores a stored copy of the wrong size and fetches the file', async () => {
    const a = await artifact('a.bin', 'alpha');
    const asked: string[] = [];
    const store = new MemoryArtifactStore();
    store.put(a.file, new TextEncoder().encode('alp').buffer as ArrayBuffer);
    expect(new TextDecoder().decode(await readArtifact(a.file, fetcher(new Map([['a.bin', a.bytes]]), asked), store))).toBe('alpha');
    expect(asked).toEqual(['a.bin']);
  });

  it('refuses a fetched file that does not match its SHA-256', async () => {
    const a = await artifact('a.bin', 'alpha');
    const wrong = new TextEncoder().encode('ALPHA').buffer as ArrayBuffer;
    await expect(readArtifact(a.file, fetcher(new Map([['a.bin', wrong]]), []))).rejects.toThrow(ArtifactError);
  });
});

describe('copyMissing', () => {
  it('copies missing files until a call has copied `maxBytes` (at least one file), skipping stored and repeated ones', async () => {
    const texts = ['one', 'two', 'three', 'four', 'fiftyfifty'];
    const files = await Promise.all(texts.map((t, i) => artifact(`f${i}.bin`, t)));
    const source = new Map(files.map((f) => [f.file.file, f.bytes]));
    const store = new MemoryArtifactStore();
    store.put(files[1].file, files[1].bytes);
    const list = [...files.map((f) => ({ file: f.file })), { file: files[0].file }];
    const asked: string[] = [];
    // 3 bytes, then 5: past the 6-byte budget, so the call stops at f3 (index 3).
    expect(await copyMissing(list, fetcher(source, asked), store, 6)).toEqual({ copied: 2, bytes: 8, next: 3 });
    expect(asked).toEqual(['f0.bin', 'f2.bin']);
    // A budget smaller than the next file still copies that one file.
    expect(await copyMissing(list, fetcher(source, asked), store, 1, 3)).toEqual({ copied: 1, bytes: 4, next: 4 });
    // The last file, then the repeated f0, already stored: the copy is complete.
    expect(await copyMissing(list, fetcher(source, asked), store, 1, 4)).toEqual({ copied: 1, bytes: 10, next: 6 });
    expect(await copyMissing(list, fetcher(source, asked), store, 1, 6)).toEqual({ copied: 0, bytes: 0, next: 6 });
    // Started from the beginning again (a restarted object), nothing is missing.
    expect(await copyMissing(list, fetcher(source, asked), store, 1)).toEqual({ copied: 0, bytes: 0, next: 6 });
    expect(asked).toEqual(['f0.bin', 'f2.bin', 'f3.bin', 'f4.bin']);
    for (const [i, f] of files.entries()) expect(new TextDecoder().decode(store.get(f.file)!)).toBe(texts[i]);
  });

  it('never stores a corrupt file: the error propagates and the store keeps what it had', async () => {
    const a = await artifact('a.bin', 'alpha');
    const b = await artifact('b.bin', 'beta');
    const store = new MemoryArtifactStore();
    const source = new Map([['a.bin', a.bytes], ['b.bin', new TextEncoder().encode('BETA').buffer as ArrayBuffer]]);
    await expect(copyMissing([{ file: a.file }, { file: b.file }], fetcher(source, []), store, 10)).rejects.toThrow(/corrupt or from another build/);
    expect(store.has(a.file)).toBe(true);
    expect(store.has(b.file)).toBe(false);
  });

  it('stores a file of packed blocks block by block, each verified, and a block is then read alone', async () => {
    const blocks = await Promise.all(['first block', 'second', 'third one'].map((t, i) => artifact(`b${i}`, t)));
    const whole = new TextEncoder().encode('first blocksecondthird one').buffer as ArrayBuffer;
    const pack = await artifact('p.bin', 'first blocksecondthird one');
    let at = 0;
    const parts = blocks.map((b) => { const part = { ...b.file, file: 'p.bin', offset: at }; at += b.file.bytes; return part; });
    const store = new MemoryArtifactStore();
    const asked: string[] = [];
    expect(await copyMissing([{ file: pack.file, parts }], fetcher(new Map([['p.bin', whole]]), asked), store, 1)).toEqual({ copied: 1, bytes: whole.byteLength, next: 1 });
    expect(asked).toEqual(['p.bin']);
    expect(parts.map((p) => new TextDecoder().decode(store.get(p)!))).toEqual(['first block', 'second', 'third one']);
    // Complete: nothing fetched again; a block is read from the store alone.
    expect(await copyMissing([{ file: pack.file, parts }], fetcher(new Map([['p.bin', whole]]), asked), store, 1)).toEqual({ copied: 0, bytes: 0, next: 1 });
    expect(new TextDecoder().decode(await readArtifact(parts[1], fetcher(new Map(), asked), store))).toBe('second');
    expect(asked).toEqual(['p.bin']);
  });

  it('reads a block out of its fetched file when the store lacks it, and refuses a file whose block does not verify', async () => {
    const b = await artifact('b', 'second');
    const part = { ...b.file, file: 'p.bin', offset: 11 };
    const ok = new TextEncoder().encode('first blocksecondthird one').buffer as ArrayBuffer;
    expect(new TextDecoder().decode(await readArtifact(part, fetcher(new Map([['p.bin', ok]]), []), new MemoryArtifactStore()))).toBe('second');
    const bad = new TextEncoder().encode('first blockSECONDthird one').buffer as ArrayBuffer;
    await expect(readArtifact(part, fetcher(new Map([['p.bin', bad]]), []))).rejects.toThrow(/block at byte 11 of index file p\.bin is corrupt/);
    const store = new MemoryArtifactStore();
    await expect(copyMissing([{ file: { file: 'p.bin', bytes: 26, sha256: 'x' }, parts: [part] }], fetcher(new Map([['p.bin', bad]]), []), store, 1)).rejects.toThrow(ArtifactError);
    expect(store.has(part)).toBe(false);
  });
});

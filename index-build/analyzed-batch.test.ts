import { describe, expect, it } from 'vitest';
import { TermCollector } from '../src/index-format/term-collector.js';
import { batchBuffers, packBatch, unpackBatch } from './analyzed-batch.js';

describe('analyzed batches', () => {
  it('unpack to the documents and records that were packed, with term ids renumbered', () => {
    const c = new TermCollector(64);
    const docs = [c.add(['Hà Nội mưa lớn'], ['Mưa lớn ở Hà Nội chiều nay.']), c.add([], []), c.add(['Giá vàng'], ['Giá vàng tăng.'])];
    const records = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array([4])];
    const batch = packBatch(docs, records);
    expect(batchBuffers(batch)).toHaveLength(10);
    const shift = Uint32Array.from(c.keys, (_, id) => id + 100);
    const out = unpackBatch(batch, shift);
    expect(out.records).toEqual(records);
    expect(out.docs).toHaveLength(3);
    out.docs.forEach((d, i) => {
      expect([...d.termIds]).toEqual([...docs[i].termIds].map((id) => id + 100));
      expect([...d.tfTitle]).toEqual([...docs[i].tfTitle]);
      expect([...d.tfBody]).toEqual([...docs[i].tfBody]);
      expect([d.lenTitle, d.lenBody]).toEqual([docs[i].lenTitle, docs[i].lenBody]);
      expect([...d.headline]).toEqual([...docs[i].headline].map((id) => id + 100));
      expect([...d.headlineExact]).toEqual([...docs[i].headlineExact].map((id) => id + 100));
    });
  });
});

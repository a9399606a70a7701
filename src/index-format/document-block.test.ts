import { describe, expect, it } from 'vitest';
import { packRecords } from './document-block.js';

describe('packRecords', () => {
  it('copies records into one buffer, in order, keeping the gaps', () => {
    const block = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const got = packRecords([block.subarray(2, 4), undefined, block.subarray(5, 8), block.subarray(0, 0)]);
    expect(got.map((r) => (r ? [...r] : null))).toEqual([[3, 4], null, [6, 7, 8], []]);
    expect(got[0]!.buffer).toBe(got[2]!.buffer);
    expect(got[0]!.buffer).not.toBe(block.buffer);
    expect(got[0]!.buffer.byteLength).toBe(5);
    block[2] = 99; // the copies do not follow the block
    expect(got[0]![0]).toBe(3);
  });
});

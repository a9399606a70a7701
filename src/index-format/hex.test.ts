import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hex } from './hex.js';

describe('hex', () => {
  it('spells every byte value with two lower-case digits', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(hex(all)).toBe(Buffer.from(all).toString('hex'));
    expect(hex(new Uint8Array([0x0f, 0xa0]))).toBe('0fa0');
  });

  it('reads an ArrayBuffer or a view into the middle of one', () => {
    const digest = createHash('sha256').update('Hà Nội').digest();
    const buf = new Uint8Array(40);
    buf.set(digest, 8);
    expect(hex(buf.subarray(8, 40))).toBe(digest.toString('hex'));
    expect(hex(buf.slice(8, 40).buffer)).toBe(digest.toString('hex'));
    expect(hex(new Uint8Array(0))).toBe('');
  });
});

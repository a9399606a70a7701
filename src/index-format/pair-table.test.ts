import { describe, expect, it } from 'vitest';
import { PairTable } from './pair-table.js';

describe('PairTable', () => {
  it('numbers pairs in order of first sight, counts repeats and keeps (a, b) apart from (b, a)', () => {
    const t = new PairTable(2);
    expect(t.add(1, 2)).toBe(0);
    expect(t.add(2, 1)).toBe(1);
    expect(t.add(1, 2)).toBe(0);
    expect(t.size).toBe(2);
    expect([t.firstOf(0), t.secondOf(0), t.countOf(0)]).toEqual([1, 2, 2]);
    expect([t.firstOf(1), t.secondOf(1), t.countOf(1)]).toEqual([2, 1, 1]);
    expect(t.find(1, 2)).toBe(0);
    expect(t.find(3, 3)).toBe(-1);
  });

  it('keeps payloads and counts through growth, agreeing with a Map', () => {
    const t = new PairTable(4);
    const ref = new Map<string, { n: number; count: number }>();
    let x = 12345;
    for (let i = 0; i < 50_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const a = x % 300;
      const b = (x >>> 9) % 300;
      const n = t.add(a, b);
      if (t.countOf(n) === 1) t.setPayload(n, a * 1000 + b);
      const key = `${a} ${b}`;
      const r = ref.get(key) ?? { n: ref.size, count: 0 };
      r.count++;
      ref.set(key, r);
      expect(n).toBe(r.n);
    }
    expect(t.size).toBe(ref.size);
    for (const [key, r] of ref) {
      const [a, b] = key.split(' ').map(Number);
      expect(t.find(a, b)).toBe(r.n);
      expect(t.countOf(r.n)).toBe(r.count);
      expect(t.payloadOf(r.n)).toBe(a * 1000 + b);
    }
  });

  it('copies its columns by pair number, sized to the pairs held', () => {
    const t = new PairTable(2);
    t.add(7, 8);
    t.add(1, 2, 5);
    t.add(7, 8);
    const c = t.columns();
    expect([...c.first]).toEqual([7, 1]);
    expect([...c.second]).toEqual([8, 2]);
    expect([...c.counts]).toEqual([2, 5]);
    t.add(7, 8);
    expect(c.counts[0]).toBe(2); // a copy
  });
});

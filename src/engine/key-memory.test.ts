import { describe, expect, it } from 'vitest';
import { KeyMemory } from './key-memory.js';

describe('KeyMemory', () => {
  it('gives the UTF-8 bytes of a key, the same array each time', () => {
    const m = new KeyMemory(() => {});
    const a = m.encoder('ha=hà');
    expect(Array.from(a)).toEqual(Array.from(new TextEncoder().encode('ha=hà')));
    expect(m.encoder('ha=hà')).toBe(a);
    expect(m.encoder('ha')).not.toBe(a);
    expect(m.size).toBe(2);
  });

  it('empties itself only when trimmed at its capacity, and says so', () => {
    let forgotten = 0;
    const m = new KeyMemory(() => forgotten++, 2);
    const a = m.encoder('a');
    m.encoder('b');
    m.encoder('c'); // past the capacity within a search: nothing dropped yet
    expect(m.encoder('a')).toBe(a);
    expect(forgotten).toBe(0);
    m.trim();
    expect(forgotten).toBe(1);
    expect(m.size).toBe(0);
    expect(m.encoder('a')).not.toBe(a);
    m.trim(); // one key, below the capacity
    expect(forgotten).toBe(1);
  });
});

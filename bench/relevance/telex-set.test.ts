import { describe, expect, it } from 'vitest';
import { scoreDecoding, typedQueries } from './telex-set.js';

describe('scoreDecoding', () => {
  const sources = ['Hà Nội mưa to', 'giá vàng'];
  const typed = typedQueries(sources, 'telex');

  it('counts the marked words that come back exactly, wrongly, or as typed', () => {
    expect(typed).toEqual(['Haf Nooij muwa to', 'gias vangf']);
    expect(scoreDecoding(sources, typed, ['hà nội mưa to', null])).toEqual({ words: 5, right: 3, wrong: 0, undecoded: 2, spoiled: 0, unaligned: 0 });
    expect(scoreDecoding(sources, typed, ['hà nồi mưa to', 'giá vàng'])).toEqual({ words: 5, right: 4, wrong: 1, undecoded: 0, spoiled: 0, unaligned: 0 });
  });

  it('counts words without marks that came back with marks', () => {
    expect(scoreDecoding(['Hari Won'], ['hari won'], ['hải won'])).toMatchObject({ words: 0, spoiled: 1 });
  });

  it('counts the words of an interpretation that does not align as undecoded', () => {
    expect(scoreDecoding(['giá vàng'], ['gias vangf'], ['giá'])).toEqual({ words: 2, right: 0, wrong: 0, undecoded: 2, spoiled: 0, unaligned: 1 });
  });
});

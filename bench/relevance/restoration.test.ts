import { describe, expect, it } from 'vitest';
import { scoreRestoration } from './restoration.js';

describe('scoreRestoration', () => {
  it('counts right, wrong and open syllables among those the headline spells with diacritics', () => {
    const s = scoreRestoration(
      ['Hà Nội mưa to', 'Áp thấp nhiệt đới', 'Taxi truyền thống'],
      ['Ha Noi mua to', 'Ap thap nhiet doi', 'Taxi truyen thong'],
      ['hà nội mưa to', 'áp thấp nhiệt đối', null],
    );
    // "to" and "Taxi" carry no diacritics: not scored. Query 3 restored nothing: 2 open.
    expect(s).toEqual({ syllables: 9, right: 6, wrong: 1, open: 2, unaligned: 0 });
  });

  it('skips a query whose interpretation does not align syllable for syllable', () => {
    const s = scoreRestoration(['Hà Nội'], ['Ha Noi'], ['hà nội mới']);
    expect(s).toMatchObject({ syllables: 0, unaligned: 1 });
  });
});

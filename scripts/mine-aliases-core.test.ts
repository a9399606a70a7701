import { describe, expect, it } from 'vitest';
import { mineAbbreviations } from './mine-aliases-core.js';

describe('mineAbbreviations', () => {
  it('finds the longest long form seen before most occurrences of an abbreviation', () => {
    const texts = [
      'Kỳ họp thứ ba của Hội đồng nhân dân (HĐND) tỉnh.',
      'Theo Hội đồng nhân dân (HĐND) thành phố, …',
      'Thường trực Hội đồng nhân dân (HĐND) họp.',
      'Tổ chức Y tế Thế giới (viết tắt WHO) cảnh báo. Tổ chức Y tế Thế giới (WHO) và Tổ chức Y tế Thế giới (WHO).',
      'Một lần (XYZ) thôi.',
    ];
    expect(mineAbbreviations(texts)).toEqual([
      { abbreviation: 'HĐND', occurrences: 3, support: 3, longForm: 'hội đồng nhân dân' },
      { abbreviation: 'WHO', occurrences: 3, support: 3, longForm: 'tổ chức y tế thế giới' },
    ]);
  });

  it('lists nothing below the minimum or without words before the parenthesis', () => {
    expect(mineAbbreviations(['(ABC) (ABC) (ABC)'])).toEqual([]);
    expect(mineAbbreviations(['Một lần (XYZ) thôi.'], 2)).toEqual([]);
  });
});

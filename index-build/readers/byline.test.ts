import { describe, expect, it } from 'vitest';
import { parseByline } from './byline.js';

describe('parseByline', () => {
  it('splits author and agency', () => {
    expect(parseByline('THANH BÌNH (TTXVN)')).toEqual({ author: 'THANH BÌNH', agency: 'TTXVN' });
    expect(parseByline('NGUYỄN VĂN A - TRẦN B. (TTXVN/VIETNAM+)')).toEqual({
      author: 'NGUYỄN VĂN A - TRẦN B.',
      agency: 'TTXVN/VIETNAM+',
    });
  });
  it('accepts an author alone or an agency alone', () => {
    expect(parseByline('MINH HÀ')).toEqual({ author: 'MINH HÀ' });
    expect(parseByline('(TTXVN)')).toEqual({ agency: 'TTXVN' });
  });
  it('rejects lines with lower-case letters, digits, or too long', () => {
    expect(parseByline('Theo TTXVN')).toBeNull();
    expect(parseByline('Thanh Bình (TTXVN)')).toBeNull();
    expect(parseByline('THANH BÌNH (Thông tấn xã)')).toBeNull();
    expect(parseByline('ĐIỀU 15')).toBeNull();
    expect(parseByline('A')).toBeNull();
    expect(parseByline('')).toBeNull();
    expect(parseByline('MỘT HAI BA BỐN NĂM SÁU BẢY TÁM CHÍN MƯỜI MƯỜI MỘT')).toBeNull();
  });
});

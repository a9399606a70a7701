import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersectionSize, isNearDuplicate, MAX_SHINGLE_WORDS, overlap, shingleSet, shingleText } from './shingles.js';

const STORY = 'Sáng 8/8, tuyến đường sắt đô thị Nhổn - ga Hà Nội chính thức vận hành thương mại đoạn trên cao dài 8,5 km với 8 nhà ga. '
  + 'Mỗi ngày tuyến metro chạy 224 chuyến từ 5 giờ 30 đến 22 giờ, giãn cách 10 phút một chuyến. '
  + 'Trong 15 ngày đầu, hành khách được đi tàu miễn phí để làm quen với hệ thống soát vé tự động.';
const OTHER = 'Giá vàng miếng SJC sáng nay tăng 500.000 đồng mỗi lượng theo đà tăng của giá vàng thế giới khi đồng USD suy yếu. '
  + 'Giới phân tích cho rằng nhu cầu mua vàng tích trữ của các ngân hàng trung ương vẫn ở mức cao trong năm nay.';

describe('shingleSet', () => {
  it('is the sorted, distinct hashes of lower-cased word triples; punctuation and case do not matter', () => {
    const a = shingleSet('Hà Nội, mùa thu; Hà Nội mùa thu!');
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
    expect(new Set(a).size).toBe(a.length);
    expect(a.length).toBe(4); // hà nội mùa, nội mùa thu, mùa thu hà, thu hà nội (the repeat adds nothing new)
    expect(shingleSet('HÀ NỘI MÙA THU')).toEqual(shingleSet('hà   nội\nmùa-thu'));
  });

  it('gives one shingle for one or two words and none for no words', () => {
    expect(shingleSet('Hà Nội').length).toBe(1);
    expect(shingleSet('... !!! ').length).toBe(0);
    expect(shingleSet('')).toEqual(new Uint32Array(0));
  });

  it('reads at most MAX_SHINGLE_WORDS words', () => {
    const words = Array.from({ length: MAX_SHINGLE_WORDS * 2 }, (_, i) => `w${i}`).join(' ');
    expect(shingleSet(words).length).toBe(MAX_SHINGLE_WORDS - 2);
  });
});

describe('overlap and near-duplicates', () => {
  it('intersectionSize agrees with a set intersection (fuzzed)', () => {
    const sorted = fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 80 }).map((a) => Uint32Array.from(a.sort((x, y) => x - y)));
    fc.assert(fc.property(sorted, sorted, (a, b) => {
      const inB = new Set(b);
      expect(intersectionSize(a, b)).toBe([...a].filter((x) => inB.has(x)).length);
    }));
  });

  it('an identical text, a reprint with an extra sentence and a shortened copy are copies', () => {
    const s = shingleSet(STORY);
    expect(isNearDuplicate(s, shingleSet(STORY))).toBe(true);
    expect(isNearDuplicate(s, shingleSet(`${STORY} Nhiều hành khách cho biết tàu sạch sẽ và đúng giờ, nhân viên nhiệt tình.`))).toBe(true);
    const shortened = STORY.split('. ').slice(0, 2).join('. ');
    expect(overlap(shingleSet(shortened), s).containment).toBeGreaterThan(0.9);
    expect(isNearDuplicate(shingleSet(shortened), s)).toBe(true);
  });

  it('different stories are not copies, even under the same headline', () => {
    const a = shingleSet(shingleText({ title: 'Giá vàng tăng trở lại', body: OTHER }));
    const b = shingleSet(shingleText({ title: 'Giá vàng tăng trở lại', body: STORY }));
    expect(isNearDuplicate(a, b)).toBe(false);
    expect(isNearDuplicate(shingleSet(STORY), shingleSet(OTHER))).toBe(false);
  });

  it('a headline-only stub is not a copy of the article it appears in', () => {
    const stub = shingleSet('Metro Nhổn - ga Hà Nội');
    expect(isNearDuplicate(stub, shingleSet(`Metro Nhổn - ga Hà Nội vận hành. ${STORY}`))).toBe(false);
    expect(isNearDuplicate(new Uint32Array(0), new Uint32Array(0))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { areCopies, CopyOracle, setOverlap, wordShingles } from './duplicates.js';

const story = 'Sáng nay Thủ tướng Nguyễn Xuân Phúc lên đường thăm chính thức Nhật Bản theo lời mời của Thủ tướng Shinzo Abe và dự hội nghị Tương lai châu Á lần thứ 23 tại Tokyo';

describe('benchmark copy relation', () => {
  it('shingles lower-cased word triples', () => {
    expect([...wordShingles('Hà Nội, mùa thu!')]).toEqual(['hà nội mùa', 'nội mùa thu']);
    expect([...wordShingles('Hà Nội')]).toEqual(['hà nội']);
    expect(wordShingles('...').size).toBe(0);
  });

  it('computes Jaccard and containment exactly', () => {
    const o = setOverlap(new Set(['a', 'b', 'c', 'd']), new Set(['c', 'd', 'e']));
    expect(o.jaccard).toBeCloseTo(2 / 5);
    expect(o.containment).toBeCloseTo(2 / 3);
  });

  it('a reprint with an extra sentence is a copy; a different story under the same words is not', () => {
    const reprint = `${story}. Chuyến thăm kéo dài bốn ngày.`;
    expect(areCopies(wordShingles(story), wordShingles(reprint))).toBe(true);
    const other = 'Giá vàng hôm nay tăng mạnh sau khi đồng USD suy yếu trên thị trường thế giới trong phiên giao dịch đêm qua';
    expect(areCopies(wordShingles(story), wordShingles(other))).toBe(false);
  });

  it('the oracle never calls an article its own copy and memoizes', () => {
    let reads = 0;
    const texts: Record<string, string> = { a: story, b: story, c: 'khác hẳn một câu chuyện về bóng đá Việt Nam và đội tuyển U23 tại giải châu Á' };
    const o = new CopyOracle((id) => { reads++; return texts[id]; });
    expect(o.copies('a', 'a')).toBe(false);
    expect(o.copies('a', 'b')).toBe(true);
    expect(o.copies('b', 'a')).toBe(true);
    expect(o.copies('a', 'c')).toBe(false);
    expect(reads).toBeLessThan(10);
  });
});

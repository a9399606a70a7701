import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../lib/prng.js';
import { drawName, findNames, learnNames, replaceNames } from './names.js';

const texts = [
  'Ông Nguyễn Văn Hùng, Chủ tịch UBND xã, cho biết anh Hùng đã về. Ông Trần Đức Minh Khôi có mặt.',
  'Bộ trưởng Lê Thị Mai Anh làm việc tại Hà Nội với ông Phạm Quang Tùng.',
  ...Array.from({ length: 30 }, (_, i) => `Tổng thống Donald Trump và Nguyễn Phú Trọng gặp nhau lần ${i}.`),
];

describe('findNames', () => {
  it('finds full names by family name and given names after a title', () => {
    const { full, given } = findNames(texts[0]);
    expect(full).toEqual(['Nguyễn Văn Hùng', 'Trần Đức Minh Khôi']);
    expect(given).toContain('Hùng');
  });
  it('does not start a name inside a word', () => {
    expect(findNames('xeNguyễn Văn A').full).toEqual([]);
  });
});

describe('replaceNames', () => {
  const model = learnNames(texts, 25);

  it('keeps newsmakers mentioned in many articles', () => {
    expect(model.newsmakers.has('Nguyễn Phú Trọng')).toBe(true);
    const out = replaceNames([texts[5]], model, mulberry32(1)).texts[0];
    expect(out).toContain('Nguyễn Phú Trọng');
  });

  it('replaces other people consistently, given names following their full name', () => {
    const { texts: [out], replaced } = replaceNames([texts[0]], model, mulberry32(7));
    expect(replaced).toBe(2);
    expect(out).not.toContain('Nguyễn Văn Hùng');
    const newName = /^Ông (\S+ \S+ (\S+)),/u.exec(out);
    expect(newName).not.toBeNull();
    expect(out).toContain(`anh ${newName![2]}`);
  });

  it('draws names from the learned given names and the family-name table', () => {
    const rand = mulberry32(3);
    for (let i = 0; i < 20; i++) {
      const name = drawName(model, rand, 3).split(' ');
      expect(name).toHaveLength(3);
      expect(['Hùng', 'Khôi', 'Anh', 'Tùng', 'Trọng']).toContain(name[2]);
    }
  });
});

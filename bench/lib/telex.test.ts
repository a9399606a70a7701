import { describe, expect, it } from 'vitest';
import { typeText, typeWord } from './telex.js';

describe('typeWord', () => {
  it('types Telex in the standard order: marks after their letter, tone last', () => {
    expect(typeWord('người', 'telex')).toBe('nguwowif');
    expect(typeWord('việt', 'telex')).toBe('vieetj');
    expect(typeWord('đường', 'telex')).toBe('dduwowngf');
    expect(typeWord('nguyễn', 'telex')).toBe('nguyeenx');
    expect(typeWord('ăn', 'telex')).toBe('awn');
    expect(typeWord('hoa', 'telex')).toBe('hoa');
  });

  it('types Telex in the free order: letters, then vowel marks, then the tone', () => {
    expect(typeWord('người', 'telex-free')).toBe('nguoiwf');
    expect(typeWord('việt', 'telex-free')).toBe('vietej');
    expect(typeWord('đường', 'telex-free')).toBe('dduongwf');
    expect(typeWord('Nội', 'telex-free')).toBe('Noioj');
  });

  it('types VNI with digits after the letters', () => {
    expect(typeWord('người', 'vni')).toBe('nguoi72');
    expect(typeWord('đường', 'vni')).toBe('duong972');
    expect(typeWord('hà', 'vni')).toBe('ha2');
  });

  it('keeps what is not a Vietnamese letter, typing each run of letters as a word', () => {
    expect(typeText('U23 Việt Nam', 'telex')).toBe('U23 Vieetj Nam');
    expect(typeText('Hà Nội: Quốc-Mỹ', 'telex')).toBe('Haf Nooij: Quoocs-Myx');
    expect(typeText('Đà Nẵng', 'telex-free')).toBe('Ddaf Nangwx');
  });
});

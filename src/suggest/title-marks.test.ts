import { describe, expect, it } from 'vitest';
import { markTitle } from './title-marks.js';

describe('markTitle', () => {
  it('marks query words diacritic-insensitively, adjacent ones in one mark', () => {
    expect(markTitle('Phố sách Hà Nội hút khách', 'ha noi', false).html).toBe('Phố sách <mark>Hà Nội</mark> hút khách');
  });
  it('marks the typed prefix of the last word', () => {
    expect(markTitle('Thành phố Hồ Chí Minh', 'thanh ph', true).html).toBe('<mark>Thành ph</mark>ố Hồ Chí Minh');
    expect(markTitle('Giá phòng trọ', 'ph', true).html).toBe('Giá <mark>ph</mark>òng trọ');
  });
  it('escapes the title', () => {
    expect(markTitle('A <b> & "Hà"', 'ha', false)).toEqual({ text: 'A <b> & "Hà"', html: 'A &lt;b&gt; &amp; &quot;<mark>Hà</mark>&quot;', phrase: true });
  });
  it('says whether the title holds the query as a phrase', () => {
    expect(markTitle('Thành phố Hồ Chí Minh', 'thanh ph', true).phrase).toBe(true);
    expect(markTitle('Cổ phiếu tăng, thanh khoản cao', 'thanh ph', true).phrase).toBe(false);
    expect(markTitle('Thành phố Hồ Chí Minh', 'thanh ph', false).phrase).toBe(false);
  });
});

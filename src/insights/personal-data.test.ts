import { describe, expect, it } from 'vitest';
import { looksPersonal } from './personal-data.js';

describe('looksPersonal', () => {
  it('flags e-mail addresses', () => {
    for (const q of ['nguyen.van.a@gmail.com', 'liên hệ abc@báo.vn', 'x+y@z', 'A@B']) expect(looksPersonal(q), q).toBe(true);
  });

  it('flags phone numbers in the usual Vietnamese and international shapes', () => {
    for (const q of ['0912345678', '0912 345 678', '0912.345.678', '091-234-5678', '+84 912 345 678', '+84912345678', '84912345678', '(024) 3825 1234', 'gọi 0987654321 ngay']) {
      expect(looksPersonal(q), q).toBe(true);
    }
  });

  it('flags long identity or account numbers', () => {
    for (const q of ['001203004567', 'cmnd 123456789']) expect(looksPersonal(q), q).toBe(true);
  });

  it('leaves ordinary news queries alone', () => {
    for (const q of ['ha noi', 'giá vàng 9999', 'world cup 2010 2014 2018', '8/10/2011', '1.234.567.890 đồng', 'u23 việt nam', 'covid-19', '@', 'email', 'so dien thoai', '12345678', 'năm 2024']) {
      expect(looksPersonal(q), q).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeText', () => {
  it('decodes UTF-8 and strips a UTF-8 BOM', () => {
    expect(decodeText(utf8('Hà Nội'))).toEqual({ ok: true, text: 'Hà Nội' });
    expect(decodeText(utf8('\uFEFFHà Nội'))).toEqual({ ok: true, text: 'Hà Nội' });
  });

  it('turns CRLF / CR into LF and NFD into NFC', () => {
    const r = decodeText(utf8('Việt Nam\r\nHà Nội\rĐà Nẵng'.normalize('NFD')));
    expect(r).toEqual({ ok: true, text: 'Việt Nam\nHà Nội\nĐà Nẵng' });
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM, with a note', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tiếng Việt\r\n', 'utf16le')]);
    const r = decodeText(new Uint8Array(le));
    expect(r).toMatchObject({ ok: true, text: 'Tiếng Việt\n' });
    expect(r.ok && r.note).toMatch(/UTF-16LE \(BOM\)/);

    const be = Buffer.from(Buffer.from('Tiếng Việt', 'utf16le'));
    be.swap16();
    const rb = decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(rb).toMatchObject({ ok: true, text: 'Tiếng Việt' });
    expect(rb.ok && rb.note).toMatch(/UTF-16BE \(BOM\)/);
  });

  it('rejects malformed UTF-16', () => {
    const r = decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]));
    expect(r).toMatchObject({ ok: false, reason: 'not-utf8' });
  });

  it('reports binary data (NUL bytes, mostly control bytes)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);
    const r = decodeText(png);
    expect(r).toMatchObject({ ok: false, reason: 'binary' });
    expect(!r.ok && r.detail).toMatch(/binary/);
    const controls = new Uint8Array(200).map((_, i) => (i % 2 ? 0x01 : 0x41));
    expect(decodeText(controls)).toMatchObject({ ok: false, reason: 'binary' });
  });

  it('reports legacy encodings (Windows-1258) as not-utf8 with the bad byte, its offset and an iconv hint', () => {
    // "Ngày hôm nay" in Windows-1258: à = 0xE0, ô = 0xF4
    const cp1258 = new Uint8Array([0x4e, 0x67, 0xe0, 0x79, 0x20, 0x68, 0xf4, 0x6d, 0x20, 0x6e, 0x61, 0x79]);
    const r = decodeText(cp1258);
    expect(r).toMatchObject({ ok: false, reason: 'not-utf8' });
    expect(!r.ok && r.detail).toBe(
      'not valid UTF-8 (byte 0xE0 at offset 2); if this is Windows-1258 or another legacy encoding, convert it with `iconv -f WINDOWS-1258 -t UTF-8`',
    );
  });

  it('counts the offset from the start of the file when there is a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc3]); // truncated 2-byte sequence at the end
    const r = decodeText(bytes);
    expect(!r.ok && r.detail).toMatch(/byte 0xC3 at offset 4/);
  });

  it('rejects overlong encodings and surrogates', () => {
    expect(decodeText(new Uint8Array([0x41, 0xc0, 0x80]))).toMatchObject({ ok: false, reason: 'not-utf8' });
    const s = decodeText(new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80]));
    expect(!s.ok && s.detail).toMatch(/byte 0xED at offset 2/);
  });

  it('reports empty and whitespace-only files', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeText(utf8(' \r\n\t\n'))).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeText(utf8('\uFEFF'))).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeText(utf8('\u200B\u200B\n'))).toMatchObject({ ok: false, reason: 'empty' });
  });
});

/**
 * Text normalization applied to everything before it is stored or tokenized.
 * @module
 */

/** What to do with each BMP code unit: 0 keep, 1 drop, 2 surrogate (check pairing), else the replacement code. */
const ACTION = new Uint16Array(0x10000);
for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]) ACTION[c] = 1;
for (let c = 0xd800; c <= 0xdfff; c++) ACTION[c] = 2;
ACTION[0x00d0] = 0x0110; // Ð (eth) → Đ
ACTION[0x0189] = 0x0110; // Ɖ (African D) → Đ
ACTION[0x00f0] = 0x0111; // ð (eth) → đ
ACTION[0x0256] = 0x0111; // ɖ (d with tail) → đ

/**
 * Normalizes text for storage and tokenization: NFC; the look-alikes `Ð` (U+00D0) and `Ɖ` (U+0189)
 * become `Đ`, `ð` (U+00F0) and `ɖ` (U+0256) become `đ`; zero-width and invisible characters
 * (U+200B, U+200C, U+200D, U+2060, U+FEFF, soft hyphen U+00AD) are removed; lone surrogates become
 * U+FFFD. Case and tone placement are kept as the author wrote them. Never throws.
 * @param s any string
 * @returns the normalized string
 */
export function normalizeText(s: string): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const a = ACTION[s.charCodeAt(i)];
    if (a !== 0) {
      if (a !== 2) break;
      const c = s.charCodeAt(i);
      if (c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      else break;
    }
  }
  if (i === n) return s.normalize('NFC');
  let out = '';
  let from = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const a = ACTION[c];
    if (a === 0) continue;
    if (a === 2) {
      if (c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        i++;
        continue;
      }
      out += s.slice(from, i) + '\ufffd';
    } else {
      out += s.slice(from, i);
      if (a !== 1) out += String.fromCharCode(a);
    }
    from = i + 1;
  }
  out += s.slice(from);
  return out.normalize('NFC');
}

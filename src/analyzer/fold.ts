/**
 * Diacritic folding: the accent-insensitive form of a token (`đường` → `duong`).
 * @module
 */

/** Characters below this code point are folded by table; others take the generic path. */
const TABLE_SIZE = 0x1f00;
/** Folded code for each table character: -1 not precomputed, 0 dropped (combining mark), else the code. */
const FOLD = new Int32Array(TABLE_SIZE).fill(-1);

function initTable(from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const folded = String.fromCharCode(c).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (folded.length === 1 && folded.charCodeAt(0) < 0x300) FOLD[c] = folded.charCodeAt(0);
  }
}
for (let c = 0; c < 0x80; c++) FOLD[c] = c;
initTable(0x80, 0x24f); // Latin-1 Supplement, Latin Extended-A/B
initTable(0x1e00, 0x1eff); // Latin Extended Additional (most Vietnamese vowels)
for (let c = 0x300; c <= 0x36f; c++) FOLD[c] = 0;
FOLD[0x111] = 0x64; // đ → d
FOLD[0x110] = 0x44; // Đ → D

const COMBINING = /[\u0300-\u036f]/g;

/**
 * Removes every diacritic: the string is NFD-decomposed and U+0300–U+036F dropped; `đ` → `d`,
 * `Đ` → `D`. Case is kept. ASCII strings are returned as is; Latin text goes through a lookup
 * table; anything else takes the generic path, which re-composes the result (NFC) so scripts that
 * merely decompose under NFD (Hangul) are not torn apart.
 * @param s any string
 * @returns the folded string
 */
export function foldDiacritics(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && s.charCodeAt(i) < 0x80) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = c < TABLE_SIZE ? FOLD[c] : -1;
    if (f > 0) out += String.fromCharCode(f);
    else if (f < 0) return foldGeneric(s);
  }
  return out;
}

function foldGeneric(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

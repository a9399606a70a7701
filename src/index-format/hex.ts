/**
 * Lower-case hexadecimal spelling of bytes, the way the index names and checks files by SHA-256.
 * One table of the 256 two-digit spellings: a shard object spells two digests for every block it
 * loads (its file and its own SHA-256), hundreds per search over a large archive.
 * @module
 */

const DIGITS: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** The bytes as lower-case hexadecimal, two digits a byte (`[0x0f, 0xa0]` → `"0fa0"`). */
export function hex(bytes: Uint8Array | ArrayBuffer): string {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (let i = 0; i < u8.length; i++) out += DIGITS[u8[i]];
  return out;
}

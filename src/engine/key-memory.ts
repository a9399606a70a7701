/**
 * Index keys' UTF-8 bytes kept across searches, one array per key, so that whatever is remembered
 * about a key (where a shard holds it) can be keyed by that array. Bounded by a number of keys: once
 * full, everything is dropped at once (between searches: {@link KeyMemory.trim}) and the owner told
 * to forget what it keyed by the old arrays.
 * @module
 */
import { utf8Bytes } from '../index-format/term-dictionary.js';
import type { KeyEncoder } from './shard-searcher.js';

/**
 * Keys a shard remembers (see {@link KeyMemory}). A remembered key costs ~390 bytes (string, array,
 * map entries, where the shard holds it), so this is ~1.6 MB per shard. The 1,100-query benchmark
 * mix looks up 9,087 distinct keys on a 35k shard; 2,048, 4,096 and 8,192 keys searched it equally
 * fast (4.62–4.73 ms mean, in process), all ~8 % faster than finding every key again (5.0 ms).
 */
export const KEY_MEMORY_KEYS = 4096;

/** UTF-8 bytes of keys, one array per key, kept until {@link KEY_MEMORY_KEYS} (or `capacity`) keys. */
export class KeyMemory {
  private readonly bytes = new Map<string, Uint8Array>();

  /**
   * @param onForget called whenever the arrays handed out so far are dropped (anything keyed by them
   *   must be dropped too); a memory used for one search only, never trimmed, needs none
   */
  constructor(private readonly onForget: () => void = () => undefined, private readonly capacity: number = KEY_MEMORY_KEYS) {}

  /** The key's bytes: the same array for the same key until the memory is next trimmed. */
  readonly encoder: KeyEncoder = (key) => {
    let b = this.bytes.get(key);
    if (b === undefined) {
      b = utf8Bytes(key);
      this.bytes.set(key, b);
    }
    return b;
  };

  /**
   * Call before each search: when the memory holds `capacity` keys or more, drops them all and calls
   * `onForget` (it exceeds the capacity by at most one search's keys).
   */
  trim(): void {
    if (this.bytes.size < this.capacity) return;
    this.bytes.clear();
    this.onForget();
  }

  /** Keys held now. */
  get size(): number {
    return this.bytes.size;
  }
}

/**
 * The id directory: which shard holds each built article, so that requests addressed by an article's
 * id (`GET /articles/:id`, `/articles/:id/related`) ask the one shard that holds it instead of every
 * shard — one Durable Object call instead of one per shard (56 at a million articles).
 *
 * Each id is hashed ({@link idHash}, 32 bits); the directory is cut into a power-of-two number of parts
 * by the hash's top bits ({@link idPartCount}: about {@link ID_PART_TARGET_ENTRIES} ids per part, so a
 * part is ~0.4 MB however large the archive, and a lookup fetches one). A part holds its entries'
 * hashes ascending with each entry's shard. Ids whose hashes collide are all listed, so a lookup may
 * name two shards (then both are asked); an id whose hash is absent is in no shard. Exact either way.
 * The manifest lists the parts (`IndexManifest.idDirectory`) with their sizes and SHA-256.
 * @module
 */
import { ContainerError, readContainer, requireSections, writeContainer } from './binary-container.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import { lowerBound } from './sorted-numbers.js';

const MAGIC = 'VNID';

/** Version of this artifact's layout (inside the index format version). */
export const ID_DIRECTORY_VERSION = 1;

/** Ids per part the build aims at (parts are cut by hash, so they hold about this many). */
export const ID_PART_TARGET_ENTRIES = 65_536;

/** Folder of the parts inside the index folder. */
export const ID_DIRECTORY_DIR = 'ids';

/** 32-bit FNV-1a over the id's UTF-16 code units: the same in the build and the Worker. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Parts of a directory of `ids` articles: the smallest power of two giving ≤ {@link ID_PART_TARGET_ENTRIES} per part on average. */
export function idPartCount(ids: number): number {
  let parts = 1;
  while (parts < 65_536 && ids > parts * ID_PART_TARGET_ENTRIES) parts *= 2;
  return parts;
}

/** The part (of `parts`, a power of two) holding a hash: its top bits. */
export function idPartOf(hash: number, parts: number): number {
  return parts <= 1 ? 0 : hash >>> (32 - Math.log2(parts));
}

/** Header data of one part. */
interface IdPartMeta {
  version: number;
  /** This part's number and the directory's part count (a part from another layout is refused). */
  part: number;
  parts: number;
  entries: number;
}

/**
 * The directory's parts for the built articles (deterministic: entries sorted by hash, then shard).
 * @param entries every built article's id and shard
 */
export function writeIdDirectory(entries: ReadonlyArray<{ id: string; shard: number }>): Uint8Array[] {
  const parts = idPartCount(entries.length);
  const hashed = entries.map((e) => ({ hash: idHash(e.id), shard: e.shard }));
  hashed.sort((a, b) => a.hash - b.hash || a.shard - b.shard);
  const out: Uint8Array[] = [];
  let at = 0;
  for (let p = 0; p < parts; p++) {
    let end = at;
    while (end < hashed.length && idPartOf(hashed[end].hash, parts) === p) end++;
    const slice = hashed.slice(at, end);
    const hashes = Uint32Array.from(slice, (e) => e.hash);
    const shards = Uint16Array.from(slice, (e) => e.shard);
    out.push(writeContainer<IdPartMeta>(MAGIC, INDEX_FORMAT_VERSION, { version: ID_DIRECTORY_VERSION, part: p, parts, entries: slice.length }, { hashes, shards }));
    at = end;
  }
  return out;
}

/** One opened part of the id directory. */
export class IdDirectoryPart {
  /** Bytes of the part (what a cache of parts counts). */
  readonly byteLength: number;
  private readonly hashes: Uint32Array;
  private readonly shards: Uint16Array;

  /**
   * Opens a part's bytes; throws `ContainerError` when they are corrupt, of another format, or not
   * part `part` of `parts`.
   */
  constructor(buffer: ArrayBuffer, part: number, parts: number) {
    const c = readContainer<IdPartMeta>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const a = c.sections as unknown as { hashes: Uint32Array; shards: Uint16Array };
    requireSections(a as unknown as Record<string, unknown>, ['hashes', 'shards'], 'id directory part');
    const m = c.meta;
    if (m.version !== ID_DIRECTORY_VERSION || m.part !== part || m.parts !== parts || a.hashes.length !== m.entries || a.shards.length !== m.entries) {
      throw new ContainerError(`id directory part ${part} of ${parts} is inconsistent (corrupt file, or from another build)`);
    }
    this.hashes = a.hashes;
    this.shards = a.shards;
    this.byteLength = c.byteLength;
  }

  /** Shards holding an article whose id has this hash, ascending (empty: no built article has it). */
  shardsOf(hash: number): number[] {
    const h = this.hashes;
    const lo = lowerBound(h, hash);
    const out: number[] = [];
    for (let i = lo; i < h.length && h[i] === hash; i++) if (out[out.length - 1] !== this.shards[i]) out.push(this.shards[i]);
    return out;
  }
}

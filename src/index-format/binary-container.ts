/**
 * A tiny versioned binary container: every index artifact (shard postings, document store,
 * lexicon) is one of these. Layout, all little-endian:
 *
 * ```
 * bytes 0..3   magic (4 ASCII chars, identifies the artifact kind)
 * bytes 4..7   u32 length H of the JSON header
 * bytes 8..    H bytes of UTF-8 JSON header: { formatVersion, meta, sections: { name: { type, offset, length } } }
 * padding      to an 8-byte boundary: the data area starts at D = align8(8 + H)
 * sections     raw typed-array bytes; each section's offset is relative to D and a multiple of 8
 * ```
 *
 * Reading is zero-copy: sections become typed-array views over the one `ArrayBuffer`, so loading an
 * artifact costs one allocation, no parsing of postings and no object graph (the cold-start budget of
 * a Worker isolate is 1 s and its heap 128 MB).
 * @module
 */

/** Element types a section can hold. */
export type SectionType = 'u8' | 'u16' | 'u32' | 'i32' | 'f32' | 'f64';

/** A typed array of one of the {@link SectionType}s. */
export type SectionArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

interface SectionEntry {
  type: SectionType;
  /** Byte offset from the start of the data area. */
  offset: number;
  /** Number of elements. */
  length: number;
}

interface ContainerHeader<M> {
  formatVersion: number;
  meta: M;
  sections: Record<string, SectionEntry>;
}

const BYTES: Record<SectionType, number> = { u8: 1, u16: 2, u32: 4, i32: 4, f32: 4, f64: 8 };

function typeOf(a: SectionArray): SectionType {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Float32Array) return 'f32';
  return 'f64';
}

function view(buffer: ArrayBuffer, type: SectionType, offset: number, length: number): SectionArray {
  switch (type) {
    case 'u8': return new Uint8Array(buffer, offset, length);
    case 'u16': return new Uint16Array(buffer, offset, length);
    case 'u32': return new Uint32Array(buffer, offset, length);
    case 'i32': return new Int32Array(buffer, offset, length);
    case 'f32': return new Float32Array(buffer, offset, length);
    case 'f64': return new Float64Array(buffer, offset, length);
  }
}

const align8 = (n: number) => (n + 7) & ~7;

/** Thrown when bytes are not a valid container of the expected kind and version. */
export class ContainerError extends Error {
  override name = 'ContainerError';
}

/**
 * Serializes sections and a JSON-able `meta` object into one container. Output is deterministic:
 * sections are written in the order of `Object.keys(sections)` and the header is plain JSON.
 */
export function writeContainer<M>(magic: string, formatVersion: number, meta: M, sections: Record<string, SectionArray>): Uint8Array {
  if (!/^[\x20-\x7e]{4}$/.test(magic)) throw new Error('magic must be 4 ASCII characters');
  const entries: Record<string, SectionEntry> = {};
  let offset = 0; // relative to the start of the data area
  for (const [name, a] of Object.entries(sections)) {
    entries[name] = { type: typeOf(a), offset, length: a.length };
    offset = align8(offset + a.byteLength);
  }
  const header: ContainerHeader<M> = { formatVersion, meta, sections: entries };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align8(8 + headerBytes.length);
  const out = new Uint8Array(dataStart + offset);
  for (let i = 0; i < 4; i++) out[i] = magic.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  for (const [name, a] of Object.entries(sections)) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + entries[name].offset);
  }
  return out;
}

/** A container opened for reading: its meta and zero-copy section views. */
export interface OpenedContainer<M> {
  meta: M;
  formatVersion: number;
  sections: Record<string, SectionArray>;
  byteLength: number;
}

/** Decodes every container's JSON header (shards open one for each block they load). */
const headerDecoder = new TextDecoder();

/**
 * Opens a container without copying. Throws {@link ContainerError} when the magic, the format
 * version or any section bound is wrong (a truncated or corrupt file never yields wrong results).
 */
export function readContainer<M>(buffer: ArrayBuffer, magic: string, formatVersion: number): OpenedContainer<M> {
  if (buffer.byteLength < 8) throw new ContainerError(`file is truncated (${buffer.byteLength} bytes)`);
  const head = new Uint8Array(buffer, 0, 4);
  const got = String.fromCharCode(...head);
  if (got !== magic) throw new ContainerError(`wrong file kind: expected "${magic}", found "${got.replace(/[^\x20-\x7e]/g, '?')}"`);
  const headerLength = new DataView(buffer).getUint32(4, true);
  if (8 + headerLength > buffer.byteLength) throw new ContainerError('header runs past the end of the file (truncated?)');
  let header: ContainerHeader<M>;
  try {
    header = JSON.parse(headerDecoder.decode(new Uint8Array(buffer, 8, headerLength)));
  } catch {
    throw new ContainerError('header is not valid JSON (corrupt file)');
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) {
    throw new ContainerError('header is not a JSON object (corrupt file)');
  }
  if (header.formatVersion !== formatVersion) {
    throw new ContainerError(`format version ${header.formatVersion} does not match this code's version ${formatVersion}`);
  }
  const dataStart = align8(8 + headerLength);
  const sections: Record<string, SectionArray> = {};
  for (const [name, s] of Object.entries(header.sections ?? {})) {
    const size = Object.hasOwn(BYTES, s?.type) ? BYTES[s.type] : 0;
    const at = dataStart + s.offset;
    if (!size || !Number.isInteger(s.offset) || !Number.isInteger(s.length) || s.offset < 0 || s.length < 0 || s.offset % 8 !== 0 || at + s.length * size > buffer.byteLength) {
      throw new ContainerError(`section "${name}" is out of bounds (truncated or corrupt file)`);
    }
    sections[name] = view(buffer, s.type, at, s.length);
  }
  return { meta: header.meta, formatVersion: header.formatVersion, sections, byteLength: buffer.byteLength };
}

/**
 * Checks that an opened container holds every section `keys` names; throws `ContainerError`
 * ("<what> lacks section <k> (corrupt file)") for the first one missing.
 */
export function requireSections(sections: Record<string, unknown>, keys: readonly string[], what: string): void {
  for (const k of keys) {
    if (!sections[k]) throw new ContainerError(`${what} lacks section ${k} (corrupt file)`);
  }
}

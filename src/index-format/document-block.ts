/**
 * One block of a shard's document store (since index format 3): the stored articles (UTF-8 JSON records)
 * of a run of consecutive local documents. A shard loads only the blocks of the documents it returns,
 * so returning ten hits costs ten small reads, not the shard's whole store.
 * @module
 */
import { ContainerError, readContainer, writeContainer } from './binary-container.js';
import type { StoredDocument } from './document-store.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';

const MAGIC = 'VNDB';

/** Header data of a document block. */
export interface DocumentBlockMeta {
  shard: number;
  block: number;
  /** Local number of the block's first document. */
  firstDoc: number;
}

/** Serializes the UTF-8 JSON records of consecutive documents. */
export function writeDocumentBlock(meta: DocumentBlockMeta, records: readonly Uint8Array[]): Uint8Array {
  const recordOffsets = new Uint32Array(records.length + 1);
  let total = 0;
  records.forEach((r, i) => { recordOffsets[i] = total; total += r.length; });
  recordOffsets[records.length] = total;
  const recordBytes = new Uint8Array(total);
  records.forEach((r, i) => recordBytes.set(r, recordOffsets[i]));
  return writeContainer(MAGIC, INDEX_FORMAT_VERSION, meta, { recordOffsets, recordBytes });
}

/** A loaded document block. */
export class DocumentBlock {
  readonly meta: DocumentBlockMeta;
  readonly byteLength: number;
  private readonly recordOffsets: Uint32Array;
  private readonly recordBytes: Uint8Array;

  /** Opens the bytes of a block; throws `ContainerError` when corrupt. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<DocumentBlockMeta>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const s = c.sections;
    if (!s.recordOffsets || !s.recordBytes) throw new ContainerError('document block lacks its record sections (corrupt file)');
    this.meta = c.meta;
    this.byteLength = c.byteLength;
    this.recordOffsets = s.recordOffsets as Uint32Array;
    this.recordBytes = s.recordBytes as Uint8Array;
    const n = this.recordOffsets.length - 1;
    if (n < 0 || this.recordOffsets[n] !== this.recordBytes.length) throw new ContainerError('document block is inconsistent (corrupt file)');
  }

  /** Number of documents in the block. */
  get size(): number {
    return this.recordOffsets.length - 1;
  }

  /** The UTF-8 JSON record of local document `doc` (a view: copy it to keep it). */
  record(doc: number): Uint8Array {
    const i = doc - this.meta.firstDoc;
    if (i < 0 || i >= this.size) throw new RangeError(`document ${doc} is not in block ${this.meta.block}`);
    return this.recordBytes.subarray(this.recordOffsets[i], this.recordOffsets[i + 1]);
  }
}

const decoder = new TextDecoder();

/** Parses a stored record. */
export function parseRecord(record: Uint8Array): StoredDocument {
  return JSON.parse(decoder.decode(record)) as StoredDocument;
}

/**
 * Packs records (views into document blocks) into one new buffer and returns views of it in the
 * same order (`undefined` stays), for an answer about to be serialized: it then crosses RPC as one
 * buffer holding exactly these bytes, where a view into a block would carry the whole block. One
 * allocation instead of one per record; an answer that stays in its isolate needs no packing.
 */
export function packRecords(records: ReadonlyArray<Uint8Array | undefined>): Array<Uint8Array | undefined> {
  let bytes = 0;
  for (const r of records) if (r) bytes += r.byteLength;
  const out = new Uint8Array(bytes);
  let at = 0;
  return records.map((r) => {
    if (!r) return undefined;
    out.set(r, at);
    at += r.byteLength;
    return out.subarray(at - r.byteLength, at);
  });
}

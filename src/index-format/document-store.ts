/**
 * The document store of one shard: each article's stored fields as a UTF-8 JSON record, plus a
 * sorted id dictionary for `/articles/:id`. Kept apart from the postings so that snippet text never
 * bloats the search structures and is decoded only for the hits of the page being returned.
 * @module
 */
import { ContainerError, readContainer, writeContainer } from './binary-container.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import { TermDictionary, compareTermsByBytes, encodeTermDictionary } from './term-dictionary.js';

const MAGIC = 'VNDS';

/** Stored fields of one article, as returned to clients. */
export interface StoredDocument {
  id: string;
  title: string;
  kicker?: string;
  lead?: string;
  body: string;
  /** ISO 8601 date or date-time (Vietnam local time). */
  date?: string;
  url?: string;
  category?: string;
  author?: string;
  agency?: string;
}

/** Serializes documents (in local document order) into a store. */
export function writeDocumentStore(shard: number, docs: readonly StoredDocument[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts = docs.map((d) => encoder.encode(JSON.stringify(d)));
  const recordOffsets = new Uint32Array(parts.length + 1);
  let total = 0;
  parts.forEach((p, i) => { recordOffsets[i] = total; total += p.length; });
  recordOffsets[parts.length] = total;
  const recordBytes = new Uint8Array(total);
  parts.forEach((p, i) => recordBytes.set(p, recordOffsets[i]));
  const order = docs.map((d, i) => i).sort((a, b) => compareTermsByBytes(docs[a].id, docs[b].id));
  const ids = encodeTermDictionary(order.map((i) => docs[i].id));
  return writeContainer(MAGIC, INDEX_FORMAT_VERSION, { shard, documentCount: docs.length }, {
    recordOffsets, recordBytes, idBytes: ids.bytes, idOffsets: ids.offsets, idDocs: Uint32Array.from(order),
  });
}

/** A loaded document store. */
export class DocumentStore {
  readonly documentCount: number;
  readonly byteLength: number;
  private readonly recordOffsets: Uint32Array;
  private readonly recordBytes: Uint8Array;
  private readonly ids: TermDictionary;
  private readonly idDocs: Uint32Array;
  private readonly decoder = new TextDecoder();

  /** Opens the bytes of a document store; throws when corrupt. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<{ shard: number; documentCount: number }>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const s = c.sections;
    for (const k of ['recordOffsets', 'recordBytes', 'idBytes', 'idOffsets', 'idDocs']) {
      if (!s[k]) throw new ContainerError(`document store lacks section ${k} (corrupt file)`);
    }
    this.recordOffsets = s.recordOffsets as Uint32Array;
    this.recordBytes = s.recordBytes as Uint8Array;
    this.ids = new TermDictionary(s.idBytes as Uint8Array, s.idOffsets as Uint32Array);
    this.idDocs = s.idDocs as Uint32Array;
    this.documentCount = c.meta.documentCount;
    this.byteLength = c.byteLength;
    if (!this.recordOffsets || this.recordOffsets.length !== this.documentCount + 1 || !this.idDocs || this.idDocs.length !== this.documentCount) {
      throw new ContainerError('document store is inconsistent (corrupt file)');
    }
  }

  /** The stored fields of local document `doc`. */
  get(doc: number): StoredDocument {
    const bytes = this.recordBytes.subarray(this.recordOffsets[doc], this.recordOffsets[doc + 1]);
    return JSON.parse(this.decoder.decode(bytes)) as StoredDocument;
  }

  /** Local document number of article `id`, or -1. */
  findById(id: string): number {
    const i = this.ids.indexOf(id);
    return i < 0 ? -1 : this.idDocs[i];
  }
}

/**
 * Analyzed documents packed into a few typed arrays (their terms and stored records), so that a
 * worker thread can transfer a batch of them to the build without copying, and unpacked into
 * per-document views on arrival.
 * @module
 */
import type { DocTerms } from '../src/index-format/term-collector.js';

/** A batch of analyzed documents with their stored UTF-8 records. */
export interface AnalyzedBatch {
  count: number;
  termStarts: Uint32Array;
  termIds: Uint32Array;
  tfTitle: Uint16Array;
  tfBody: Uint16Array;
  /** Per document: title length, body length. */
  lengths: Uint32Array;
  headlineStarts: Uint32Array;
  headline: Uint32Array;
  headlineExact: Uint32Array;
  recordStarts: Uint32Array;
  recordBytes: Uint8Array;
}

const starts = (sizes: number[]) => {
  const out = new Uint32Array(sizes.length + 1);
  sizes.forEach((s, i) => { out[i + 1] = out[i] + s; });
  return out;
};

/** Packs documents and their records (parallel arrays). */
export function packBatch(docs: readonly DocTerms[], records: readonly Uint8Array[]): AnalyzedBatch {
  const termStarts = starts(docs.map((d) => d.termIds.length));
  const headlineStarts = starts(docs.map((d) => d.headline.length));
  const recordStarts = starts(records.map((r) => r.length));
  const b: AnalyzedBatch = {
    count: docs.length, termStarts,
    termIds: new Uint32Array(termStarts[docs.length]), tfTitle: new Uint16Array(termStarts[docs.length]), tfBody: new Uint16Array(termStarts[docs.length]),
    lengths: new Uint32Array(2 * docs.length), headlineStarts,
    headline: new Uint32Array(headlineStarts[docs.length]), headlineExact: new Uint32Array(headlineStarts[docs.length]),
    recordStarts, recordBytes: new Uint8Array(recordStarts[records.length]),
  };
  docs.forEach((d, i) => {
    b.termIds.set(d.termIds, termStarts[i]);
    b.tfTitle.set(d.tfTitle, termStarts[i]);
    b.tfBody.set(d.tfBody, termStarts[i]);
    b.lengths[2 * i] = d.lenTitle;
    b.lengths[2 * i + 1] = d.lenBody;
    b.headline.set(d.headline, headlineStarts[i]);
    b.headlineExact.set(d.headlineExact, headlineStarts[i]);
    b.recordBytes.set(records[i], recordStarts[i]);
  });
  return b;
}

/** The buffers to transfer with a batch. */
export function batchBuffers(b: AnalyzedBatch): ArrayBuffer[] {
  return [b.termStarts, b.termIds, b.tfTitle, b.tfBody, b.lengths, b.headlineStarts, b.headline, b.headlineExact, b.recordStarts, b.recordBytes].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Per-document views of a batch, with term ids renumbered in place by `terms` (the sending
 * collector's term id → the build's).
 */
export function unpackBatch(b: AnalyzedBatch, terms: Uint32Array): { docs: DocTerms[]; records: Uint8Array[] } {
  for (let k = 0; k < b.termIds.length; k++) b.termIds[k] = terms[b.termIds[k]];
  for (let k = 0; k < b.headline.length; k++) {
    b.headline[k] = terms[b.headline[k]];
    b.headlineExact[k] = terms[b.headlineExact[k]];
  }
  const docs: DocTerms[] = [];
  const records: Uint8Array[] = [];
  for (let i = 0; i < b.count; i++) {
    const from = b.termStarts[i];
    const to = b.termStarts[i + 1];
    docs.push({
      termIds: b.termIds.subarray(from, to), tfTitle: b.tfTitle.subarray(from, to), tfBody: b.tfBody.subarray(from, to),
      lenTitle: b.lengths[2 * i], lenBody: b.lengths[2 * i + 1],
      headline: b.headline.subarray(b.headlineStarts[i], b.headlineStarts[i + 1]),
      headlineExact: b.headlineExact.subarray(b.headlineStarts[i], b.headlineStarts[i + 1]),
    });
    records.push(b.recordBytes.subarray(b.recordStarts[i], b.recordStarts[i + 1]));
  }
  return { docs, records };
}

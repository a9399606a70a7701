/**
 * Merging shard postings: several postings artifacts (live-index segments) become one, dropping the
 * documents that are no longer wanted, without re-analyzing any text. The dictionaries are merged in
 * UTF-8 byte order, posting lists are concatenated with renumbered documents (so they stay ascending)
 * and headline term numbers are remapped into the merged dictionary. The result is exactly what
 * {@link ShardPostingsBuilder} writes for the surviving documents in the same order.
 * @module
 */
import { ShardPostings, writeShardPostings, type ShardPostingsArrays } from './shard-postings.js';
import { compareByteRanges } from './term-dictionary.js';

/** One input of {@link mergeShardPostings}. */
export interface MergeInput {
  postings: ShardPostings;
  /** Local documents to drop (may be empty). */
  drop?: ReadonlySet<number>;
}

/** Result of {@link mergeShardPostings}. */
export interface MergeResult {
  /** The merged artifact's arrays. */
  arrays: ShardPostingsArrays;
  /** Per input: local document → document number in the merged artifact, or -1 when dropped. */
  docMaps: Int32Array[];
}

/** Output terms between two pauses of {@link mergeShardPostingsSteps}. */
export const TERMS_PER_STEP = 4096;

/** Merges postings artifacts (documents in input order, dropped ones left out). */
export function mergeShardPostings(inputs: readonly MergeInput[]): MergeResult {
  const steps = mergeShardPostingsSteps(inputs);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * {@link mergeShardPostings} as a generator that pauses every few thousand terms, so a large merge
 * can run in slices between requests ({@link mergeShardPostingsAsync}).
 */
export function* mergeShardPostingsSteps(inputs: readonly MergeInput[]): Generator<void, MergeResult, void> {
  // Document renumbering.
  const docMaps = inputs.map((input) => new Int32Array(input.postings.documentCount));
  let documentCount = 0;
  inputs.forEach((input, i) => {
    const map = docMaps[i];
    for (let d = 0; d < map.length; d++) map[d] = input.drop?.has(d) ? -1 : documentCount++;
  });

  // Upper bounds, trimmed at the end.
  let maxTerms = 0;
  let maxTermBytes = 0;
  let maxPostings = 0;
  for (const { postings: p } of inputs) {
    maxTerms += p.dictionary.size;
    maxTermBytes += p.dictionary.bytes.length;
    maxPostings += p.postingDocs.length;
  }
  const termBytes = new Uint8Array(maxTermBytes);
  const termOffsets = new Uint32Array(maxTerms + 1);
  const postingStarts = new Uint32Array(maxTerms + 1);
  const postingDocs = documentCount < 0x10000 ? new Uint16Array(maxPostings) : new Uint32Array(maxPostings);
  const postingImpacts = new Uint16Array(maxPostings);
  const termMaps = inputs.map((input) => new Int32Array(input.postings.dictionary.size).fill(-1));

  const heads = new Int32Array(inputs.length); // next term index per input
  const contributors = new Int32Array(inputs.length);
  const dicts = inputs.map((input) => input.postings.dictionary);
  let terms = 0;
  let bytesAt = 0;
  let postingsAt = 0;
  const k = inputs.length;
  for (;;) {
    // Smallest head term.
    let min = -1;
    for (let i = 0; i < k; i++) {
      const dict = dicts[i];
      if (heads[i] >= dict.size) continue;
      if (min < 0) { min = i; continue; }
      const m = dicts[min];
      const c = compareByteRanges(dict.bytes, dict.offsets[heads[i]], dict.offsets[heads[i] + 1], m.bytes, m.offsets[heads[min]], m.offsets[heads[min] + 1]);
      if (c < 0) min = i;
    }
    if (min < 0) break;
    const md = dicts[min];
    const mb = md.bytes;
    const ms = md.offsets[heads[min]];
    const me = md.offsets[heads[min] + 1];
    const listStart = postingsAt;
    let contributing = 0;
    for (let i = min; i < k; i++) {
      const dict = dicts[i];
      const t = heads[i];
      if (t >= dict.size) continue;
      if (i !== min && compareByteRanges(dict.bytes, dict.offsets[t], dict.offsets[t + 1], mb, ms, me) !== 0) continue;
      const p = inputs[i].postings;
      const map = docMaps[i];
      const pd = p.postingDocs;
      const pi = p.postingImpacts;
      for (let q = p.postingStarts[t], end = p.postingStarts[t + 1]; q < end; q++) {
        const nd = map[pd[q]];
        if (nd < 0) continue;
        postingDocs[postingsAt] = nd;
        postingImpacts[postingsAt] = pi[q];
        postingsAt++;
      }
      contributors[contributing++] = i;
      heads[i] = t + 1;
    }
    if (postingsAt === listStart) continue; // every document holding the term was dropped
    for (let c = 0; c < contributing; c++) termMaps[contributors[c]][heads[contributors[c]] - 1] = terms;
    for (let b = ms; b < me; b++) termBytes[bytesAt++] = mb[b];
    termOffsets[terms] = bytesAt - (me - ms);
    postingStarts[terms] = listStart;
    terms++;
    if (terms % TERMS_PER_STEP === 0) yield;
  }
  termOffsets[terms] = bytesAt;
  postingStarts[terms] = postingsAt;

  // Per-document columns and headlines of the surviving documents.
  const docDate = new Int32Array(documentCount);
  const docCategory = new Uint16Array(documentCount);
  const headlineStarts = new Uint32Array(documentCount + 1);
  let headlineLength = 0;
  inputs.forEach(({ postings: p }, i) => {
    const map = docMaps[i];
    for (let d = 0; d < map.length; d++) {
      const nd = map[d];
      if (nd < 0) continue;
      docDate[nd] = p.docDate[d];
      docCategory[nd] = p.docCategory[d];
      headlineLength += p.headlineStarts[d + 1] - p.headlineStarts[d];
      headlineStarts[nd + 1] = headlineLength;
    }
  });
  const headlineTerms = new Uint32Array(headlineLength);
  const headlineExact = new Uint32Array(headlineLength);
  inputs.forEach(({ postings: p }, i) => {
    const map = docMaps[i];
    const termMap = termMaps[i];
    for (let d = 0; d < map.length; d++) {
      const nd = map[d];
      if (nd < 0) continue;
      let at = headlineStarts[nd];
      for (let h = p.headlineStarts[d]; h < p.headlineStarts[d + 1]; h++) {
        headlineTerms[at] = termMap[p.headlineTerms[h]];
        headlineExact[at++] = termMap[p.headlineExact[h]];
      }
    }
  });

  return {
    arrays: {
      termBytes: termBytes.slice(0, bytesAt),
      termOffsets: termOffsets.slice(0, terms + 1),
      postingStarts: postingStarts.slice(0, terms + 1),
      postingDocs: postingDocs.slice(0, postingsAt),
      postingImpacts: postingImpacts.slice(0, postingsAt),
      docDate, docCategory, headlineStarts, headlineTerms, headlineExact,
    },
    docMaps,
  };
}

/**
 * Runs a merge in slices of {@link TERMS_PER_STEP} terms (a few milliseconds each), awaiting
 * `pause()` after each (a macrotask in the Worker: other requests are served meanwhile). Slices are
 * counted in work, not timed: a Worker's clock (`Date.now`, `performance.now`) does not advance
 * during synchronous work, so a timed slice would never end and the merge would block the isolate.
 */
export async function mergeShardPostingsAsync(inputs: readonly MergeInput[], pause: () => Promise<void>): Promise<{ postings: ShardPostings; docMaps: Int32Array[] }> {
  const steps = mergeShardPostingsSteps(inputs);
  for (;;) {
    const r = steps.next();
    if (r.done) return openMerged(r.value);
    await pause();
  }
}

function openMerged({ arrays, docMaps }: MergeResult): { postings: ShardPostings; docMaps: Int32Array[] } {
  const bytes = writeShardPostings({ shard: 0, documentCount: arrays.docDate.length }, arrays);
  return { postings: new ShardPostings(bytes.buffer as ArrayBuffer), docMaps };
}

/** {@link mergeShardPostings} serialized and reopened as one artifact. */
export function mergeShardPostingsArtifact(shard: number, inputs: readonly MergeInput[]): { postings: ShardPostings; docMaps: Int32Array[] } {
  const { arrays, docMaps } = mergeShardPostings(inputs);
  const bytes = writeShardPostings({ shard, documentCount: arrays.docDate.length }, arrays);
  return { postings: new ShardPostings(bytes.buffer as ArrayBuffer), docMaps };
}

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildLexiconArrays } from '../../index-build/build-lexicon.js';
import { splitPairParts } from '../../index-build/pair-parts.js';
import { repeat } from '../../test/fixtures/lexicon.fixture.js';
import { Lexicon, writeLexicon } from '../index-format/lexicon.js';
import type { IndexManifest, LexiconPairsEntry } from '../index-format/manifest.js';
import { TermCollector } from '../index-format/term-collector.js';
import { ArtifactError } from './artifact.js';
import { PairPartLoader } from './pair-part-loader.js';

const corpus = [
  ...repeat('truyền thông xã hội', 20),
  ...repeat('hãng taxi truyền thống', 5),
  ...repeat('chính phủ hà nội ủy ban nhân dân', 4),
  ...repeat('anh ấy đang đi học ở hà nội', 3),
];

/** A split lexicon, its parts as files, and a fetch that counts reads. */
function fixture(partBytes = 48) {
  const c = new TermCollector();
  for (const t of corpus) c.add([], [t]);
  const built = buildLexiconArrays(c);
  const inline = new Lexicon(writeLexicon(built.meta, built.arrays).slice().buffer);
  const split = splitPairParts(built.meta, built.arrays, partBytes);
  const lexicon = new Lexicon(writeLexicon(split.meta, split.arrays).slice().buffer);
  const files = new Map<string, Uint8Array>();
  const parts: LexiconPairsEntry['parts'] = split.parts.map((p, i) => {
    const file = `lexicon-pairs/part-${i}.bin`;
    files.set(file, p.bytes);
    return { file, bytes: p.bytes.length, sha256: createHash('sha256').update(p.bytes).digest('hex'), first: p.first, pairs: p.pairs };
  });
  const reads: string[] = [];
  const fetchArtifact = async (file: string) => { reads.push(file); return files.get(file)!.slice().buffer; };
  const manifest = { lexiconPairs: { parts } } as unknown as IndexManifest;
  return { inline, lexicon, parts, files, reads, fetchArtifact, manifest };
}

describe('PairPartLoader', () => {
  it('fetches the parts of the given syllables first and runs once when they are all it needs', async () => {
    const f = fixture();
    const loader = PairPartLoader.forIndex(f.manifest, f.lexicon, f.fetchArtifact)!;
    expect(f.parts.length).toBeGreaterThan(3);
    const run = await loader.run(f.lexicon, ['truyen', 'ha'], (lx) => [lx.pairCount('truyền', 'thông'), lx.pairCount('hà', 'nội')]);
    expect(run.value).toEqual([20, 7]);
    expect(run.runs).toBe(1);
    expect(new Set(f.reads)).toEqual(new Set([f.parts[f.lexicon.pairPartOf('truyen')].file, f.parts[f.lexicon.pairPartOf('ha')].file]));
  });

  it('runs again with the parts a run asked about and lacked, until the answer is the whole lexicon\'s', async () => {
    const f = fixture();
    const loader = PairPartLoader.forIndex(f.manifest, f.lexicon, f.fetchArtifact)!;
    const fn = (lx: Lexicon) => [lx.pairCount('truyền', 'thông'), lx.tripleCount('taxi', 'truyền', 'thống'), lx.pairCount('ủy', 'ban'), lx.pairCount('đi', 'học')];
    const run = await loader.run(f.lexicon, [], fn);
    expect(run.value).toEqual(fn(f.inline));
    expect(run.value).toEqual([20, 5, 4, 3]);
    expect(run.runs).toBe(2);
  });

  it('keeps fetched parts for later requests', async () => {
    const f = fixture();
    const loader = PairPartLoader.forIndex(f.manifest, f.lexicon, f.fetchArtifact)!;
    await loader.run(f.lexicon, ['truyen'], (lx) => lx.pairCount('truyền', 'thông'));
    const before = f.reads.length;
    const again = await loader.run(f.lexicon, ['truyen'], (lx) => lx.pairCount('truyền', 'thông'));
    expect(again.value).toBe(20);
    expect(f.reads.length).toBe(before);
  });

  it('loads every part for tools', async () => {
    const f = fixture();
    const all = await PairPartLoader.forIndex(f.manifest, f.lexicon, f.fetchArtifact)!.all();
    expect(all.size).toBe(f.parts.length);
    expect(f.lexicon.withPairParts(all, new Set()).pairCount('nhân', 'dân')).toBe(4);
  });

  it('refuses a part whose bytes do not match the manifest', async () => {
    const f = fixture();
    const p = f.lexicon.pairPartOf('truyen');
    f.files.get(f.parts[p].file)![20] ^= 0xff;
    const loader = PairPartLoader.forIndex(f.manifest, f.lexicon, f.fetchArtifact)!;
    await expect(loader.run(f.lexicon, ['truyen'], (lx) => lx.pairCount('truyền', 'thông'))).rejects.toThrow(ArtifactError);
  });

  it('is absent for a lexicon that keeps its pairs, and refuses a manifest and lexicon from different builds', () => {
    const f = fixture();
    expect(PairPartLoader.forIndex({ lexiconPairs: { parts: [] } } as unknown as IndexManifest, f.inline, f.fetchArtifact)).toBeNull();
    expect(() => PairPartLoader.forIndex(f.manifest, f.inline, f.fetchArtifact)).toThrow(/different builds/);
    const fewer = { lexiconPairs: { parts: f.parts.slice(1) } } as unknown as IndexManifest;
    expect(() => PairPartLoader.forIndex(fewer, f.lexicon, f.fetchArtifact)).toThrow(/different pair parts/);
  });

  it('warms the parts of given syllables from the manifest alone, before the lexicon is there', async () => {
    const f = fixture();
    const early = PairPartLoader.forManifest(f.manifest, f.fetchArtifact)!;
    // Accented and folded syllables find the same part, as the lexicon's lookup does.
    expect(early.warm(['truyền', 'truyen', 'hà'])).toBe(2);
    const loader = PairPartLoader.forIndex(f.manifest, f.lexicon, f.fetchArtifact, early)!;
    expect(loader).toBe(early);
    const run = await loader.run(f.lexicon, ['truyen', 'ha'], (lx) => [lx.pairCount('truyền', 'thông'), lx.pairCount('hà', 'nội')]);
    expect(run.value).toEqual([20, 7]);
    // Each part was fetched once: by the warm call, and the run found it there.
    expect(f.reads.slice().sort()).toEqual([f.parts[f.lexicon.pairPartOf('truyen')].file, f.parts[f.lexicon.pairPartOf('ha')].file].sort());
    expect(PairPartLoader.forManifest({ lexiconPairs: { parts: [] } } as unknown as IndexManifest, f.fetchArtifact)).toBeNull();
  });

  it('leaves a part whose warm load failed to the run that needs it, which fetches it again', async () => {
    const f = fixture();
    let failNext = true;
    const flaky = async (file: string) => {
      if (failNext) { failNext = false; throw new Error('asset fetch failed'); }
      return f.fetchArtifact(file);
    };
    const early = PairPartLoader.forManifest(f.manifest, flaky)!;
    expect(early.warm(['truyen'])).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    const run = await PairPartLoader.forIndex(f.manifest, f.lexicon, flaky, early)!.run(f.lexicon, ['truyen'], (lx) => lx.pairCount('truyền', 'thông'));
    expect(run.value).toBe(20);
    expect(f.reads).toEqual([f.parts[f.lexicon.pairPartOf('truyen')].file]);
  });
});

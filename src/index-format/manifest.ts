/**
 * The index manifest: the one JSON file that describes a built index. The Worker reads it first and
 * refuses to serve an index whose format or analyzer version differs from its own code.
 * @module
 */
import { ANALYZER_VERSION } from '../analyzer/version.js';

/**
 * Version of the on-disk index format (manifest + all binary artifacts). Bump on any change to the
 * layout or meaning of a section; old indexes are then refused with a "rebuild" message.
 */
export const INDEX_FORMAT_VERSION = 11;

/** Folder, relative to the Workers static-assets root, where the index artifacts live. */
export const INDEX_ASSET_DIR = 'index';

/** File name of the manifest inside {@link INDEX_ASSET_DIR}. */
export const MANIFEST_FILE = 'manifest.json';

/** One built artifact file and its integrity data. */
export interface ArtifactFile {
  /** File name inside {@link INDEX_ASSET_DIR}. */
  file: string;
  /** Size in bytes. */
  bytes: number;
  /** Lower-case hex SHA-256 of the file. */
  sha256: string;
  /**
   * Set when this entry is one block inside `file` (index format 10's shard files): the block starts
   * at this byte, and `bytes` and `sha256` are the block's.
   */
  offset?: number;
}

/**
 * One shard: a slice of the collection served by one isolate. Shards hold consecutive articles in
 * date order (oldest first, undated articles in the last shard), so the front can skip shards by
 * date and answer `sort=date:desc` from the newest shards.
 */
export interface ShardEntry {
  /** Shard number, 0-based. */
  shard: number;
  /** Number of documents in the shard. */
  documentCount: number;
  /**
   * The shard's head (per-document columns, id dictionary, directories of its postings and document
   * blocks with their sizes and SHA-256; see `shard-head.ts`). Block files sit next to it.
   */
  head: ArtifactFile;
  /** MiniSearch index over titles, for `/suggest`. */
  suggest: ArtifactFile;
  /** Earliest and latest article date in stored minutes (see `dates.ts`), when any article is dated. */
  dates?: { min: number; max: number };
  /** Articles without a date. */
  undated: number;
  /** Indexes (into the manifest's `categories`) of the categories present, ascending. */
  categories: number[];
  /** Bytes and number of the shard's files (head, blocks, title index), for reports. */
  files: { count: number; bytes: number; postingsBytes: number; documentsBytes: number };
}

/** Collection-wide scoring constants baked into every shard's impacts. */
export interface ScoringParameters {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** Length normalization of the title field. */
  bTitle: number;
  /** Length normalization of the body field. */
  bBody: number;
  /** Weight of a title occurrence relative to a body occurrence. */
  titleWeight: number;
  /** Average title length in tokens over the whole collection. */
  avgTitleLength: number;
  /** Average body length in tokens over the whole collection. */
  avgBodyLength: number;
  /** Multiply a stored u16 impact by this to get its BM25 score. */
  impactScale: number;
}

/** The manifest written next to the artifacts. */
export interface IndexManifest {
  formatVersion: number;
  analyzerVersion: string;
  /** The corpus the index was built from, as given to the build (a path or label). */
  source: string;
  documentCount: number;
  /** SHA-256 over the artifact hashes: changes whenever any artifact changes (used for ETags). */
  contentHash: string;
  scoring: ScoringParameters;
  /** All category names in the collection, sorted; shards refer to them by index. */
  categories: string[];
  /** Earliest and latest article dates (ISO), when any article has a date. */
  dateRange?: { from: string; to: string };
  /** Synonym/abbreviation pairs from the user's synonyms file, normalized; built-ins are in code. */
  synonyms: Array<[string, string]>;
  lexicon: ArtifactFile;
  /**
   * The syllables kept out of `lexicon` because they occur in fewer than `minHotDf` documents, in
   * parts by byte range (`lexicon-tail.ts`), each listed with its first syllable. Absent: the
   * lexicon holds every syllable.
   */
  lexiconTail?: LexiconTailEntry;
  /**
   * The lexicon's pairs and triples, in parts by the first syllable's folded form
   * (`pair-section.ts`), listed in the order of the lexicon's `pairParts`. Absent: they are in the
   * lexicon itself.
   */
  lexiconPairs?: LexiconPairsEntry;
  /**
   * Per-shard score upper bounds for the front (`score-bounds.ts`): lets a relevance search skip
   * shards that cannot reach the page or hold no match. Absent (older builds): every shard is asked.
   */
  scoreBounds?: ArtifactFile;
  /**
   * Which shard holds each article, in parts by id hash (`id-directory.ts`, part `p` in position
   * `p`): requests addressed by id ask one shard. Absent: they ask every shard.
   */
  idDirectory?: { parts: ArtifactFile[] };
  shards: ShardEntry[];
  /**
   * Live-index changes folded into this build (`build:index --live`): every change up to sequence
   * number `seq` is in these shards, so the live index serves only later ones. Absent: none.
   */
  live?: { seq: number };
}

/** The manifest's description of the lexicon's tail. */
export interface LexiconTailEntry {
  /** Syllables in fewer documents than this are in the tail, not in the lexicon. */
  minHotDf: number;
  /** Parts in ascending byte order of their syllables. */
  parts: Array<ArtifactFile & { first: string; syllables: number }>;
}

/** The manifest's description of the lexicon's pair parts. */
export interface LexiconPairsEntry {
  /** Parts in ascending byte order of their first syllables. */
  parts: Array<ArtifactFile & { first: string; pairs: number }>;
}

/** Why a manifest cannot be served. */
export interface ManifestProblem {
  code: 'format_version_mismatch' | 'analyzer_version_mismatch' | 'manifest_invalid';
  message: string;
}

/**
 * Checks that a parsed manifest can be served by this build of the code. Returns the problem, or
 * null when it is compatible. The message says what to rebuild.
 */
export function checkManifest(m: unknown): ManifestProblem | null {
  const rebuild = 'Rebuild the index with `npm run build:index` (same version of this code) and restart or redeploy.';
  if (!m || typeof m !== 'object') return { code: 'manifest_invalid', message: `The index manifest is not a JSON object. ${rebuild}` };
  const o = m as Partial<IndexManifest>;
  if (o.formatVersion !== INDEX_FORMAT_VERSION) {
    return { code: 'format_version_mismatch', message: `The index was built in format version ${String(o.formatVersion)}, but this Worker reads version ${INDEX_FORMAT_VERSION}. ${rebuild}` };
  }
  if (o.analyzerVersion !== ANALYZER_VERSION) {
    return { code: 'analyzer_version_mismatch', message: `The index was built with analyzer ${String(o.analyzerVersion)}, but this Worker analyzes queries with ${ANALYZER_VERSION}; results would be wrong. ${rebuild}` };
  }
  if (!Array.isArray(o.shards) || o.shards.length === 0 || !o.lexicon || typeof o.documentCount !== 'number' || !o.scoring) {
    return { code: 'manifest_invalid', message: `The index manifest is missing required fields (shards, lexicon, documentCount, scoring). ${rebuild}` };
  }
  return null;
}



/** File name of the lexicon artifact. */
export const LEXICON_FILE = 'lexicon.bin';

// Broken copies of a built test index, for the workerd tests that check the Worker refuses to serve
// them (503 with what to rebuild). Each goes to its own static-assets folder dist/test-assets/broken-<kind>.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * How each fixture is broken, and the `error.code` the Worker must answer with.
 * @type {Array<{ kind: string, code: string, breakIt: (indexDir: string, manifest: any) => void }>}
 */
export const BROKEN_FIXTURES = [
  { kind: 'analyzer', code: 'analyzer_version_mismatch', breakIt: (dir, m) => writeManifest(dir, { ...m, analyzerVersion: `${m.analyzerVersion}-old` }) },
  { kind: 'format', code: 'format_version_mismatch', breakIt: (dir, m) => writeManifest(dir, { ...m, formatVersion: m.formatVersion + 1 }) },
  // A shard's head is read before anything else of the shard (its blocks are verified against it when a
  // query first reads them: src/engine/loaded-shard.test.ts).
  { kind: 'missing-shard', code: 'index_corrupt', breakIt: (dir, m) => rmSync(path.join(dir, m.shards[0].head.file)) },
  {
    kind: 'corrupt-shard',
    code: 'index_corrupt',
    breakIt: (dir, m) => {
      // Same size, a few flipped bytes in the middle: only the SHA-256 check can tell.
      const file = path.join(dir, m.shards[0].head.file);
      const bytes = readFileSync(file);
      for (let i = 0; i < 8; i++) bytes[Math.floor(bytes.length / 2) + i * 97] ^= 0xff;
      writeFileSync(file, bytes);
    },
  },
];

function writeManifest(dir, manifest) {
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/**
 * Copies `sourceAssets` (a static-assets folder holding index/) once per fixture and breaks each copy.
 * @param {string} sourceAssets e.g. dist/test-assets/single
 * @returns {string[]} the assets folders written
 */
export function writeBrokenFixtures(sourceAssets) {
  const manifest = JSON.parse(readFileSync(path.join(sourceAssets, 'index', 'manifest.json'), 'utf8'));
  return BROKEN_FIXTURES.map(({ kind, breakIt }) => {
    const out = path.join(path.dirname(sourceAssets), `broken-${kind}`);
    rmSync(out, { recursive: true, force: true });
    cpSync(sourceAssets, out, { recursive: true });
    breakIt(path.join(out, 'index'), manifest);
    return out;
  });
}

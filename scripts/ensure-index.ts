/**
 * `npm run dev` helper: serves the index that was last built, building one first when there is none,
 * or when the existing one was built by another index format or analyzer version (the Worker would
 * refuse it with 503). A stale index is rebuilt from the corpus it was built from when that path
 * still exists, otherwise from `data/`.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { checkManifest } from '../src/index-format/manifest.js';

/** Where `npm run build:index` writes by default and `npm run dev` serves from. */
export const DEV_MANIFEST = 'dist/assets/index/manifest.json';

/** What `npm run dev` must do before serving. */
export type IndexAction =
  | { action: 'serve' }
  | { action: 'build'; reason: string; /** Corpus to build from; null = the default (`data/`). */ input: string | null };

/**
 * Decides whether the existing index can be served.
 * @param manifestText the manifest file's text, or null when there is none
 * @param pathExists whether a path exists (the recorded corpus may have moved)
 */
export function indexAction(manifestText: string | null, pathExists: (p: string) => boolean): IndexAction {
  if (manifestText === null) return { action: 'build', reason: 'no index built yet', input: null };
  let manifest: unknown = null;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    // Unreadable: checkManifest reports it as invalid.
  }
  const problem = checkManifest(manifest);
  if (!problem) return { action: 'serve' };
  const source = (manifest as { source?: unknown } | null)?.source;
  return { action: 'build', reason: problem.code, input: typeof source === 'string' && pathExists(source) ? source : null };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const decision = indexAction(existsSync(DEV_MANIFEST) ? readFileSync(DEV_MANIFEST, 'utf8') : null, existsSync);
  if (decision.action === 'serve') {
    console.log(`Serving the existing index (${DEV_MANIFEST}). Rebuild with: npm run build:index [-- --input <corpus>]`);
  } else {
    console.log(`Building the index (${decision.reason}) from ${decision.input ?? 'data/'} …`);
    // The same command a person runs (package.json `build:index`).
    execFileSync('npm', ['run', '--silent', 'build:index', ...(decision.input ? ['--', '--input', decision.input] : [])], { stdio: 'inherit' });
  }
}

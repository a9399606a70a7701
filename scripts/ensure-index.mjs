// `npm run dev` helper: serve the index that was last built; build one from data/ only when none exists.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const manifest = 'dist/assets/index/manifest.json';
if (existsSync(manifest)) {
  console.log(`Serving the existing index (${manifest}). Rebuild with: npm run build:index [-- --input <corpus>]`);
} else {
  console.log('No index built yet: building one from data/ …');
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'index-build/cli.ts'], { stdio: 'inherit' });
}

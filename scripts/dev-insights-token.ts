/**
 * `npm run dev` helper: the operator token of the local insights page. Uses INSIGHTS_TOKEN from
 * `.dev.vars` (git-ignored; wrangler reads it too) when it is there; otherwise adds a random one to
 * that file, so `/insights` works from a fresh clone without setup, with `npm run dev` and plain
 * `npx wrangler dev` alike. The token itself is never printed.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** The value of `name` in a `.dev.vars` (dotenv) text, or undefined. */
export function devVar(text: string, name: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || m[1] !== name) continue;
    const v = m[2];
    return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v.replace(/\s+#.*$/, '');
  }
  return undefined;
}

/** INSIGHTS_TOKEN from `.dev.vars`, added to the file first when missing; `created` says which. */
export function ensureDevInsightsToken(devVarsPath = '.dev.vars'): { token: string; created: boolean } {
  const text = existsSync(devVarsPath) ? readFileSync(devVarsPath, 'utf8') : '';
  const existing = devVar(text, 'INSIGHTS_TOKEN');
  if (existing) return { token: existing, created: false };
  const token = randomBytes(24).toString('base64url');
  const sep = text && !text.endsWith('\n') ? '\n' : '';
  appendFileSync(devVarsPath, `${sep}# Operator token of /insights (local only; added by npm run dev)\nINSIGHTS_TOKEN=${token}\n`);
  return { token, created: true };
}

/**
 * `npm run lint:openapi`: writes the OpenAPI document the Worker serves at `/openapi.json` (generated
 * by the app itself, in Node) to dist/openapi.json and lints it with Redocly CLI's `recommended`
 * ruleset (redocly.yaml). Runs offline: no telemetry, no update check. Exits non-zero on any error or
 * warning; `scripts/lint-openapi.test.ts` runs it in `npm test`.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApp } from '../src/app.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the linted document is written. */
export const OPENAPI_OUT = path.join(ROOT, 'dist/openapi.json');

/** The document `GET /openapi.json` returns, as served on `origin`. */
export async function openApiDocument(origin = 'https://search.example.vn'): Promise<unknown> {
  const res = await createApp().request(`${origin}/openapi.json`, {}, { REQUEST_LOG: 'off' });
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return res.json();
}

/** Result of a lint run. */
export interface LintResult {
  /** Redocly's exit code: 0 when there is no error (and, with `--max-problems`, no warning either). */
  status: number;
  /** What Redocly printed. */
  output: string;
  /** Errors and warnings reported. */
  problems: number;
}

/** Writes {@link OPENAPI_OUT} and lints it; warnings count as failures. */
export async function lintOpenApi(): Promise<LintResult> {
  mkdirSync(path.dirname(OPENAPI_OUT), { recursive: true });
  writeFileSync(OPENAPI_OUT, JSON.stringify(await openApiDocument(), null, 2) + '\n');
  const cli = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
  const r = spawnSync(process.execPath, [cli, 'lint', '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'stylish', OPENAPI_OUT], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  const output = `${r.stdout}${r.stderr}`;
  // Redocly exits 0 with warnings; this project treats a warning as a failure too. The stylish
  // format prints one `line:col  severity  rule  message` row per problem.
  const problems = (output.match(/^\s+\d+:\d+\s+(error|warning)\s/gm) ?? []).length;
  return { status: r.status === 0 && problems > 0 ? 1 : r.status ?? 1, output, problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { status, output } = await lintOpenApi();
  console.log(output.trim());
  process.exit(status);
}

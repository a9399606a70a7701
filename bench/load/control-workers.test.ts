import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL_WORKERS, isControlName } from './control-workers.js';

describe('control Workers', () => {
  it('name a wrangler.toml that exists, and only those names are controls', () => {
    for (const c of Object.values(CONTROL_WORKERS)) expect(existsSync(c.config)).toBe(true);
    expect(isControlName('plain')).toBe(true);
    expect(isControlName('durable-objects')).toBe(true);
    expect(isControlName('toString')).toBe(false);
    expect(isControlName('nope')).toBe(false);
  });

  it('route every request through static assets as the search Worker does, so the control carries wrangler\'s asset Workers too', () => {
    const assetsTable = (toml: string) => /^\[assets\][^[]*/m.exec(toml)?.[0] ?? '';
    const search = assetsTable(readFileSync(path.resolve(import.meta.dirname, '../../wrangler.toml'), 'utf8'));
    expect(search).toMatch(/^run_worker_first = true$/m);
    for (const c of Object.values(CONTROL_WORKERS)) {
      const table = assetsTable(readFileSync(c.config, 'utf8'));
      expect(table).toMatch(/^run_worker_first = true$/m);
      const dir = /^directory = "([^"]+)"$/m.exec(table)?.[1];
      expect(dir && existsSync(path.resolve(path.dirname(c.config), dir))).toBe(true);
    }
  });
});

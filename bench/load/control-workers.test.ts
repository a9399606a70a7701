import { existsSync } from 'node:fs';
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
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devVar, ensureDevInsightsToken } from './dev-insights-token.js';

describe('dev insights token', () => {
  it('reads INSIGHTS_TOKEN from .dev.vars text', () => {
    expect(devVar('A=1\nINSIGHTS_TOKEN=abc\n', 'INSIGHTS_TOKEN')).toBe('abc');
    expect(devVar('INSIGHTS_TOKEN="q u o"', 'INSIGHTS_TOKEN')).toBe('q u o');
    expect(devVar('export INSIGHTS_TOKEN = x1 # comment', 'INSIGHTS_TOKEN')).toBe('x1');
    expect(devVar('# INSIGHTS_TOKEN=no', 'INSIGHTS_TOKEN')).toBeUndefined();
  });

  it('adds a random token to .dev.vars once, keeping what the file had', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'devvars-')), '.dev.vars');
    writeFileSync(file, 'OTHER=1');
    const made = ensureDevInsightsToken(file);
    expect(made.created).toBe(true);
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(file, 'utf8')).toMatch(/^OTHER=1\n# .*\nINSIGHTS_TOKEN=[A-Za-z0-9_-]{32}\n$/);
    expect(ensureDevInsightsToken(file)).toEqual({ token: made.token, created: false });
    const fresh = path.join(mkdtempSync(path.join(tmpdir(), 'devvars-')), '.dev.vars');
    expect(ensureDevInsightsToken(fresh).created).toBe(true);
    expect(devVar(readFileSync(fresh, 'utf8'), 'INSIGHTS_TOKEN')).toBeTruthy();
  });
});

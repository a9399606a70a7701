import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASIDE_DIR, swapInIndex } from './index-swap.js';

let dir: string;
const write = (p: string, text: string) => { mkdirSync(path.dirname(p), { recursive: true }); writeFileSync(p, text); };
const read = (p: string) => readFileSync(p, 'utf8');

beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'index-swap-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('swapInIndex', () => {
  it('serves the bench index, then puts the developer’s index back', () => {
    const assets = path.join(dir, 'assets');
    const bench = path.join(dir, 'cache/index');
    write(path.join(assets, 'index/manifest.json'), 'mine');
    write(path.join(bench, 'manifest.json'), 'bench');
    const swap = swapInIndex(assets, bench);
    expect(read(path.join(assets, 'index/manifest.json'))).toBe('bench');
    expect(existsSync(bench)).toBe(false);
    swap.restore();
    swap.restore();
    expect(read(path.join(assets, 'index/manifest.json'))).toBe('mine');
    expect(read(path.join(bench, 'manifest.json'))).toBe('bench');
    expect(existsSync(path.join(assets, ASIDE_DIR))).toBe(false);
  });

  it('works when no index was built yet', () => {
    const assets = path.join(dir, 'assets');
    mkdirSync(assets);
    const bench = path.join(dir, 'cache/index');
    write(path.join(bench, 'manifest.json'), 'bench');
    swapInIndex(assets, bench).restore();
    expect(existsSync(path.join(assets, 'index'))).toBe(false);
    expect(read(path.join(bench, 'manifest.json'))).toBe('bench');
  });

  it('refuses to run over the index an interrupted run left aside', () => {
    const assets = path.join(dir, 'assets');
    write(path.join(assets, ASIDE_DIR, 'manifest.json'), 'mine');
    write(path.join(dir, 'cache/index/manifest.json'), 'bench');
    expect(() => swapInIndex(assets, path.join(dir, 'cache/index'))).toThrow(/interrupted/);
    expect(read(path.join(assets, ASIDE_DIR, 'manifest.json'))).toBe('mine');
  });
});

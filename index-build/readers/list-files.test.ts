import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from './list-files.js';

let root: string;
let symlinksWork = true;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'list-files-'));
  await mkdir(path.join(root, 'b/c'), { recursive: true });
  await mkdir(path.join(root, '.git'));
  await writeFile(path.join(root, '.git/HEAD'), 'ref');
  await writeFile(path.join(root, 'b/c/z.txt'), 'z');
  await writeFile(path.join(root, 'b/a.txt'), 'a');
  await writeFile(path.join(root, 'a.txt'), 'a');
  await writeFile(path.join(root, 'b.txt'), 'b');
  try {
    await symlink('..', path.join(root, 'b/c/loop'));
    await symlink('b', path.join(root, 'same-as-b'));
    await symlink('a.txt', path.join(root, 'link.txt'));
    await symlink('missing.txt', path.join(root, 'dangling.txt'));
  } catch {
    symlinksWork = false;
    console.warn('[list-files.test] cannot create symbolic links here: skipping the symlink test');
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listFiles', () => {
  it('lists files recursively in code-point order of relative paths, skipping hidden entries', async () => {
    const { files, issues } = await listFiles(root);
    const rels = files.map((f) => f.rel).filter((r) => !r.startsWith('link') && !r.startsWith('same-as-b'));
    expect(rels).toEqual(['a.txt', 'b.txt', 'b/a.txt', 'b/c/z.txt']);
    expect(files.find((f) => f.rel === 'b/c/z.txt')?.path).toBe(path.join(root, 'b/c/z.txt'));
    expect(issues.find((i) => i.rel === '.git')).toMatchObject({ kind: 'hidden' });
    expect(files.some((f) => f.rel.startsWith('.git'))).toBe(false);
  });

  it.skipIf(!symlinksWork)('follows symbolic links without looping and reports broken ones', async () => {
    const { files, issues } = await listFiles(root);
    expect(files.map((f) => f.rel)).toEqual(['a.txt', 'b.txt', 'b/a.txt', 'b/c/z.txt', 'link.txt']);
    expect(issues.map((i) => [i.rel, i.kind])).toEqual([
      ['.git', 'hidden'],
      ['b/c/loop', 'revisit'],
      ['dangling.txt', 'unreadable'],
      ['same-as-b', 'revisit'],
    ]);
    expect(issues.find((i) => i.rel === 'dangling.txt')?.detail).toMatch(/broken symbolic link \(ENOENT/);
  });

  it('reports a directory that cannot be listed', async () => {
    const { files, issues } = await listFiles(path.join(root, 'nope'));
    expect(files).toEqual([]);
    expect(issues).toEqual([{ rel: '', kind: 'unreadable', detail: expect.stringMatching(/ENOENT/) }]);
  });
});

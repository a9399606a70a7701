import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { errorText } from './error-text.js';

describe('errorText', () => {
  it('gives CODE: message without the path for system errors', async () => {
    const err = await readFile('/definitely/not/here.txt').catch((e: unknown) => e);
    expect(errorText(err)).toBe('ENOENT: no such file or directory');
  });
  it('falls back to the message of other errors', () => {
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText('plain')).toBe('plain');
  });
});

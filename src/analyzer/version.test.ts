import { describe, it, expect } from 'vitest';
import { ANALYZER_VERSION } from './version.js';

describe('ANALYZER_VERSION', () => {
  it('is the current analyzer output version', () => {
    expect(ANALYZER_VERSION).toBe('vi-2');
  });
});

import { describe, expect, it } from 'vitest';
import { ArtifactError } from '../engine/artifact.js';
import { ContainerError } from '../index-format/binary-container.js';
import { IndexUnavailableError } from '../worker/manifest-loader.js';
import { asIndexUnavailable } from './index-unavailable.js';

describe('asIndexUnavailable', () => {
  it('maps index failures by type, saying what to rebuild', () => {
    const own = new IndexUnavailableError('index_missing', 'No search index is deployed.');
    expect(asIndexUnavailable(own)).toBe(own);
    expect(asIndexUnavailable(new ArtifactError('index file x is corrupt'))).toMatchObject({ code: 'index_corrupt', message: expect.stringMatching(/index file x is corrupt\. Rebuild/) });
    expect(asIndexUnavailable(new ContainerError('truncated'))).toMatchObject({ code: 'index_corrupt', message: expect.stringMatching(/damaged: truncated\. Rebuild/) });
  });

  it('does not mistake other errors for index failures, whatever their message', () => {
    expect(asIndexUnavailable(new Error('corrupt section truncated format version'))).toBeNull();
    expect(asIndexUnavailable(new TypeError('x'))).toBeNull();
    expect(asIndexUnavailable('string')).toBeNull();
  });
});

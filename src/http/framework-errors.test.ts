import { describe, expect, it } from 'vitest';
import { frameworkError } from './framework-errors.js';

const put = { method: 'PUT', path: '/articles/x', contentType: 'text/plain' };

describe('frameworkError', () => {
  it('turns 415 into unsupported_media_type naming the type to send and the one received', () => {
    expect(frameworkError(415, 'Unsupported Media Type', put)).toEqual({
      status: 415,
      code: 'unsupported_media_type',
      message: 'PUT /articles/x takes a JSON body: send it with Content-Type: application/json, not "text/plain".',
    });
    expect(frameworkError(415, 'Unsupported Media Type', { ...put, contentType: undefined }).message).toMatch(/application\/json, and none was sent\.$/);
    expect(frameworkError(415, '', { ...put, contentType: 'x'.repeat(500) }).message.length).toBeLessThan(200);
  });

  it('turns Hono\'s malformed-JSON 400 into invalid_json', () => {
    const e = frameworkError(400, 'Malformed JSON in request body', { ...put, contentType: 'application/json' });
    expect(e.status).toBe(400);
    expect(e.code).toBe('invalid_json');
    expect(e.message).toMatch(/^The body of PUT \/articles\/x is not valid JSON/);
  });

  it('keeps any other client error\'s status and message', () => {
    expect(frameworkError(400, 'Bad thing', put)).toEqual({ status: 400, code: 'bad_request', message: 'Bad thing' });
    expect(frameworkError(404, '', put).message).toBe('The request could not be processed.');
  });
});

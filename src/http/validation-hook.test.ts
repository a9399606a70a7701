import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { validationHook } from './validation-hook.js';

/** Runs the hook on a result inside a request and returns the response. */
async function answer(result: Parameters<typeof validationHook>[0]) {
  const app = new Hono();
  app.get('/', (c) => validationHook(result, c) ?? c.text('ok'));
  return app.request('/');
}

describe('validationHook', () => {
  it('lets a valid request through', async () => {
    expect(await (await answer({ success: true })).text()).toBe('ok');
  });

  it('names the parameter unless the message already does', async () => {
    const named = await answer({ success: false, error: { issues: [{ path: ['limit'], message: 'limit must be a whole number' }] } });
    expect(named.status).toBe(400);
    expect(await named.json()).toEqual({ error: { code: 'invalid_parameter', message: 'limit must be a whole number' } });
    const bare = await answer({ success: false, error: { issues: [{ path: ['since'], message: 'too small' }] } });
    expect(((await bare.json()) as { error: { message: string } }).error.message).toBe('since: too small');
  });

  it('calls a JSON body\'s wrong field invalid_field', async () => {
    const res = await answer({ success: false, target: 'json', error: { issues: [{ path: ['title'], message: 'title is required' }] } });
    expect(await res.json()).toEqual({ error: { code: 'invalid_field', message: 'title is required' } });
    const unknown = await answer({ success: false, target: 'json', error: { issues: [{ path: [], code: 'unrecognized_keys', message: 'unknown field "titel"' }] } });
    expect(await unknown.json()).toEqual({ error: { code: 'invalid_field', message: 'unknown field "titel"' } });
  });

  it('gives an issue about the whole request without a made-up parameter name', async () => {
    const res = await answer({ success: false, error: { issues: [{ path: [], message: 'the article must be a JSON object' }] } });
    expect(await res.json()).toEqual({ error: { code: 'invalid_request', message: 'the article must be a JSON object' } });
  });

  it('uses a schema\'s own API code', async () => {
    const res = await answer({ success: false, error: { issues: [{ path: ['q'], message: 'q is 600 characters long', params: { apiCode: 'query_too_long' } }] } });
    expect(await res.json()).toEqual({ error: { code: 'query_too_long', message: 'q is 600 characters long' } });
  });
});

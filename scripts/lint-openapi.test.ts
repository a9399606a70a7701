import { describe, expect, it } from 'vitest';
import { lintOpenApi, openApiDocument } from './lint-openapi.js';

describe('the OpenAPI document', () => {
  it('is clean under Redocly’s recommended ruleset (no error, no warning)', async () => {
    const { status, output, problems } = await lintOpenApi();
    expect(output).toContain('validating');
    expect(problems, output).toBe(0);
    expect(status, output).toBe(0);
  });

  it('declares who may call what: public reads have no security, operations have ids', async () => {
    const doc = (await openApiDocument()) as { info: { license?: unknown }; paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>> };
    expect(doc.info.license).toBeDefined();
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        ids.add(op.operationId!);
        if (method === 'get' && path !== '/changes' && path !== '/insights') expect(op.security, `${method} ${path}`).toEqual([]);
        if (path === '/insights') expect(op.security, 'get /insights is an operator read').toEqual([{ bearer: [] }]);
      }
    }
    expect(ids.size, 'operationIds are unique').toBe(Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0));
  });
});

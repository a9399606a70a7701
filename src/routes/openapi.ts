/**
 * `GET /openapi.json`: the OpenAPI 3.1 document, generated from the same zod schemas that validate
 * requests, so documentation and behaviour cannot drift apart.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';

/** Top-level OpenAPI information. */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Vietnamese Search API',
    version: '1.0.0',
    description: 'Full-text search for Vietnamese news archives: diacritic-insensitive, tone-placement-insensitive, abbreviation-aware, with highlighted snippets. Every error is JSON `{ error: { code, message } }`.',
    // No license has been chosen for this project yet: an SPDX reference to "unlicensed" (all rights
    // reserved), npm's word for a private package. Replace with the SPDX id once one is chosen.
    license: { name: 'UNLICENSED', identifier: 'LicenseRef-UNLICENSED' },
  },
} as const;

/** Registers `/openapi.json` on the app whose routes it documents. */
export function registerOpenApi(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Operator routes: writes and the change feed take the INGEST_TOKEN secret (`wrangler secret put INGEST_TOKEN`); search insights (GET /insights) take the read-only INSIGHTS_TOKEN secret, or INGEST_TOKEN.',
  });
  app.doc31('/openapi.json', (c) => ({ ...OPENAPI_INFO, servers: [{ url: new URL(c.req.url).origin }] }));
  return app;
}

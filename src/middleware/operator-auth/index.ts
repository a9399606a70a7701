/**
 * Locks operator routes (writes, the change feed, search insights) behind
 * `Authorization: Bearer <token>`, checked in constant time against Worker secrets. Built on Hono's
 * `bearerAuth`, whose comparison (`timingSafeEqual` from `hono/utils/buffer`) hashes both tokens with
 * SHA-256 and compares digests and strings without an early exit; with several accepted secrets
 * (e.g. the read-only INSIGHTS_TOKEN and the write token INGEST_TOKEN) the token is compared with
 * every configured one, so timing does not say which matched. With no secret configured the routes
 * are off: 403 with how to turn them on. A missing, malformed or wrong token: 401 with a
 * `WWW-Authenticate` challenge. Every answer is the API's JSON error; the token is never logged or
 * echoed.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../../http/app-env.js';
import { errorBody, sendError } from '../../http/errors.js';
import type { Secrets } from '../../worker/env.js';

/** Options of {@link operatorAuth}. */
export interface OperatorAuthOptions {
  /** The secret holding the token, or the secrets whose tokens are all accepted (the first is the one to create). */
  secret: keyof Secrets | readonly [keyof Secrets, ...(keyof Secrets)[]];
  /** What the routes do, for the 403 message ("Writes to the live index"). */
  what: string;
}

const json401 = (message: string) => () => new Response(JSON.stringify(errorBody('unauthorized', message)), {
  status: 401,
  headers: { 'Content-Type': 'application/json; charset=UTF-8' },
});

/** The configured (non-empty) values among these secrets. */
export function configuredSecrets(env: Partial<Secrets>, names: readonly (keyof Secrets)[]): string[] {
  return names.map((n) => env[n]).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Whether `token` equals one of `secrets`; every secret is compared, in constant time each. */
export async function tokenMatches(token: string, secrets: readonly string[]): Promise<boolean> {
  let ok = false;
  for (const secret of secrets) ok = (await timingSafeEqual(secret, token)) || ok;
  return ok;
}

/** Middleware requiring the bearer token held in `options.secret` (or one of them). */
export function operatorAuth(options: OperatorAuthOptions): MiddlewareHandler<AppEnv> {
  const { what } = options;
  const names: readonly (keyof Secrets)[] = typeof options.secret === 'string' ? [options.secret] : options.secret;
  const [primary] = names;
  const either = names.join(' or ');
  return async (c, next) => {
    const expected = configuredSecrets(c.env, names);
    if (!expected.length) {
      return sendError(c, 403, 'operator_routes_disabled', `${what} are switched off: no ${either} secret is configured. Set one with \`npx wrangler secret put ${primary}\` (locally: a line ${primary}=<token> in .dev.vars), then send it as \`Authorization: Bearer <token>\`.`);
    }
    return bearerAuth<AppEnv>({
      verifyToken: (token) => tokenMatches(token, expected),
      realm: 'vn-search',
      noAuthenticationHeader: { message: json401(`${what} need \`Authorization: Bearer <token>\` with the ${either} secret.`) },
      invalidAuthenticationHeader: { message: json401('The Authorization header must be `Bearer <token>` (one token of letters, digits and -._~+/= only).') },
      invalidToken: { message: json401(`The bearer token is not the ${either} secret.`) },
    })(c, next);
  };
}

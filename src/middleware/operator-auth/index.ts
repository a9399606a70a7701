/**
 * Locks operator routes (writes, the change feed) behind `Authorization: Bearer <token>`, checked in
 * constant time (Hono's `bearerAuth`, which compares SHA-256 digests) against a Worker secret. With no
 * secret configured the routes are off: 403 with how to turn them on. A missing, malformed or wrong
 * token: 401 with a `WWW-Authenticate` challenge. Every answer is the API's JSON error; the token is
 * never logged or echoed.
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
  /** The secret holding the token. */
  secret: keyof Secrets;
  /** What the routes do, for the 403 message ("Writes to the live index"). */
  what: string;
}

const json401 = (message: string) => () => new Response(JSON.stringify(errorBody('unauthorized', message)), {
  status: 401,
  headers: { 'Content-Type': 'application/json; charset=UTF-8' },
});

/** Middleware requiring the bearer token held in `options.secret`. */
export function operatorAuth(options: OperatorAuthOptions): MiddlewareHandler<AppEnv> {
  const { secret, what } = options;
  return async (c, next) => {
    const expected = c.env[secret];
    if (typeof expected !== 'string' || expected === '') {
      return sendError(c, 403, 'operator_routes_disabled', `${what} are switched off: no ${secret} secret is configured. Set one with \`npx wrangler secret put ${secret}\` (locally: a line ${secret}=<token> in .dev.vars), then send it as \`Authorization: Bearer <token>\`.`);
    }
    return bearerAuth<AppEnv>({
      verifyToken: (token) => timingSafeEqual(expected, token),
      realm: 'vn-search',
      noAuthenticationHeader: { message: json401(`${what} need \`Authorization: Bearer <token>\` with the ${secret} secret.`) },
      invalidAuthenticationHeader: { message: json401('The Authorization header must be `Bearer <token>` (one token of letters, digits and -._~+/= only).') },
      invalidToken: { message: json401(`The bearer token is not the ${secret} secret.`) },
    })(c, next);
  };
}

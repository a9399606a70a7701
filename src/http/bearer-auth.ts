/**
 * Operator routes: `Authorization: Bearer <token>` checked against Worker secrets in constant time.
 *
 * Built on Hono's `hono/bearer-auth` middleware, whose comparison (`timingSafeEqual` from
 * `hono/utils/buffer`) hashes both tokens with SHA-256 and compares the digests and the strings
 * without an early exit. This wrapper adds what the API contract needs:
 * - the secrets come from the request's `env` (they can change without a redeploy of the code);
 * - no secret configured → 403 JSON saying how to set one (`wrangler secret put` / `.dev.vars`);
 * - missing, malformed or wrong token → 401 JSON (`{ error: { code, message } }`) with a
 *   `WWW-Authenticate` challenge, never Hono's plain-text bodies;
 * - with several accepted secrets (e.g. a read-only one and the write one), the token is compared
 *   with every one of them, so timing does not say which matched.
 * Tokens must use the RFC 6750 `token68` characters (`A–Z a–z 0–9 - . _ ~ + /`, trailing `=`), as
 * `openssl rand -hex 32` or `-base64 32` produce.
 * @module
 */
import type { Context, Env, MiddlewareHandler } from 'hono';
import { bearerAuth as honoBearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { timingSafeEqual } from 'hono/utils/buffer';
import { errorBody } from './errors.js';

/** Options of {@link bearerAuth}. */
export interface BearerAuthOptions<E extends Env> {
  /**
   * The accepted secret(s) for this request's bindings. `undefined` and empty strings mean "not
   * configured"; when none is configured the route answers 403.
   */
  secret: (env: E['Bindings']) => string | undefined | ReadonlyArray<string | undefined>;
  /** Names of the secrets, for the messages (e.g. `['INSIGHTS_TOKEN', 'INGEST_TOKEN']`); the first is the one to create. */
  secretNames: readonly [string, ...string[]];
  /** What the route is, for the 403 message (e.g. "Search insights"). */
  what: string;
  /** Realm of the `WWW-Authenticate` challenge. */
  realm?: string;
}

/** The configured (non-empty) secrets among `value`. */
export function configuredSecrets(value: string | undefined | ReadonlyArray<string | undefined>): string[] {
  const list = typeof value === 'string' || value === undefined ? [value] : value;
  return list.filter((s): s is string => typeof s === 'string' && s.length > 0);
}

/**
 * Whether `token` equals one of `secrets`, in time independent of where they differ and of which
 * secret matched (every secret is compared).
 */
export async function tokenMatches(token: string, secrets: readonly string[]): Promise<boolean> {
  let ok = false;
  for (const secret of secrets) {
    const equal = await timingSafeEqual(secret, token);
    ok = equal || ok;
  }
  return ok;
}

/** Reads a secret by name from bindings that may not declare it (secrets are not in wrangler.toml). */
export function readSecret(env: unknown, name: string): string | undefined {
  const value = (env as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Middleware guarding an operator route with a bearer token (see the module comment for the
 * responses). Put it in front of the route's handler.
 */
export function bearerAuth<E extends Env>(options: BearerAuthOptions<E>): MiddlewareHandler<E> {
  const [primary, ...others] = options.secretNames;
  const names = [primary, ...others].join(' or ');
  const realm = options.realm ?? 'vn-search';
  const unauthorized = (code: string, message: string) => (c: Context) => c.json(errorBody(code, message), 401);
  return async (c, next) => {
    const secrets = configuredSecrets(options.secret(c.env));
    if (secrets.length === 0) {
      return c.json(errorBody('auth_not_configured',
        `${options.what} needs an operator token, and none is configured. Deployed: run \`npx wrangler secret put ${primary}\`. ` +
        `Local (wrangler dev): add a line ${primary}=<a long random token> to .dev.vars and restart. ` +
        `Then send it as Authorization: Bearer <token>.`), 403);
    }
    const check = honoBearerAuth<E>({
      realm,
      verifyToken: (token) => tokenMatches(token, secrets),
      noAuthenticationHeader: { message: unauthorized('missing_token', `${options.what} needs an operator token: send Authorization: Bearer <token> with the value of ${names}.`) },
      invalidAuthenticationHeader: { message: unauthorized('malformed_token', `The Authorization header must be "Bearer <token>" with the value of ${names} (letters, digits and - . _ ~ + / only).`) },
      invalidToken: { message: unauthorized('invalid_token', `The bearer token is not valid for this route. Send the value of ${names}.`) },
    });
    try {
      return await check(c, next);
    } catch (e) {
      // Hono's middleware throws its (JSON, 401) response; the app's error handler would rewrite it.
      if (e instanceof HTTPException) return e.getResponse();
      throw e;
    }
  };
}

import type { MiddlewareHandler } from 'hono';
import { authenticateToken } from '../app/authenticate-token.ts';
import type { Store } from '../app/store.ts';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './http-error.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Authenticates `Authorization: Bearer <token>` with the application's token check (the store
 * keeps only the tokens' SHA-256) and sets the caller: its workspace and name. No token, a malformed header,
 * an unknown or revoked token: 401 with `WWW-Authenticate: Bearer`. The token itself is never
 * logged or echoed.
 */
export function bearerAuth(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw unauthorized('missing bearer token: send Authorization: Bearer <token> (create one with `ve token create`)');
    const match = BEARER.exec(header);
    if (!match) throw unauthorized('malformed Authorization header: expected Bearer <token>');
    const holder = authenticateToken(store, match[1]!);
    if (!holder.ok) throw unauthorized(holder.error.message);
    c.set('caller', holder.value);
    await next();
  };
}

function unauthorized(message: string): HttpError {
  return new HttpError('unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer' } });
}

import type { MiddlewareHandler } from 'hono';
import type { Store } from '../app/store.ts';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './http-error.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Authenticates `Authorization: Bearer <token>` against the store (which keeps only the
 * tokens' SHA-256) and sets the caller: its workspace and name. No token, a malformed header,
 * an unknown or revoked token: 401 with `WWW-Authenticate: Bearer`. The token itself is never
 * logged or echoed.
 */
export function bearerAuth(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw unauthorized('missing bearer token: send Authorization: Bearer <token> (create one with `ve token create`)');
    const match = BEARER.exec(header);
    if (!match) throw unauthorized('malformed Authorization header: expected Bearer <token>');
    const record = store.findApiToken(match[1]!);
    if (!record) throw unauthorized('invalid or revoked token');
    c.set('caller', { workspaceId: record.workspaceId, tokenId: record.id, name: record.name });
    await next();
  };
}

function unauthorized(message: string): HttpError {
  return new HttpError('unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer' } });
}

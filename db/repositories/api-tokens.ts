import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens } from '../schema.ts';
import { placeholders } from './placeholders.ts';
import type { RepositoryContext } from './repository-context.ts';

const { p } = placeholders;

/** A stored API token, without its secret. */
export interface ApiTokenRecord {
  id: string;
  workspaceId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** API tokens of a workspace: only the SHA-256 of a token is stored; the token is shown once. */
export interface ApiTokenRepository {
  /** Creates a token; the secret is returned once and only its SHA-256 is stored. */
  createApiToken(input: { workspaceId: string; name: string; now: string }): { record: ApiTokenRecord; token: string };
  /** The live (not revoked) token with this secret, or null. */
  findApiToken(token: string): ApiTokenRecord | null;
  /** A workspace's tokens (without secrets), oldest first. */
  listApiTokens(workspaceId: string): ApiTokenRecord[];
  /** Revokes a live token; false when there is no such live token. */
  revokeApiToken(id: string, now: string): boolean;
}

/** SHA-256 (hex) of an API token: what the database keeps instead of the token. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The API-token repository over SQLite. Every API request authenticates: the lookup is prepared once. */
export function apiTokenRepository({ db, newId }: RepositoryContext): ApiTokenRepository {
  const columns = {
    id: apiTokens.id,
    workspaceId: apiTokens.workspaceId,
    name: apiTokens.name,
    createdAt: apiTokens.createdAt,
    revokedAt: apiTokens.revokedAt,
  };
  const findLive = db
    .select(columns)
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, p('tokenHash')), isNull(apiTokens.revokedAt)))
    .prepare();
  return {
    createApiToken({ workspaceId, name, now }) {
      const token = `ve_${randomBytes(32).toString('base64url')}`;
      const id = newId();
      db.insert(apiTokens)
        .values({ id, workspaceId, name, tokenHash: hashApiToken(token), createdAt: now })
        .run();
      return { record: { id, workspaceId, name, createdAt: now, revokedAt: null }, token };
    },
    findApiToken(token) {
      return findLive.get({ tokenHash: hashApiToken(token) }) ?? null;
    },
    listApiTokens(workspaceId) {
      return db.select(columns).from(apiTokens).where(eq(apiTokens.workspaceId, workspaceId)).orderBy(asc(apiTokens.createdAt), sql`rowid`).all();
    },
    revokeApiToken(id, now) {
      return (
        db
          .update(apiTokens)
          .set({ revokedAt: now })
          .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
          .run().changes === 1
      );
    },
  };
}

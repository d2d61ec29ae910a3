import type { ApiTokenRecord } from '../../db/store.ts';
import { ID_PATTERN } from '../engine/index.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { DEFAULT_WORKSPACE } from '../proposals/default-workspace.ts';
import type { AppContext } from './app-context.ts';

/** The name `ve serve` gives the token its banner prints (recorded as proposer and approver). */
export const BANNER_TOKEN_NAME = 've-serve';
const MAX_NAME = 100;

/** A token just made: the secret (shown this once; the store keeps its SHA-256), its record, and whether its workspace is new. */
export interface CreatedToken {
  token: string;
  record: ApiTokenRecord;
  workspaceCreated: boolean;
}

/**
 * Creates a workspace token for `name` (the person or integration it is for), creating the
 * workspace when it does not exist yet. The workspace id follows the same pattern as every
 * other id; the name is 1 to 100 characters.
 */
export function createToken(ctx: AppContext, request: { workspaceId: string; name: string }): Outcome<CreatedToken> {
  const name = request.name.trim();
  if (!name || name.length > MAX_NAME) return failWith('invalid_argument', `the token's name must be 1 to ${MAX_NAME} characters`, { field: 'name' });
  const workspace = checkWorkspaceId(request.workspaceId);
  if (!workspace.ok) return workspace;
  const now = ctx.now().toISOString();
  return succeed(
    ctx.store.transaction(() => {
      const workspaceCreated = ctx.store.getWorkspace(workspace.value) === null;
      ctx.store.ensureWorkspace(workspace.value, workspace.value, now);
      return { workspaceCreated, ...ctx.store.createApiToken({ workspaceId: workspace.value, name, now }) };
    }),
  );
}

/** A workspace's tokens, live and revoked (never their secrets). */
export function listTokens(ctx: AppContext, workspaceId: string): Outcome<ApiTokenRecord[]> {
  const workspace = checkWorkspaceId(workspaceId);
  if (!workspace.ok) return workspace;
  return succeed(ctx.store.listApiTokens(workspace.value));
}

/** Revokes a live token by its id; an unknown or already revoked id is `not_found`. */
export function revokeToken(ctx: AppContext, tokenId: string): Outcome<{ tokenId: string }> {
  if (!ctx.store.revokeApiToken(tokenId, ctx.now().toISOString())) return failWith('not_found', `no live token with id '${tokenId}'`, { field: 'id' });
  return succeed({ tokenId });
}

/**
 * Revokes the tokens earlier `ve serve` starts printed and creates a fresh one for the demo
 * workspace. The store keeps only hashes, so an old token cannot be shown again; rotating keeps
 * exactly one live banner token instead of one more per start.
 */
export function rotateBannerToken(ctx: AppContext): string {
  const now = ctx.now().toISOString();
  return ctx.store.transaction(() => {
    ctx.store.ensureWorkspace(DEFAULT_WORKSPACE, DEFAULT_WORKSPACE, now);
    for (const t of ctx.store.listApiTokens(DEFAULT_WORKSPACE)) if (t.name === BANNER_TOKEN_NAME && t.revokedAt === null) ctx.store.revokeApiToken(t.id, now);
    return ctx.store.createApiToken({ workspaceId: DEFAULT_WORKSPACE, name: BANNER_TOKEN_NAME, now }).token;
  });
}

/** Whether a workspace exists (a door asked to work in a named workspace says so when it does not). */
export function workspaceExists(ctx: AppContext, workspaceId: string): boolean {
  return ctx.store.getWorkspace(workspaceId) !== null;
}

function checkWorkspaceId(id: string): Outcome<string> {
  if (!ID_PATTERN.test(id)) return failWith('invalid_argument', `workspace '${id}' must match ${ID_PATTERN.source}`, { field: 'workspace' });
  return succeed(id);
}

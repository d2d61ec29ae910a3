import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from './client.ts';
import { apiTokenRepository } from './repositories/api-tokens.ts';
import { auditLogRepository } from './repositories/audit-log.ts';
import { businessCaseRepository } from './repositories/business-cases.ts';
import { conversationRepository } from './repositories/conversations.ts';
import { measurementHistoryRepository } from './repositories/measurement-history.ts';
import { proposalRepository } from './repositories/proposals.ts';
import { qbrDraftRepository } from './repositories/qbr-drafts.ts';
import type { RepositoryContext } from './repositories/repository-context.ts';
import { slackEventRepository } from './repositories/slack-events.ts';
import { workspaceRepository } from './repositories/workspaces.ts';
import type { Store } from './store.ts';

// Kept importable from here, where it always was.
export { hashApiToken } from './repositories/api-tokens.ts';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** Id generator for proposals, tokens and threads (random UUIDs by default; injectable for tests). */
  newId?: () => string;
}

/**
 * The `Store` over an open SQLite database (drizzle + better-sqlite3): the repositories of
 * `db/repositories/`, composed over one connection and one transaction. Each repository
 * prepares its hot statements (drizzle `.prepare()` with placeholders) once, here, so an
 * approval, a token lookup or a chat turn costs SQLite work, not query building.
 */
export function createSqliteStore(handle: DatabaseHandle, options: SqliteStoreOptions = {}): Store {
  const transaction = <T>(fn: () => T): T =>
    // better-sqlite3 turns a nested transaction function into a savepoint.
    handle.sqlite.transaction(fn).immediate();
  const ctx: RepositoryContext = { db: handle.db, transaction, newId: options.newId ?? randomUUID };
  return {
    transaction,
    ...workspaceRepository(ctx),
    ...apiTokenRepository(ctx),
    ...businessCaseRepository(ctx),
    ...proposalRepository(ctx),
    ...auditLogRepository(ctx),
    ...measurementHistoryRepository(ctx),
    ...conversationRepository(ctx),
    ...qbrDraftRepository(ctx),
    ...slackEventRepository(ctx),
    close: () => handle.close(),
  };
}

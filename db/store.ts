import type { ApiTokenRepository } from './repositories/api-tokens.ts';
import type { AuditLogRepository } from './repositories/audit-log.ts';
import type { BusinessCaseRepository } from './repositories/business-cases.ts';
import type { ConversationRepository } from './repositories/conversations.ts';
import type { MeasurementHistoryRepository } from './repositories/measurement-history.ts';
import type { ProposalRepository } from './repositories/proposals.ts';
import type { QbrDraftRepository } from './repositories/qbr-drafts.ts';
import type { SlackEventRepository } from './repositories/slack-events.ts';
import type { WorkspaceRepository } from './repositories/workspaces.ts';

// The record types live with their repositories (`db/repositories/`); they are re-exported
// here so the rest of the code imports everything storage-shaped from one place.
export type { ApiTokenRecord, ApiTokenRepository } from './repositories/api-tokens.ts';
export type { AuditLogRepository, AuditRecord, NewAuditEntry } from './repositories/audit-log.ts';
export type { BusinessCaseRepository, CaseListing, CaseRecord } from './repositories/business-cases.ts';
export type { ConversationRepository, MessageRecord, MessageRole, ThreadRecord } from './repositories/conversations.ts';
export type { MeasurementFilter, MeasurementHistoryRepository, MeasurementRecord, NewMeasurement, RecordedValue } from './repositories/measurement-history.ts';
export type { NewProposal, ProposalDecision, ProposalFilter, ProposalRecord, ProposalRepository, ProposalResult } from './repositories/proposals.ts';
export type { NewQbrDraft, QbrDraftFilter, QbrDraftKey, QbrDraftRecord, QbrDraftRepository } from './repositories/qbr-drafts.ts';
export type { WorkspaceRecord, WorkspaceRepository } from './repositories/workspaces.ts';
export type { SlackEventRepository } from './repositories/slack-events.ts';

/**
 * The storage interface every door, tool and the proposal workflow goes through: the
 * repositories of `db/repositories/` (one per aggregate) and one transaction over all of
 * them. Plain repository functions, no business rules (those live in `src/proposals/`).
 * Synchronous, because the one implementation is better-sqlite3, whose transactions must
 * not span an `await`; the workflow's engine runs are synchronous too.
 */
export interface Store
  extends WorkspaceRepository,
    ApiTokenRepository,
    BusinessCaseRepository,
    ProposalRepository,
    AuditLogRepository,
    MeasurementHistoryRepository,
    ConversationRepository,
    QbrDraftRepository,
    SlackEventRepository {
  /**
   * Runs `fn` atomically while holding the database's write lock (`BEGIN IMMEDIATE`), so a
   * read-check-write inside it cannot interleave with another connection or process. A
   * throw rolls everything back. Nested calls join the outer transaction.
   */
  transaction<T>(fn: () => T): T;
  /** Closes the database connection. */
  close(): void;
}

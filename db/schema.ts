import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { BusinessCase, Figures, OperationPreview, QbrFacts } from '../src/engine/index.ts';
import { MEASUREMENT_ACTIONS } from '../src/proposals/measurement-action.ts';
import { PROPOSAL_STATUSES } from '../src/proposals/proposal-status.ts';
import { QBR_AUDIENCES } from '../src/qbr/qbr-audience.ts';
import type { ProposalResult } from './repositories/proposals.ts';

/**
 * The database schema (drizzle). Migrations in `db/migrations/` are generated from this file
 * with `npm run db:generate` and committed; the client applies them at start-up.
 *
 * Conventions: ids are text (UUIDs, or the business case's own document id); timestamps are
 * ISO-8601 UTC text written from an injected clock; JSON is stored as text (drizzle's
 * `text({ mode: 'json' })`: `JSON.stringify` on write, `JSON.parse` on read, typed with `$type`)
 * and only ever written by code that validated it (the engine or a zod schema).
 * See `docs/store.md` for the design.
 */

/** A tenant: business cases, tokens and conversations belong to exactly one workspace. */
export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * One business case: the engine's document (JSON) and its version. The version starts at 1
 * and grows by one with every applied proposal; it is the optimistic-concurrency token a
 * proposal is previewed against.
 */
export const businessCases = sqliteTable(
  'business_cases',
  {
    /**
     * The storage key the other tables refer to. It is the document's id, unless another
     * workspace already used that id, then `<id>@<workspace>` (ids never hold `@`). Internal:
     * no door shows it; people name a case by `case_id` within their workspace.
     */
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** The business case's id (the document's `id`), unique within its workspace only. */
    caseId: text('case_id').notNull().default(''),
    name: text('name').notNull(),
    customer: text('customer').notNull(),
    document: text('document', { mode: 'json' }).$type<BusinessCase>().notNull(),
    version: integer('version').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('business_cases_workspace_idx').on(t.workspaceId),
    uniqueIndex('business_cases_workspace_case_idx').on(t.workspaceId, t.caseId),
    check('business_cases_version_positive', sql`${t.version} >= 1`),
  ],
);

/**
 * Every measurement value that ever entered a business case, including the ones later
 * replaced or removed: the document keeps only the current entry of a month, this table keeps
 * all of them. A row that a later row replaced has `superseded_by` set; the later row carries
 * the value it replaced in `replaced_value`. A removal is a row of its own (`action`
 * `removed`, holding the removed value, who proposed and approved the removal and when) that
 * supersedes the removed row, so nothing ever leaves the history.
 */
export const measurementHistory = sqliteTable(
  'measurement_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id')
      .notNull()
      .references(() => businessCases.id),
    scenario: text('scenario').notNull(),
    useCase: text('use_case').notNull(),
    input: text('input').notNull(),
    month: text('month').notNull(),
    value: real('value').notNull(),
    note: text('note'),
    evidence: text('evidence'),
    source: text('source'),
    /** Who reported the value: the proposer, or the importer for values present at import. */
    recordedBy: text('recorded_by').notNull(),
    /** Who approved it; null for values that came with an imported document. */
    approvedBy: text('approved_by'),
    /** The proposal that brought it; null for imported values. */
    proposalId: text('proposal_id').references(() => proposals.id),
    recordedAt: text('recorded_at').notNull(),
    /** The case version this value first appears in. */
    version: integer('version').notNull(),
    /** The value this row replaced in the same month, null when the month was empty. */
    replacedValue: real('replaced_value'),
    /** The later row that replaced this one (null while it is the current value). */
    supersededBy: integer('superseded_by'),
    /** What this row records (`MEASUREMENT_ACTIONS`); rows written before Contract 2 are `recorded`. */
    action: text('action', { enum: MEASUREMENT_ACTIONS }).notNull().default('recorded'),
  },
  (t) => [
    index('measurement_history_lookup_idx').on(t.caseId, t.scenario, t.useCase, t.input, t.month),
    check('measurement_history_action_known', sql`${t.action} in ('recorded', 'set', 'annotated', 'removed')`),
  ],
);

/**
 * A proposed change: one or more operations applied together, the case version they were
 * previewed against, the engine's preview, and the decision.
 */
export const proposals = sqliteTable(
  'proposals',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => businessCases.id),
    /** JSON array of operations, applied in order, all or nothing. */
    operations: text('operations', { mode: 'json' }).$type<unknown[]>().notNull(),
    baseVersion: integer('base_version').notNull(),
    /** The month the preview's "to date" figures were computed as of. */
    asOf: text('as_of').notNull(),
    /** JSON array of the engine's previews, one per operation. */
    preview: text('preview', { mode: 'json' }).$type<OperationPreview[]>().notNull(),
    /**
     * JSON array of the plausibility warnings it was proposed with (a percentage given as a
     * whole number, a negative count, a value 10x away from the last measurement), shown with
     * it by every door; `[]` when none (and for proposals stored before warnings existed).
     */
    warnings: text('warnings', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /**
     * JSON of what applying it to the base version produces: the document and the measurement
     * values it records. Used as is when the case is still at `base_version` (the engine is
     * deterministic, so re-running it would give the same); a stale proposal is re-run instead.
     */
    result: text('result', { mode: 'json' }).$type<ProposalResult>(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull(),
    proposedBy: text('proposed_by').notNull(),
    /** Where it was asked: e.g. `slack`, `http`, `cli`. */
    channel: text('channel'),
    /** The conversation thread key it was asked in, if any. */
    thread: text('thread'),
    createdAt: text('created_at').notNull(),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
    /** Why it was rejected, refused or expired. */
    reason: text('reason'),
    /** The case version the application produced (status `applied`). */
    appliedVersion: integer('applied_version'),
    /**
     * The Slack message that shows the proposal with its buttons (channel id and message `ts`),
     * when it was posted to Slack; whichever door decides the proposal updates that message.
     */
    slackChannel: text('slack_channel'),
    slackTs: text('slack_ts'),
  },
  (t) => [
    index('proposals_case_status_idx').on(t.caseId, t.status),
    index('proposals_status_created_idx').on(t.status, t.createdAt),
    check('proposals_status_known', sql`${t.status} in ('pending', 'applied', 'rejected', 'expired', 'refused')`),
  ],
);

/** One entry per applied operation: what, who proposed, who approved, when, figures before/after. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id')
      .notNull()
      .references(() => businessCases.id),
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposals.id),
    /** Position of the operation within its proposal (0-based). */
    opIndex: integer('op_index').notNull(),
    op: text('op').notNull(),
    /** The operation JSON exactly as applied. */
    operation: text('operation', { mode: 'json' }).$type<unknown>().notNull(),
    scenario: text('scenario').notNull(),
    proposedBy: text('proposed_by').notNull(),
    approvedBy: text('approved_by').notNull(),
    at: text('at').notNull(),
    asOf: text('as_of').notNull(),
    versionBefore: integer('version_before').notNull(),
    versionAfter: integer('version_after').notNull(),
    /** JSON array of the engine's change lines. */
    changes: text('changes', { mode: 'json' }).$type<string[]>().notNull(),
    /** JSON figures of the scenario before (null when the operation created it) and after. */
    beforeFigures: text('before_figures', { mode: 'json' }).$type<Figures>(),
    afterFigures: text('after_figures', { mode: 'json' }).$type<Figures>().notNull(),
  },
  (t) => [index('audit_log_case_idx').on(t.caseId, t.id), uniqueIndex('audit_log_proposal_op_idx').on(t.proposalId, t.opIndex)],
);

/** API tokens: only the SHA-256 of the token is stored; the token itself is shown once. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash)],
);

/** A conversation (a Slack thread, an HTTP session, a terminal chat), keyed within a workspace. */
export const threads = sqliteTable(
  'threads',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    key: text('key').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('threads_workspace_key_idx').on(t.workspaceId, t.key)],
);

/** One message of a conversation; `content` is the model message's content as JSON. */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: text('thread_id')
      .notNull()
      .references(() => threads.id),
    role: text('role', { enum: ['system', 'user', 'assistant', 'tool'] }).notNull(),
    content: text('content', { mode: 'json' }).$type<unknown>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('messages_thread_idx').on(t.threadId, t.id), check('messages_role_known', sql`${t.role} in ('system', 'user', 'assistant', 'tool')`)],
);

/**
 * A QBR narrative draft, kept in versions: each (case, quarter, audience) starts at version 1
 * and every redraft adds the next version; nothing is overwritten. A draft is not business
 * data: writing one changes no figure, so it needs no approval. `facts` is the engine's
 * `QbrFacts` the draft was written from (what its numbers were checked against).
 */
export const qbrDrafts = sqliteTable(
  'qbr_drafts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id')
      .notNull()
      .references(() => businessCases.id),
    /** `YYYY-Qn`. */
    quarter: text('quarter').notNull(),
    audience: text('audience', { enum: QBR_AUDIENCES }).notNull(),
    version: integer('version').notNull(),
    /** The business case's version the facts were computed from. */
    caseVersion: integer('case_version').notNull(),
    /** The month the facts are as of. */
    asOf: text('as_of').notNull(),
    markdown: text('markdown').notNull(),
    /** JSON of the engine's QBR facts. */
    facts: text('facts', { mode: 'json' }).$type<QbrFacts>().notNull(),
    /** 1 when every number in the markdown matched a fact. */
    grounded: integer('grounded', { mode: 'boolean' }).notNull(),
    /** JSON array of the numbers (as written) that matched no fact; marked in the markdown. */
    unverified: text('unverified', { mode: 'json' }).$type<string[]>().notNull(),
    /** What wrote it: `template` (the offline writer) or the language model's id. */
    writer: text('writer').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('qbr_drafts_key_version_idx').on(t.caseId, t.quarter, t.audience, t.version),
    check('qbr_drafts_audience_known', sql`${t.audience} in ('executive-sponsor', 'finance', 'champion')`),
    check('qbr_drafts_version_positive', sql`${t.version} >= 1`),
  ],
);

/**
 * Slack deliveries already handled (event ids, or the retried request's key), kept for a while
 * so a retry that arrives after a restart is still recognised and not processed twice.
 */
export const slackEvents = sqliteTable(
  'slack_events',
  {
    id: text('id').primaryKey(),
    /** When it was first seen (ISO-8601 UTC); rows older than the TTL are deleted. */
    seenAt: text('seen_at').notNull(),
  },
  (t) => [index('slack_events_seen_idx').on(t.seenAt)],
);

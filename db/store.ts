import type { BusinessCase, Figures, OperationPreview, QbrFacts } from '../src/engine/index.ts';
import type { MeasurementAction } from '../src/proposals/measurement-action.ts';
import type { ProposalStatus } from '../src/proposals/proposal-status.ts';
import type { QbrAudience } from '../src/qbr/qbr-audience.ts';

/** A tenant. */
export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
}

/** A stored business case: its document and the version the document is at. */
export interface CaseRecord {
  id: string;
  workspaceId: string;
  name: string;
  customer: string;
  document: BusinessCase;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A business case in a listing (without its document). */
export type CaseListing = Omit<CaseRecord, 'document'>;

/** A stored proposal. */
export interface ProposalRecord {
  id: string;
  caseId: string;
  /** The operations, applied in order, all or nothing. */
  operations: unknown[];
  /** The case version the preview was computed against. */
  baseVersion: number;
  /** The month the preview's "to date" figures are as of. */
  asOf: string;
  /** The engine's preview of each operation. */
  preview: OperationPreview[];
  status: ProposalStatus;
  proposedBy: string;
  channel: string | null;
  thread: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  /** The case version its application produced (status `applied`). */
  appliedVersion: number | null;
}

/** A measurement value an operation records (what the history receives when it is applied). */
export interface RecordedValue {
  /** What happened to the month's entry; a `removed` row holds the value that was removed. */
  action: MeasurementAction;
  scenario: string;
  useCase: string;
  input: string;
  month: string;
  value: number;
  note: string | null;
  evidence: string | null;
  source: string | null;
  /** The value it replaces (or, for `removed`, removes) in that month, null when the month had none. */
  replacedValue: number | null;
}

/** What applying a proposal to its base version produces, computed by the engine when proposed. */
export interface ProposalResult {
  /**
   * The engine contract the outcome was computed under (`ENGINE_CONTRACT`); absent in
   * proposals stored before Contract 2. An outcome from another contract is never applied
   * as stored: the engine re-checks the proposal.
   */
  engineContract?: number;
  document: BusinessCase;
  /** The measurement values it records, in order (one per added or changed series entry per operation). */
  measurements: RecordedValue[];
}

/** What `insertProposal` needs; the store assigns the id and status `pending`. */
export interface NewProposal {
  caseId: string;
  operations: unknown[];
  baseVersion: number;
  asOf: string;
  preview: OperationPreview[];
  /** The outcome at the base version; null to have approval always re-run the engine. */
  result?: ProposalResult | null;
  proposedBy: string;
  channel?: string | null;
  thread?: string | null;
  createdAt: string;
}

/** The decision taken on a pending proposal. */
export interface ProposalDecision {
  status: Exclude<ProposalStatus, 'pending'>;
  decidedBy: string | null;
  decidedAt: string;
  reason?: string | null;
  appliedVersion?: number | null;
}

/** Which proposals to list; every field narrows the listing. */
export interface ProposalFilter {
  caseId?: string;
  workspaceId?: string;
  status?: ProposalStatus;
  /** Only proposals created strictly before this timestamp. */
  createdBefore?: string;
}

/** One applied operation in the audit log. */
export interface AuditRecord {
  id: number;
  caseId: string;
  proposalId: string;
  opIndex: number;
  op: string;
  operation: unknown;
  scenario: string;
  proposedBy: string;
  approvedBy: string;
  at: string;
  asOf: string;
  versionBefore: number;
  versionAfter: number;
  changes: string[];
  before: Figures | null;
  after: Figures;
}

/** An audit entry to write. */
export type NewAuditEntry = Omit<AuditRecord, 'id'>;

/** One row of the measurement history (a current, replaced or removed value, or a removal). */
export interface MeasurementRecord extends RecordedValue {
  id: number;
  caseId: string;
  /** Who proposed the change this row records (for `removed`: who asked for the removal), or the importer. */
  recordedBy: string;
  approvedBy: string | null;
  proposalId: string | null;
  recordedAt: string;
  version: number;
  /** The id of the row that replaced (or removed) this one; null for the month's latest row. */
  supersededBy: number | null;
}

/** A history row to write (`action` default `recorded`); the store links it to the row it replaces or removes. */
export type NewMeasurement = Omit<MeasurementRecord, 'id' | 'supersededBy' | 'action'> & { action?: MeasurementAction };

/** Which measurement history to read: a case, optionally narrowed to one input. */
export interface MeasurementFilter {
  caseId: string;
  scenario?: string;
  useCase?: string;
  input?: string;
}

/** A stored API token, without its secret. */
export interface ApiTokenRecord {
  id: string;
  workspaceId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A conversation thread. */
export interface ThreadRecord {
  id: string;
  workspaceId: string;
  key: string;
  createdAt: string;
  updatedAt: string;
}

/** The author of a conversation message. */
export type MessageRole = 'system' | 'user' | 'assistant' | 'tool';

/** One conversation message; `content` is whatever JSON the agent stores. */
export interface MessageRecord {
  id: number;
  threadId: string;
  role: MessageRole;
  content: unknown;
  createdAt: string;
}

/** A stored QBR narrative draft: one version of the draft for a case, quarter and audience. */
export interface QbrDraftRecord {
  id: number;
  caseId: string;
  /** `YYYY-Qn`. */
  quarter: string;
  audience: QbrAudience;
  /** 1, 2, ... within (case, quarter, audience). */
  version: number;
  /** The business case's version the facts were computed from. */
  caseVersion: number;
  /** The month the facts are as of. */
  asOf: string;
  markdown: string;
  /** The engine's QBR facts the draft was written from and checked against. */
  facts: QbrFacts;
  /** True when every number in the markdown matched a fact. */
  grounded: boolean;
  /** The numbers, as written, that matched no fact (they are marked in the markdown). */
  unverified: string[];
  /** What wrote it: `template` (the offline writer) or the language model's id. */
  writer: string;
  createdBy: string;
  createdAt: string;
}

/** A draft to store; the store assigns the id and the next version. */
export type NewQbrDraft = Omit<QbrDraftRecord, 'id' | 'version'>;

/** Which drafts: a case, optionally one quarter and one audience. */
export interface QbrDraftFilter {
  caseId: string;
  quarter?: string;
  audience?: QbrAudience;
}

/** One draft: a case, quarter and audience, and a version (default: the latest). */
export interface QbrDraftKey {
  caseId: string;
  quarter: string;
  audience: QbrAudience;
  version?: number;
}

/**
 * The storage interface every door, tool and the proposal workflow goes through: plain
 * repository functions, no business rules (those live in `src/proposals/`). Synchronous,
 * because the one implementation is better-sqlite3, whose transactions must not span an
 * `await`; the workflow's engine runs are synchronous too.
 */
export interface Store {
  /**
   * Runs `fn` atomically while holding the database's write lock (`BEGIN IMMEDIATE`), so a
   * read-check-write inside it cannot interleave with another connection or process. A
   * throw rolls everything back. Nested calls join the outer transaction.
   */
  transaction<T>(fn: () => T): T;

  /** Creates the workspace if it does not exist; returns it either way. */
  ensureWorkspace(id: string, name: string, now: string): WorkspaceRecord;
  /** The workspace with this id, or null. */
  getWorkspace(id: string): WorkspaceRecord | null;
  /** Every workspace, by id (none at all means a brand-new database). */
  listWorkspaces(): WorkspaceRecord[];

  /** Stores a new business case at version 1 (the caller validated the document). Throws if the id exists. */
  insertCase(input: { workspaceId: string; document: BusinessCase; createdBy: string; now: string }): CaseRecord;
  /** The case with its current document and version, or null. */
  getCase(id: string): CaseRecord | null;
  /** Cases (without documents) by id, of one workspace or all. */
  listCases(workspaceId?: string): CaseListing[];
  /**
   * Replaces a case's document and bumps its version, only if it is still at
   * `expectedVersion` (optimistic concurrency). Returns false, changing nothing, otherwise.
   */
  updateCaseDocument(input: { id: string; expectedVersion: number; document: BusinessCase; now: string }): boolean;

  /** Stores a pending proposal and returns it with its new id. */
  insertProposal(input: NewProposal): ProposalRecord;
  /** The proposal, or null. */
  getProposal(id: string): ProposalRecord | null;
  /** The stored outcome of a proposal at its base version (kept apart: it holds a whole document). */
  getProposalResult(id: string): ProposalResult | null;
  /** Proposals, oldest first. */
  listProposals(filter?: ProposalFilter): ProposalRecord[];
  /** Records the decision on a proposal that is still pending; false (nothing changed) otherwise. */
  decideProposal(id: string, decision: ProposalDecision): boolean;

  /** Appends audit entries and returns them with their ids. */
  insertAuditEntries(entries: readonly NewAuditEntry[]): AuditRecord[];
  /** A case's audit log, oldest first; `afterVersion` keeps entries that produced a later version. */
  listAudit(caseId: string, options?: { afterVersion?: number }): AuditRecord[];

  /** Appends rows to the measurement history, marking the rows they replace or remove as superseded. */
  insertMeasurements(rows: readonly NewMeasurement[]): void;
  /** Measurement history, oldest first, replaced and removed values included. */
  listMeasurements(filter: MeasurementFilter): MeasurementRecord[];

  /** Creates a token; the secret is returned once and only its SHA-256 is stored. */
  createApiToken(input: { workspaceId: string; name: string; now: string }): { record: ApiTokenRecord; token: string };
  /** The live (not revoked) token with this secret, or null. */
  findApiToken(token: string): ApiTokenRecord | null;
  /** A workspace's tokens (without secrets), oldest first. */
  listApiTokens(workspaceId: string): ApiTokenRecord[];
  /** Revokes a live token; false when there is no such live token. */
  revokeApiToken(id: string, now: string): boolean;

  /** The thread with this key in the workspace, created if new. */
  getOrCreateThread(input: { workspaceId: string; key: string; now: string }): ThreadRecord;
  /** Appends messages to a thread, in order, in one transaction (and touches the thread's `updatedAt`). */
  appendMessages(input: { threadId: string; messages: ReadonlyArray<{ role: MessageRole; content: unknown }>; createdAt: string }): void;
  /** A thread's messages in order; with `limit`, the latest `limit` of them. */
  listMessages(threadId: string, options?: { limit?: number }): MessageRecord[];

  /** Stores a QBR draft as the next version of its (case, quarter, audience); returns it. */
  insertQbrDraft(input: NewQbrDraft): QbrDraftRecord;
  /** QBR drafts of a case, by quarter, audience and version (oldest version first). */
  listQbrDrafts(filter: QbrDraftFilter): QbrDraftRecord[];
  /** One QBR draft version (the latest when `version` is omitted), or null. */
  getQbrDraft(key: QbrDraftKey): QbrDraftRecord | null;

  /** Closes the database connection. */
  close(): void;
}

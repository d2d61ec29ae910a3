import { and, asc, eq, getTableColumns, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { BusinessCase, OperationPreview } from '../../src/engine/index.ts';
import type { ProposalStatus } from '../../src/proposals/proposal-status.ts';
import { businessCases, proposals } from '../schema.ts';
import type { RecordedValue } from './measurement-history.ts';
import { placeholders } from './placeholders.ts';
import type { RepositoryContext } from './repository-context.ts';

const { p, setRaw, nullableJson } = placeholders;

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
  /** Plausibility warnings to read before approving (a value 10x away from the last measurement...); empty when none. */
  warnings: string[];
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
  /** The Slack message showing it with its buttons (channel id and `ts`), once posted; null otherwise. */
  slackChannel: string | null;
  slackTs: string | null;
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
  /** Plausibility warnings to store with it; none when left out. */
  warnings?: string[];
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

/** Proposed changes, their previews and stored outcomes, and the decision on each. */
export interface ProposalRepository {
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
  /**
   * Records the Slack message (channel id, `ts`) that shows the proposal, so a decision at any
   * door can update it; null once the message shows the decision (nothing left to update).
   */
  setProposalSlackMessage(id: string, message: { channel: string; ts: string } | null): void;
  /** Decided proposals whose Slack message still shows them pending (a `slack_ts` is recorded), oldest first. */
  listProposalsToUpdateInSlack(limit: number): ProposalRecord[];
}

/** The proposal repository over SQLite; proposing and deciding are on the approval path, prepared once. */
export function proposalRepository({ db, newId }: RepositoryContext): ProposalRepository {
  const { result: _result, ...recordColumns } = getTableColumns(proposals);
  const q = {
    get: db
      .select(recordColumns)
      .from(proposals)
      .where(eq(proposals.id, p('id')))
      .prepare(),
    getResult: db
      .select({ result: proposals.result })
      .from(proposals)
      .where(eq(proposals.id, p('id')))
      .prepare(),
    insert: db
      .insert(proposals)
      .values({
        id: p('id'),
        caseId: p('caseId'),
        operations: p('operations'),
        baseVersion: p('baseVersion'),
        asOf: p('asOf'),
        preview: p('preview'),
        warnings: p('warnings'),
        result: nullableJson('result', proposals.result),
        status: 'pending',
        proposedBy: p('proposedBy'),
        channel: p('channel'),
        thread: p('thread'),
        createdAt: p('createdAt'),
      })
      .prepare(),
    slackMessage: db
      .update(proposals)
      .set({ slackChannel: setRaw('channel'), slackTs: setRaw('ts') })
      .where(eq(proposals.id, p('id')))
      .prepare(),
    slackMessageDone: db
      .update(proposals)
      .set({ slackTs: null })
      .where(eq(proposals.id, p('id')))
      .prepare(),
    decide: db
      .update(proposals)
      .set({
        status: setRaw('status'),
        decidedBy: setRaw('decidedBy'),
        decidedAt: setRaw('decidedAt'),
        reason: setRaw('reason'),
        appliedVersion: setRaw('appliedVersion'),
      })
      .where(and(eq(proposals.id, p('id')), eq(proposals.status, 'pending')))
      .prepare(),
  };
  return {
    insertProposal(input) {
      const record: ProposalRecord = {
        id: newId(),
        caseId: input.caseId,
        operations: input.operations,
        baseVersion: input.baseVersion,
        asOf: input.asOf,
        preview: input.preview,
        warnings: input.warnings ?? [],
        status: 'pending',
        proposedBy: input.proposedBy,
        channel: input.channel ?? null,
        thread: input.thread ?? null,
        createdAt: input.createdAt,
        decidedAt: null,
        decidedBy: null,
        reason: null,
        appliedVersion: null,
        slackChannel: null,
        slackTs: null,
      };
      q.insert.run({ ...record, result: input.result ?? null });
      // What was stored, as a reader would get it back (a copy the caller cannot alias).
      return structuredClone(record);
    },
    getProposal(id) {
      return q.get.get({ id }) ?? null;
    },
    getProposalResult(id) {
      return q.getResult.get({ id })?.result ?? null;
    },
    listProposals(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.caseId !== undefined) conditions.push(eq(proposals.caseId, filter.caseId));
      if (filter.status !== undefined) conditions.push(eq(proposals.status, filter.status));
      if (filter.createdBefore !== undefined) conditions.push(lt(proposals.createdAt, filter.createdBefore));
      if (filter.workspaceId !== undefined) {
        conditions.push(
          sql`${proposals.caseId} in (select ${businessCases.id} from ${businessCases} where ${businessCases.workspaceId} = ${filter.workspaceId})`,
        );
      }
      return db
        .select(recordColumns)
        .from(proposals)
        .where(and(...conditions))
        .orderBy(asc(proposals.createdAt), sql`rowid`)
        .all();
    },
    decideProposal(id, decision) {
      const result = q.decide.run({
        id,
        status: decision.status,
        decidedBy: decision.decidedBy,
        decidedAt: decision.decidedAt,
        reason: decision.reason ?? null,
        appliedVersion: decision.appliedVersion ?? null,
      });
      return result.changes === 1;
    },
    setProposalSlackMessage(id, message) {
      if (message) q.slackMessage.run({ id, channel: message.channel, ts: message.ts });
      else q.slackMessageDone.run({ id });
    },
    listProposalsToUpdateInSlack(limit) {
      return db
        .select(recordColumns)
        .from(proposals)
        .where(and(sql`${proposals.status} <> 'pending'`, isNotNull(proposals.slackTs)))
        .orderBy(asc(proposals.decidedAt))
        .limit(limit)
        .all();
    },
  };
}

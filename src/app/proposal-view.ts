import { z } from 'zod';
import type { AuditRecord, CaseRecord, ProposalRecord } from '../../db/store.ts';
import { PROPOSAL_STATUSES } from '../proposals/proposal-status.ts';
import { figuresSchema } from '../../tools/tool-support.ts';

/**
 * A proposal as every door shows it (the Slack message, the HTTP replies, the CLI's lines):
 * which case, what it changes (or changed, or would have changed), the engine's figures
 * before and after, the plausibility warnings it was proposed with, who proposed it, and
 * how it was decided. The fields of the agent's
 * `ProposalOutput` keep their names and meaning, so a pending view reads like the preview the
 * model relayed.
 */
export const proposalViewSchema = z.object({
  proposalId: z.string().describe('The id a person uses to approve or reject this proposal'),
  caseId: z.string().describe('Business case id'),
  businessCase: z.string().describe('Business case name'),
  status: z.enum(PROPOSAL_STATUSES).describe('pending until a person decides; then applied, rejected, refused (by the engine on approval) or expired'),
  currency: z.string().describe('Currency of all money figures'),
  scenario: z.string().describe('Scenario the figures are for'),
  asOf: z.string().describe('Month the to-date figures are as of'),
  changes: z.array(z.string()).describe('What will change (pending), changed (applied) or would have changed, line by line, as the engine describes it'),
  before: figuresSchema.nullable().describe('Figures before the change (null for a new scenario, or when the operations touch several scenarios)'),
  after: figuresSchema.describe('Figures after the change: as previewed, or as applied'),
  warnings: z
    .array(z.string())
    .describe(
      'Plausibility warnings to read before approving, stored with the proposal: a percentage given as a whole number, a negative count, a value 10x away from the last measurement or the baseline; empty when none',
    ),
  baseVersion: z.number().int().describe('Business case version the preview was computed against'),
  proposedBy: z.string().describe('Who proposed it'),
  proposedAt: z.string().describe('When (ISO 8601)'),
  decidedBy: z.string().nullable().describe('Who approved or rejected it (null while pending, or when it expired)'),
  decidedAt: z.string().nullable().describe('When it was decided'),
  reason: z.string().nullable().describe('Why it was rejected, refused or expired'),
  appliedVersion: z.number().int().nullable().describe('The business case version its application produced (applied only)'),
  versionBefore: z
    .number()
    .int()
    .nullable()
    .describe('The version it was applied to (applied only): differs from baseVersion when the case had moved on since the preview'),
  rechecked: z.boolean().nullable().describe('Applied only: true when the engine re-checked it instead of applying the stored preview'),
});

/** A proposal as every door shows it (see `proposalViewSchema`). */
export type ProposalView = z.infer<typeof proposalViewSchema>;

/**
 * Builds the view of a proposal on its case. An applied proposal shows what its application
 * did, from the audit entries of that application (`audit`, oldest first; other entries are
 * ignored); any other shows its preview. `rechecked` is the approval's own word when the
 * caller has it; otherwise it is read from the audit (applied to another version than
 * previewed).
 */
export function proposalView(proposal: ProposalRecord, record: CaseRecord, audit: readonly AuditRecord[] = [], rechecked?: boolean): ProposalView {
  const applied = proposal.status === 'applied' ? audit.filter((a) => a.proposalId === proposal.id) : [];
  const first = applied[0];
  const last = applied[applied.length - 1];
  const base = {
    proposalId: proposal.id,
    caseId: record.id,
    businessCase: record.name,
    status: proposal.status,
    currency: record.document.currency,
    asOf: proposal.asOf,
    baseVersion: proposal.baseVersion,
    proposedBy: proposal.proposedBy,
    proposedAt: proposal.createdAt,
    decidedBy: proposal.decidedBy,
    decidedAt: proposal.decidedAt,
    reason: proposal.reason,
    warnings: proposal.warnings ?? [],
  };
  if (first && last) {
    return {
      ...base,
      scenario: last.scenario,
      changes: applied.flatMap((a) => a.changes),
      before: first.scenario === last.scenario ? first.before : null,
      after: last.after,
      appliedVersion: proposal.appliedVersion ?? last.versionAfter,
      versionBefore: first.versionBefore,
      rechecked: rechecked ?? first.versionBefore !== proposal.baseVersion,
    };
  }
  const from = proposal.preview[0]!;
  const to = proposal.preview[proposal.preview.length - 1]!;
  return {
    ...base,
    scenario: to.scenario,
    changes: proposal.preview.flatMap((p) => p.changes),
    before: from.scenario === to.scenario ? from.before : null,
    after: to.after,
    appliedVersion: proposal.appliedVersion,
    versionBefore: null,
    rechecked: null,
  };
}

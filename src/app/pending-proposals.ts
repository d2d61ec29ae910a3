import type { ProposalRecord } from '../../db/store.ts';
import { succeed, type Outcome } from '../errors/outcome.ts';
import { listPending } from '../proposals/index.ts';
import type { AppContext } from './app-context.ts';
import { findCase } from './find-case.ts';

/**
 * A proposal as a listing shows it: the stored record (whose `caseId` is the case's storage
 * key, as `proposalView` takes it) and the case as people know it, so no door maps storage keys
 * to ids or names itself.
 */
export type ListedProposal = ProposalRecord & { case: { id: string; name: string } };

/**
 * A proposal as a door shows it to people: the case's id in place of its storage key, and
 * without where the Slack door keeps its own message of it (`slackChannel`, `slackTs`: the door's
 * memory, not the proposal's).
 */
export type ShownProposal = Omit<ProposalRecord, 'slackChannel' | 'slackTs'>;

/** `proposal` as a door shows it, with the case's id. */
export function shownProposal(proposal: ProposalRecord, caseId: string): ShownProposal {
  const { slackChannel: _channel, slackTs: _ts, ...shown } = proposal;
  return { ...shown, caseId };
}

/** Which pending proposals a door lists. */
export interface PendingProposalsInput {
  /** The door's workspace. Omitted: every workspace. */
  workspaceId?: string;
  /** Only those on this case (which must be one the door may see). */
  caseId?: string;
  /** Decided proposals too (applied, rejected, refused, expired), in the same order. */
  decidedToo?: boolean;
}

/** The pending proposals a door may see (or all of them, `decidedToo`), oldest first; a case it may not see is not found. */
export function pendingProposals(ctx: AppContext, input: PendingProposalsInput = {}): Outcome<ListedProposal[]> {
  let caseKey: string | undefined;
  if (input.caseId !== undefined) {
    const found = findCase(ctx.store, input.caseId, input.workspaceId);
    if (!found.ok) return found;
    caseKey = found.value.key;
  }
  const filter = {
    ...(input.workspaceId !== undefined ? { workspaceId: input.workspaceId } : {}),
    ...(caseKey !== undefined ? { caseId: caseKey } : {}),
  };
  const records = input.decidedToo ? ctx.store.listProposals(filter) : listPending(ctx, filter);
  const cases = new Map(ctx.store.listCases(input.workspaceId).map((c) => [c.key, { id: c.id, name: c.name }]));
  return succeed(records.map((p) => ({ ...p, case: cases.get(p.caseId) ?? { id: p.caseId, name: p.caseId } })));
}

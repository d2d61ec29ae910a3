import type { ProposalRecord } from '../../db/store.ts';
import { succeed, type Outcome } from '../errors/outcome.ts';
import { propose } from '../proposals/index.ts';
import type { AppContext } from './app-context.ts';
import { findCase } from './find-case.ts';
import { proposalView, type ProposalView } from './proposal-view.ts';

/** A change proposed at a door: operations on a case the door may see. */
export interface ProposeChangeInput {
  caseId: string;
  /** The door's workspace; a case outside it is not found. Omitted: any workspace. */
  workspaceId?: string;
  operations: readonly unknown[];
  proposedBy: string;
  /** The door: `cli`, `http`, `slack`. */
  channel?: string | null;
  thread?: string | null;
}

/** The stored proposal and its view. */
export interface ProposedChange {
  proposal: ProposalRecord;
  view: ProposalView;
}

/**
 * Proposes operations on a case the door may see (`findCase`, whose not-found names the
 * cases it may see) through the workflow's `propose`: previewed by the engine, stored
 * pending, nothing changed.
 */
export function proposeChange(ctx: AppContext, input: ProposeChangeInput): Outcome<ProposedChange> {
  const found = findCase(ctx.store, input.caseId, input.workspaceId);
  if (!found.ok) return found;
  const result = propose(ctx, {
    caseId: found.value.key,
    operations: input.operations,
    proposedBy: input.proposedBy,
    channel: input.channel ?? null,
    thread: input.thread ?? null,
  });
  if (!result.ok) return result;
  return succeed({ proposal: result.value, view: proposalView(result.value, found.value) });
}

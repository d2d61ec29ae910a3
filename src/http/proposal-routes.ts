import type { Hono } from 'hono';
import type { AppContext } from '../app/app-context.ts';
import { approveProposal } from '../app/approve-proposal.ts';
import { pendingProposals, shownProposal } from '../app/pending-proposals.ts';
import { rejectProposal } from '../app/reject-proposal.ts';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './http-error.ts';
import { readJsonBody, readQuery } from './read-request.ts';
import { approveRequestSchema, proposalsQuerySchema, rejectRequestSchema } from './request-schemas.ts';

/**
 * The proposal routes. A person decides with their own token: its name is recorded as the
 * approver (or rejecter) on the proposal, in the audit log and the measurement history. A
 * proposal on another workspace's case is 404, like one that does not exist.
 *
 * - `GET /api/proposals[?caseId=]`: the workspace's pending proposals, oldest first;
 * - `POST /api/proposals/:id/approve` (empty body or `{}`): applies it once; approving again
 *   answers 200 with `alreadyApplied: true` and applies nothing;
 * - `POST /api/proposals/:id/reject` (`{ reason? }`): the case is untouched.
 * Both decisions answer the proposal's `view` too, as every door renders it.
 */
export function registerProposalRoutes(app: Hono<AppEnv>, ctx: AppContext, onDecided: (proposalId: string) => void = () => undefined): void {
  app.get('/api/proposals', (c) => {
    const { workspaceId } = c.get('caller');
    const query = readQuery(c, proposalsQuerySchema);
    const listed = pendingProposals(ctx, { workspaceId, ...(query.caseId !== undefined ? { caseId: query.caseId } : {}) });
    if (!listed.ok) throw HttpError.from(listed.error);
    // A proposal refers to its case by storage key; the door shows the case's id.
    return c.json({ proposals: listed.value.map(({ case: listedCase, ...p }) => shownProposal(p, listedCase.id)) });
  });

  app.post('/api/proposals/:id/approve', async (c) => {
    const caller = c.get('caller');
    await readJsonBody(c, approveRequestSchema, { emptyAs: {} });
    const result = approveProposal(ctx, { proposalId: c.req.param('id'), approvedBy: caller.name, workspaceId: caller.workspaceId });
    if (!result.ok) throw HttpError.from(result.error);
    const r = result.value;
    onDecided(r.proposal.id);
    const caseId = r.view.caseId;
    return c.json({ ...r, proposal: shownProposal(r.proposal, caseId), audit: r.audit.map((a) => ({ ...a, caseId })) });
  });

  app.post('/api/proposals/:id/reject', async (c) => {
    const caller = c.get('caller');
    const body = await readJsonBody(c, rejectRequestSchema, { emptyAs: {} });
    const result = rejectProposal(ctx, {
      proposalId: c.req.param('id'),
      rejectedBy: caller.name,
      workspaceId: caller.workspaceId,
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
    });
    if (!result.ok) throw HttpError.from(result.error);
    onDecided(result.value.proposal.id);
    return c.json({ ...result.value, proposal: shownProposal(result.value.proposal, result.value.view.caseId) });
  });
}

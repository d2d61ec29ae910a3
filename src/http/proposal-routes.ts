import type { Hono } from 'hono';
import { approve, findCase, listPending, reject, type ProposalContext } from '../proposals/index.ts';
import type { AppEnv } from './app-env.ts';
import { outcomeError } from './outcome-status.ts';
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
 */
export function registerProposalRoutes(app: Hono<AppEnv>, ctx: ProposalContext): void {
  app.get('/api/proposals', (c) => {
    const { workspaceId } = c.get('caller');
    const query = readQuery(c, proposalsQuerySchema);
    if (query.caseId !== undefined) {
      const found = findCase(ctx.store, query.caseId, workspaceId);
      if (!found.ok) throw outcomeError(found.error);
    }
    const proposals = listPending(ctx, { workspaceId, ...(query.caseId !== undefined ? { caseId: query.caseId } : {}) });
    return c.json({ proposals });
  });

  app.post('/api/proposals/:id/approve', async (c) => {
    const caller = c.get('caller');
    await readJsonBody(c, approveRequestSchema, { emptyAs: {} });
    const result = approve(ctx, { proposalId: c.req.param('id'), approvedBy: caller.name, workspaceId: caller.workspaceId });
    if (!result.ok) throw outcomeError(result.error);
    return c.json(result.value);
  });

  app.post('/api/proposals/:id/reject', async (c) => {
    const caller = c.get('caller');
    const body = await readJsonBody(c, rejectRequestSchema, { emptyAs: {} });
    const result = reject(ctx, {
      proposalId: c.req.param('id'),
      rejectedBy: caller.name,
      workspaceId: caller.workspaceId,
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
    });
    if (!result.ok) throw outcomeError(result.error);
    return c.json(result.value);
  });
}

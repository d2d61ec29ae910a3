/**
 * Contract 2's operations through the HTTP door: proposals of every new operation are listed
 * and approved with `POST /api/proposals/:id/approve` (answers matching the published
 * schemas), and a proposal the lock guard refuses on re-check is answered 409 `refused`
 * (the status every refusal uses) with the month and the operation named.
 */
import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../src/agent/offline-model/offline-model.ts';
import { approveReplySchema, errorResponseSchema, proposalListSchema } from '../../src/http/response-schemas.ts';
import { propose } from '../../src/proposals/index.ts';
import { measure, sampleCase } from '../support/sample-case.ts';
import { httpHarness } from './http-harness.ts';

const CASE = 'acme-helpdesk';

describe('Contract 2 proposals over HTTP', () => {
  it('lists and approves a proposal of each new operation; the audit and history record them', async () => {
    const h = httpHarness(createOfflineModel());
    const operations: unknown[] = [
      { op: 'setInput', scenario: 'actual', useCase: 'support', input: 'reps', value: 15, from: '2025-04' },
      measure('self-service', 'deflection', '2025-03', 0.2),
      { op: 'annotateMeasurement', scenario: 'actual', useCase: 'self-service', input: 'deflection', month: '2025-03', note: 'Q1 export' },
      { op: 'removeMeasurement', scenario: 'actual', useCase: 'self-service', input: 'deflection', month: '2025-03' },
      { op: 'addMilestone', scenario: 'actual', id: 'all-teams', name: 'All teams onboarded' },
      { op: 'updateMilestone', scenario: 'actual', id: 'all-teams', achievedMonth: '2025-05' },
    ];
    for (const [i, operation] of operations.entries()) {
      const made = propose(h.ctx, { caseId: CASE, operations: [operation], proposedBy: 'sam' });
      if (!made.ok) throw new Error(made.error.message);
      const pending = await h.json('GET', '/api/proposals', { token: h.tokens.olga });
      expect(pending.status).toBe(200);
      expect(proposalListSchema.safeParse(pending.body).success).toBe(true);
      expect(pending.body.proposals.map((p: { id: string }) => p.id)).toEqual([made.value.id]);
      const approved = await h.json('POST', `/api/proposals/${made.value.id}/approve`, { token: h.tokens.olga });
      expect(approved.status).toBe(200);
      expect(approveReplySchema.safeParse(approved.body).success).toBe(true);
      expect(approved.body).toMatchObject({
        alreadyApplied: false,
        rechecked: false,
        version: i + 2,
        audit: [{ op: (operation as { op: string }).op, proposedBy: 'sam', approvedBy: 'olga' }],
      });
    }
    expect(h.store.listMeasurements({ caseId: CASE, input: 'deflection' }).map((m) => [m.action, m.value, m.note, m.recordedBy, m.approvedBy])).toEqual([
      ['recorded', 0.2, null, 'sam', 'olga'],
      ['annotated', 0.2, 'Q1 export', 'sam', 'olga'],
      ['removed', 0.2, 'Q1 export', 'sam', 'olga'],
    ]);
    expect(h.store.listMeasurements({ caseId: CASE, input: 'reps' }).map((m) => [m.action, m.month, m.value])).toEqual([['set', '2025-04', 15]]);

    // trackMetric needs a calculation without a metric: a case whose self-service is untracked.
    const untracked = sampleCase('acme-untracked');
    untracked.scenarios[1]!.useCases[1]!.inputs[1] = { key: 'deflection', label: 'Deflection rate', unit: 'percent', value: 0.1 };
    delete untracked.scenarios[1]!.useCases[1]!.calculations[0]!.metric;
    expect((await h.json('POST', '/api/business-cases', { token: h.tokens.olga, body: untracked })).status).toBe(201);
    const track = propose(h.ctx, {
      caseId: 'acme-untracked',
      operations: [{ op: 'trackMetric', scenario: 'actual', useCase: 'self-service', calculation: 'deflected', input: 'deflection' }],
      proposedBy: 'sam',
    });
    if (!track.ok) throw new Error(track.error.message);
    const tracked = await h.json('POST', `/api/proposals/${track.value.id}/approve`, { token: h.tokens.olga });
    expect(tracked.status).toBe(200);
    expect(approveReplySchema.safeParse(tracked.body).success).toBe(true);
    expect(tracked.body).toMatchObject({ version: 2, audit: [{ op: 'trackMetric', proposedBy: 'sam', approvedBy: 'olga' }] });
  });

  it('answers 409 refused, naming the locked month and the operation, when a proposal made before the lock would rewrite it', async () => {
    const h = httpHarness(createOfflineModel());
    const raise = propose(h.ctx, {
      caseId: CASE,
      operations: [{ op: 'setInput', scenario: 'actual', useCase: 'support', input: 'reps', value: 12 }],
      proposedBy: 'sam',
    });
    const lock = propose(h.ctx, { caseId: CASE, operations: [{ op: 'lockMonths', scenario: 'actual', through: '2025-03' }], proposedBy: 'sam' });
    if (!raise.ok || !lock.ok) throw new Error('could not propose');
    expect((await h.json('POST', `/api/proposals/${lock.value.id}/approve`, { token: h.tokens.olga })).status).toBe(200);
    const refused = await h.json('POST', `/api/proposals/${raise.value.id}/approve`, { token: h.tokens.olga });
    expect(refused.status).toBe(409);
    expect(errorResponseSchema.safeParse(refused.body).success).toBe(true);
    expect(refused.body.error.code).toBe('refused');
    // January: 12 x 60000 x 0.1 / 12 = 6000 instead of 5000, plus self-service's 500.
    expect(refused.body.error.message).toContain(
      "operation 0 (setInput) no longer applies: setInput would change locked month 2025-01 (scenario 'actual' is locked through 2025-03): benefit 5,500.00 -> 6,500.00.",
    );
    expect(h.store.getCase(CASE)!.version).toBe(2);
  });
});

/** measurementHistory after a removal: the removed value is no longer current, and the removal says who removed it. */
import { describe, expect, it } from 'vitest';
import { approve, propose } from '../../src/proposals/index.ts';
import { toolHarness } from './tool-harness.ts';

const CASE = 'delta-corp-support-automation';

describe('measurementHistory with a removed value', () => {
  it('marks the removed value and the removal as not current, with who removed it', async () => {
    const h = toolHarness();
    const op = { op: 'removeMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-03' };
    const made = propose(h.ctx, { caseId: CASE, operations: [op], proposedBy: 'cy' });
    if (!made.ok) throw new Error(made.error.message);
    expect(approve(h.ctx, { proposalId: made.value.id, approvedBy: 'dee' }).ok).toBe(true);
    const r = await h.call('measurementHistory', { input: 'Avg. Tickets per Day' });
    expect(r.entries.map((e: any) => [e.month, e.value, e.action, e.current, e.recordedBy, e.approvedBy])).toEqual([
      ['2025-08', 88, 'recorded', true, 'admin', null],
      ['2025-10', 115, 'recorded', true, 'admin', null],
      ['2026-03', 158, 'recorded', false, 'admin', null],
      ['2026-03', 158, 'removed', false, 'cy', 'dee'],
    ]);
  });
});

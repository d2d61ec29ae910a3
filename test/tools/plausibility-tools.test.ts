/**
 * Plausibility in the tools, for any model (issue 11): a percentage given as a whole number
 * is asked about and never proposed; a negative count or a value 10x away from the last
 * measurement is proposed with a warning the tool's output carries (and the store keeps).
 * The demo case's realization scenario: Avg. Tickets per Day measured 88 (2025-08), 115
 * (2025-10), 158 (2026-03); Ticket Deflection Rate is a percent input. Messages by hand.
 */
import { describe, expect, it } from 'vitest';
import { toolHarness } from './tool-harness.ts';

const CASE = 'delta-corp-support-automation';

describe('plausibility in the propose tools', () => {
  it('proposeMeasurements asks "did you mean 22%?" for a whole-number percentage and proposes nothing', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'deflection rate', month: '2026-05', value: 22 }] });
    expect(r).toEqual({ error: 'Ticket Deflection Rate in 2026-05 is a percentage: 22 would be 2200%. Did you mean 22% (0.22)?' });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('the same value as a fraction is proposed without a warning', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'deflection rate', month: '2026-05', value: 0.22 }] });
    expect(r.status).toBe('pending');
    expect(r).not.toHaveProperty('warnings');
    expect(h.store.getProposal(r.proposalId)!.warnings).toEqual([]);
  });

  it('a value 10x the last measurement is proposed with a warning (1,660 against 158 is 10.5x)', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: '2026-05', value: 1660 }] });
    const warning = 'Avg. Tickets per Day in 2026-05: 1,660 tickets/day is 10x the last measurement (158 tickets/day in 2026-03).';
    expect(r).toMatchObject({ status: 'pending', warnings: [warning] });
    expect(h.store.getProposal(r.proposalId)!.warnings).toEqual([warning]);
  });

  it('a negative count is proposed with a warning', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: '2026-05', value: -50 }] });
    expect(r).toMatchObject({ status: 'pending', warnings: ['Avg. Tickets per Day in 2026-05: -50 tickets/day is a negative count.'] });
  });

  it('proposeInputValue asks about a whole-number percentage too', async () => {
    const h = toolHarness();
    const r = await h.call('proposeInputValue', { scenario: 'Rollout Plan', input: 'deflection rate', value: 25 });
    expect(r).toEqual({ error: 'Ticket Deflection Rate is a percentage: 25 would be 2500%. Did you mean 25% (0.25)?' });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });
});

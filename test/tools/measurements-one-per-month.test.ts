/**
 * One change per input and month in a measurement proposal (issue 11, "never a wrong
 * number"): two values for the same input and month in one `proposeMeasurements` call say
 * nothing about which is meant, so the tool refuses them with an error naming the input and
 * the month, and proposes nothing. The same input named two ways ("tickets per day", its key)
 * is the same input; two months of one input, or one month of two inputs, stay fine. The demo
 * case, clock November 2026.
 */
import { describe, expect, it } from 'vitest';
import { toolHarness } from './tool-harness.ts';

const CASE = 'delta-corp-support-automation';

describe('two values for one input and month in one proposal', () => {
  it('are refused, naming the input and the month, and nothing is proposed', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', {
      measurements: [
        { input: 'tickets per day', month: '2026-07', value: 0.23 },
        { input: 'tickets per day', month: 'July 2026', value: 175 },
      ],
    });
    expect(r).toEqual({
      error: "two changes to 'Avg. Tickets per Day' (tickets_per_day) in 2026-07 (0.23 and 175): give one value per input and month; nothing proposed",
    });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('the same input named by label and by key is the same input', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', {
      measurements: [
        { input: 'Avg. Tickets per Day', month: '2026-05', value: 150 },
        { input: 'tickets_per_day', month: '2026-05', value: 150 },
      ],
    });
    expect(r).toEqual({
      error: "two changes to 'Avg. Tickets per Day' (tickets_per_day) in 2026-05 (150 and 150): give one value per input and month; nothing proposed",
    });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('a value and a removal of the same month are refused too', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', {
      measurements: [
        { input: 'tickets per day', month: '2026-03', value: 160 },
        { input: 'tickets per day', month: '2026-03', remove: true },
      ],
    });
    expect(r).toEqual({
      error: "two changes to 'Avg. Tickets per Day' (tickets_per_day) in 2026-03 (160 and a removal): give one value per input and month; nothing proposed",
    });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('two months of one input, and one month of two inputs, are one proposal', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', {
      measurements: [
        { input: 'tickets per day', month: '2026-05', value: 150 },
        { input: 'tickets per day', month: '2026-06', value: 155 },
        { input: 'deflection rate', month: '2026-06', value: 0.23 },
      ],
    });
    expect(h.store.getProposal(r.proposalId)!.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-05', value: 150 },
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-06', value: 155 },
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-06', value: 0.23 },
    ]);
  });
});

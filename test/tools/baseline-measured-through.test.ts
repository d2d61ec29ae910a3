/**
 * A conversion's baseline named for its metric (issue 11, "never a wrong number"): a value
 * said for "Avg. Tickets per Day (baseline)" is the measurement of the metric it is the
 * baseline of ("Avg. Tickets per Day": same unit, formula of the calculation measured
 * through it), for recording and for removing; an input that is only a factor of a measured
 * calculation ("Tickets per Month" in the deflection calculation, whose metric is the
 * deflection rate) is never taken for that metric. The demo case, clock November 2026.
 */
import { describe, expect, it } from 'vitest';
import { toolHarness } from './tool-harness.ts';

const CASE = 'delta-corp-support-automation';

describe("measurements said with a baseline's name", () => {
  it('recording the baseline records its metric', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'Avg. Tickets per Day (baseline)', month: '2026-05', value: 150 }] });
    expect(h.store.getProposal(r.proposalId)!.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-05', value: 150 },
    ]);
  });

  it("removing the baseline's value removes its metric's entry", async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'avg_tickets_per_day', month: '2026-03', remove: true }] });
    expect(h.store.getProposal(r.proposalId)!.operations).toEqual([
      { op: 'removeMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-03' },
    ]);
  });

  it('a factor of a measured calculation is not its metric: Tickets per Month is refused, never the deflection rate', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'Tickets per Month', month: '2026-05', value: 3200 }] });
    expect(r).toEqual({
      error:
        "'Tickets per Month' is not measured yet: propose measuring it directly (proposeTrackMetric) or converting its calculation first; a changed assumption is proposeInputValue",
    });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });
});

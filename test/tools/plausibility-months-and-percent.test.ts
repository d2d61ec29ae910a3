/**
 * Two plausibility rules of the tool layer (issue 11), through the real tools on the demo case
 * (clock: 20 November 2026, so the current month is 2026-11):
 * - a measurement is what was observed: `proposeMeasurements` refuses a month after the
 *   current month, `proposeInputValue` does not offer a metric's value from such a month as a
 *   measurement, and `propose` (the doors: the web's grid, a CSV file, HTTP) flags it;
 * - a percent input that was always at most 100% (the demo's Ticket Deflection Rate, last
 *   measured 22% in 2026-07) given more than 1 is asked about, never proposed: 1.5 ("150%")
 *   with "did you mean 1.5%?", naming 150% too; 1250 (neither 125000% nor 1250% is a fraction)
 *   with "which value did you mean?", nothing suggested.
 * Every message is written by hand.
 */
import { describe, expect, it } from 'vitest';
import { proposeMeasurementsFromCsv } from '../../src/app/import-measurements.ts';
import { propose } from '../../src/proposals/index.ts';
import { toolHarness } from './tool-harness.ts';

const CASE = 'delta-corp-support-automation';
const december = (label: string) =>
  `${label} in 2026-12: 2026-12 is after the current month (2026-11), so it cannot have been measured yet. Record it once the month is over; a value expected then belongs in a future scenario.`;

describe('a measurement for a month after the current month', () => {
  it('proposeMeasurements refuses it and proposes nothing', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: '2026-12', value: 160 }] });
    expect(r).toEqual({ error: december('Avg. Tickets per Day') });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('one future month in a list refuses the whole list (October is fine, December is not)', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', {
      measurements: [
        { input: 'tickets per day', month: '2026-10', value: 160 },
        { input: 'deflection rate', month: '2026-12', value: 0.23 },
      ],
    });
    expect(r).toEqual({ error: december('Ticket Deflection Rate') });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('the current month itself is proposed (2026-11, without a warning: 160 is about 1x the last 158)', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: '2026-11', value: 160 }] });
    expect(r.status).toBe('pending');
    expect(r).not.toHaveProperty('warnings');
  });

  it('proposeInputValue on a metric from a month after the current one: says why, offers no measurement', async () => {
    const h = toolHarness();
    const r = await h.call('proposeInputValue', { input: 'tickets per day', value: 170, from: '2027-01' });
    expect(r).toEqual({
      error:
        "'Avg. Tickets per Day' is measured (the metric of 'Rep Efficiency Gain'): its monthly values are measurements, and 2027-01 is after the current month (2026-11), so it cannot have been measured yet. Record it once the month is over; a value expected from then on belongs in a future scenario.",
    });
    // From a month already over, the measurement is still offered.
    const past = await h.call('proposeInputValue', { input: 'tickets per day', value: 170, from: '2026-10' });
    expect(past).toEqual({
      error: "'Avg. Tickets per Day' is measured (the metric of 'Rep Efficiency Gain'): its monthly values are measurements; propose recording one instead",
    });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('an assumption from a month after the current one is a plan, and is proposed (15 reps from 2027-01)', async () => {
    const h = toolHarness();
    const r = await h.call('proposeInputValue', { input: '# of reps', value: 15, from: '2027-01' });
    expect(r.status).toBe('pending');
    expect(h.store.getProposal(r.proposalId)!.operations).toEqual([
      { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 15, from: '2027-01' },
    ]);
  });

  it('at a door (propose, a CSV file) it is proposed with the warning, which the approver sees', () => {
    const h = toolHarness();
    const operation = {
      op: 'recordMeasurement',
      scenario: 'realization',
      useCase: 'support-efficiency',
      input: 'tickets_per_day',
      month: '2026-12',
      value: 160,
    };
    const r = propose(h.ctx, { caseId: CASE, operations: [operation], proposedBy: 'ana' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings).toEqual([december('Avg. Tickets per Day')]);

    const file = proposeMeasurementsFromCsv(h.ctx, { caseId: CASE, csv: 'month,input,value\n2026-12,deflection_rate,23%\n', actor: 'ana', channel: 'web' });
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.warnings).toEqual([december('Ticket Deflection Rate')]);
  });
});

describe('a percent value above 100% for a rate that was always at most 100%', () => {
  it('1.5 ("150%") is asked about, naming both readings; nothing is proposed', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'deflection rate', month: '2026-10', value: 1.5 }] });
    expect(r).toEqual({ error: 'Ticket Deflection Rate in 2026-10 is a percentage: 1.5 would be 150%. Did you mean 1.5% (0.015)?' });
  });

  it('1250 is asked about without a suggestion (1250% is no fraction either); nothing is proposed', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'deflection rate', month: '2026-10', value: 1250 }] });
    expect(r).toEqual({
      error:
        'Ticket Deflection Rate in 2026-10 is a percentage: 1250 would be 125000%, and every value it has had is at most 100%. Which value did you mean? Say it with %, e.g. "22%".',
    });
  });

  it('22 is still asked about: 22% is the last measurement itself', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'deflection rate', month: '2026-10', value: 22 }] });
    expect(r).toEqual({ error: 'Ticket Deflection Rate in 2026-10 is a percentage: 22 would be 2200%. Did you mean 22% (0.22)?' });
  });
});

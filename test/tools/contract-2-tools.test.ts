/**
 * The agent tools for Contract 2's operations, against the store on `:memory:`: each builds
 * the right operation with the right arguments (names and months resolved), asks with the
 * candidates when a name is ambiguous, and changes nothing until a person approves.
 */
import { describe, expect, it } from 'vitest';
import { approve } from '../../src/proposals/index.ts';
import { toolHarness } from './tool-harness.ts';

const CASE = 'acme-support';

/**
 * A small business case of our own (the demo changes with the examples). Realization
 * scenario "Actuals", Jan-Dec 2026, locked through Feb 2026, as of May 2026 (the clock):
 * - efficiency (metric tickets_per_day: Jan 110, Mar 120; baseline 100):
 *   10 x 24,000 x (M - 100) / 100 / 12 = 2,000 a month at 110, 4,000 at 120;
 * - deflection (no metric): 1,000 x 0.2 x 5 = 1,000 a month, assumed;
 * - overtime (no metric): 10 x 50 = 500 a month, assumed;
 * - escalations (no metric): 1,000 x 0.01 x 5 x 4 = 200 a month, assumed.
 * monthly_tickets is a changing assumption with one entry (March: 1,000, its own value).
 */
function acme(options: { lockedThrough?: string | null } = {}): unknown {
  const useCase = (realization: boolean) => ({
    id: 'support',
    name: 'Support Efficiency',
    inputs: [
      { key: 'reps', label: '# of Reps', unit: 'reps', value: 10 },
      { key: 'rep_cost', label: 'Annual Cost per Rep', unit: 'USD', value: 24000 },
      { key: 'baseline', label: 'Tickets per Day (baseline)', unit: 'tickets/day', value: 100 },
      {
        key: 'tickets_per_day',
        label: 'Tickets per Day',
        unit: 'tickets/day',
        value: 100,
        ...(realization
          ? { series: { '2026-01': { value: 110, note: 'first month', evidence: 'https://example.test/jan.csv', source: 'Zendesk export' }, '2026-03': 120 } }
          : {}),
      },
      { key: 'monthly_tickets', label: 'Tickets per Month', unit: 'tickets', value: 1000, ...(realization ? { series: { '2026-03': 1000 } } : {}) },
      { key: 'deflection_rate', label: 'Deflection Rate', unit: 'percent', value: 0.2 },
      { key: 'cost_per_ticket', label: 'Cost per Ticket', unit: 'USD', value: 5 },
    ],
    calculations: [
      {
        id: 'efficiency',
        name: 'Rep Efficiency',
        formula: 'reps * rep_cost * max(0, (tickets_per_day - baseline) / baseline)',
        period: 'annual',
        ...(realization ? { metric: 'tickets_per_day' } : {}),
      },
      { id: 'deflection', name: 'Deflected Tickets', formula: 'monthly_tickets * deflection_rate * cost_per_ticket', period: 'monthly' },
      { id: 'overtime', name: 'Overtime Saved', formula: 'reps * 50', period: 'monthly' },
      { id: 'escalations', name: 'Escalation Savings', formula: 'monthly_tickets * 0.01 * cost_per_ticket * 4', period: 'monthly' },
    ],
  });
  const lock = options.lockedThrough === undefined ? '2026-02' : options.lockedThrough;
  return {
    version: 1,
    id: CASE,
    name: 'Acme – Support',
    customer: 'Acme',
    currency: 'USD',
    scenarios: [
      { id: 'plan', name: 'Plan', kind: 'future', start: '2026-01', months: 12, useCases: [useCase(false)] },
      {
        id: 'actuals',
        name: 'Actuals',
        kind: 'realization',
        start: '2026-01',
        months: 12,
        basedOn: 'plan',
        ...(lock ? { lockedThrough: lock } : {}),
        milestones: [
          { id: 'go-live', name: 'Go-Live', targetMonth: '2026-03' },
          { id: 'teams-onboarded', name: 'All Teams Onboarded', targetMonth: '2026-04' },
          { id: 'portal-launch-emea', name: 'Portal Launch EMEA', targetMonth: '2026-06' },
          { id: 'portal-launch-us', name: 'Portal Launch US', targetMonth: '2026-09' },
        ],
        useCases: [useCase(true)],
      },
    ],
  };
}

function harness(options: { lockedThrough?: string | null } = {}) {
  const h = toolHarness({ document: acme(options), month: '2026-05' });
  const before = h.store.getCase(CASE)!;
  /** The single operation of a proposal a tool returned. */
  const operationOf = (r: { proposalId?: string }) => {
    expect(r.proposalId, JSON.stringify(r)).toBeTypeOf('string');
    const ops = h.store.getProposal(r.proposalId!)!.operations;
    expect(ops).toHaveLength(1);
    return ops[0];
  };
  const unchanged = () => expect(h.store.getCase(CASE)).toEqual(before);
  return { ...h, operationOf, unchanged };
}

describe('proposeInputValue: an assumption in every month, or from a month on', () => {
  it('"15 reps from June" sets reps from 2026-06; earlier months keep 10', async () => {
    const h = harness();
    const r = await h.call('proposeInputValue', { input: '# of reps', value: 15, from: 'June' });
    // "June" said in May 2026: no June of the window has passed, so the window's June.
    expect(h.operationOf(r)).toEqual({ op: 'setInput', scenario: 'actuals', useCase: 'support', input: 'reps', value: 15, from: '2026-06' });
    // Jun-Dec (7 months) at 15 reps: efficiency 15 x 24,000 x 0.2 / 12 = 6,000 instead of
    // 4,000, overtime 750 instead of 500: the total grows by 7 x (2,000 + 250) = 15,750.
    expect(r.after.total - r.before.total).toBeCloseTo(15750, 2);
    // Nothing before June moves: realized to date (Jan-May) is the same.
    expect(r.after.realizedToDate).toBeCloseTo(r.before.realizedToDate, 2);
    h.unchanged();

    expect(approve(h.ctx, { proposalId: r.proposalId, approvedBy: 'sam' }).ok).toBe(true);
    const reps = h.store.getCase(CASE)!.document.scenarios[1]!.useCases[0]!.inputs.find((i) => i.key === 'reps')!;
    expect(reps).toEqual({ key: 'reps', label: '# of Reps', unit: 'reps', value: 10, series: { '2026-06': 15 } });
    // Now it changes by month: a new value needs its month.
    expect(await h.call('proposeInputValue', { input: 'reps', value: 12 })).toEqual({ error: "'# of Reps' changes by month: from which month does 12 hold?" });
  });

  it('without from, a constant changes in every month; with locked months the engine refuses, naming the first', async () => {
    const open = harness({ lockedThrough: null });
    const r = await open.call('proposeInputValue', { input: 'cost per ticket', value: 6 });
    expect(open.operationOf(r)).toEqual({ op: 'setInput', scenario: 'actuals', useCase: 'support', input: 'cost_per_ticket', value: 6 });
    open.unchanged();
    const locked = harness();
    expect((await locked.call('proposeInputValue', { input: 'cost per ticket', value: 6 })).error).toMatch(/locked month 2026-01/);
    locked.unchanged();
  });

  it('an ambiguous input name comes back with the candidates, for this tool and proposeTrackMetric alike', async () => {
    const h = harness({ lockedThrough: null });
    // The names that fit about as well as the best (src/resolve/match-name.ts).
    const candidates = [
      'Cost per Ticket (cost_per_ticket) in Support Efficiency',
      'Tickets per Day (tickets_per_day) in Support Efficiency',
      'Tickets per Month (monthly_tickets) in Support Efficiency',
    ];
    for (const [tool, input] of [
      ['proposeInputValue', { input: 'tickets', value: 5, from: 'June' }],
      ['proposeTrackMetric', { input: 'tickets' }],
    ] as const) {
      const r = await h.call(tool, input);
      expect(r.error).toBe("'tickets' could be several inputs");
      expect([...r.candidates].sort()).toEqual(candidates);
    }
    expect(h.store.listProposals({})).toHaveLength(0);
    h.unchanged();
  });

  it('a measured metric is refused with a pointer to measurements, with or without from', async () => {
    const h = harness();
    // The clock is May 2026: April is over, so its value would be April's measurement.
    for (const from of ['April', undefined]) {
      const r = await h.call('proposeInputValue', { input: 'tickets per day', value: 130, ...(from ? { from } : {}) });
      expect(r.error).toBe(
        "'Tickets per Day' is measured (the metric of 'Rep Efficiency'): its monthly values are measurements; propose recording one instead",
      );
    }
    // June (2026-06, the nearest June) has not come: no measurement is offered.
    expect((await h.call('proposeInputValue', { input: 'tickets per day', value: 130, from: 'June' })).error).toBe(
      "'Tickets per Day' is measured (the metric of 'Rep Efficiency'): its monthly values are measurements, and 2026-06 is after the current month (2026-05), so it cannot have been measured yet. Record it once the month is over; a value expected from then on belongs in a future scenario.",
    );
    // A locked month is the engine's refusal, passed on.
    expect((await h.call('proposeInputValue', { input: 'reps', value: 15, from: '2026-02' })).error).toMatch(/2026-02/);
    expect(h.store.listProposals({})).toHaveLength(0);
    h.unchanged();
  });
});

describe('proposeTrackMetric: measure an input directly', () => {
  it('finds the one calculation that uses the input; the calculation claims nothing until measured', async () => {
    const h = harness({ lockedThrough: null });
    const r = await h.call('proposeTrackMetric', { input: 'deflection rate' });
    expect(h.operationOf(r)).toEqual({ op: 'trackMetric', scenario: 'actuals', useCase: 'support', calculation: 'deflection', input: 'deflection_rate' });
    // Jan-May deflection was 5 x 1,000 assumed; with no measurement it claims nothing.
    expect(r.before.realizedToDate - r.after.realizedToDate).toBeCloseTo(5000, 2);
    h.unchanged();
  });

  it('an input several calculations use: asks which, with the candidates; a named one is taken', async () => {
    const h = harness({ lockedThrough: null });
    expect(await h.call('proposeTrackMetric', { input: 'tickets per month' })).toEqual({
      error: "several calculations use 'Tickets per Month': which one should it be the metric of?",
      candidates: ['Deflected Tickets (deflection)', 'Escalation Savings (escalations)'],
    });
    const r = await h.call('proposeTrackMetric', { input: 'tickets per month', calculation: 'escalation' });
    expect(h.operationOf(r)).toEqual({ op: 'trackMetric', scenario: 'actuals', useCase: 'support', calculation: 'escalations', input: 'monthly_tickets' });
    // A calculation that already has a metric is left out: reps is overtime's to measure.
    const reps = await h.call('proposeTrackMetric', { input: 'reps' });
    expect(h.operationOf(reps)).toMatchObject({ calculation: 'overtime', input: 'reps' });
    h.unchanged();
  });

  it('the lock guard refuses rewriting a locked month, and the tool passes the reason on', async () => {
    const h = harness();
    const r = await h.call('proposeTrackMetric', { input: 'deflection rate' });
    expect(r.error).toMatch(/2026-01/);
    expect(h.store.listProposals({})).toHaveLength(0);
    h.unchanged();
  });
});

describe('proposeMeasurements: remove and annotate a recorded value', () => {
  it("removes the March value of tickets per day; February's carries forward", async () => {
    const h = harness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: 'March', remove: true }] });
    expect(h.operationOf(r)).toEqual({ op: 'removeMeasurement', scenario: 'actuals', useCase: 'support', input: 'tickets_per_day', month: '2026-03' });
    // Mar-May fall back to January's 110: 3 x (4,000 - 2,000) = 6,000 less realized.
    expect(r.before.realizedToDate - r.after.realizedToDate).toBeCloseTo(6000, 2);
    h.unchanged();
    expect(approve(h.ctx, { proposalId: r.proposalId, approvedBy: 'sam' }).ok).toBe(true);
    const series = h.store.getCase(CASE)!.document.scenarios[1]!.useCases[0]!.inputs.find((i) => i.key === 'tickets_per_day')!.series!;
    expect(Object.keys(series)).toEqual(['2026-01']);
  });

  it("without an input: the month's only value, else the candidates", async () => {
    const h = harness();
    // January: only tickets per day has an entry.
    const jan = await h.call('proposeMeasurements', { measurements: [{ month: 'January', note: 'recount confirmed' }] });
    expect(h.operationOf(jan)).toEqual({
      op: 'annotateMeasurement',
      scenario: 'actuals',
      useCase: 'support',
      input: 'tickets_per_day',
      month: '2026-01',
      note: 'recount confirmed',
    });
    // March: tickets per day and tickets per month both have one.
    expect(await h.call('proposeMeasurements', { measurements: [{ month: 'March', remove: true }] })).toEqual({
      error: 'several inputs have a measurement in 2026-03; which one?',
      candidates: ['Tickets per Day (tickets_per_day) in 2026-03: 120', 'Tickets per Month (monthly_tickets) in 2026-03: 1000'],
    });
    // A month without a value says which values there are.
    expect(await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: 'April', remove: true }] })).toEqual({
      error: 'there is no measurement of Tickets per Day in 2026-04',
      candidates: ['Tickets per Day (tickets_per_day) in 2026-01: 110', 'Tickets per Day (tickets_per_day) in 2026-03: 120'],
    });
    h.unchanged();
  });

  it('annotating a locked month is allowed and keeps the value and the other fields; removing there is refused', async () => {
    const h = harness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: '2026-01', note: 'recount confirmed', evidence: '' }] });
    expect(h.operationOf(r)).toEqual({
      op: 'annotateMeasurement',
      scenario: 'actuals',
      useCase: 'support',
      input: 'tickets_per_day',
      month: '2026-01',
      note: 'recount confirmed',
      evidence: '',
    });
    expect(r.after).toEqual(r.before);
    expect(approve(h.ctx, { proposalId: r.proposalId, approvedBy: 'sam' }).ok).toBe(true);
    const series = h.store.getCase(CASE)!.document.scenarios[1]!.useCases[0]!.inputs.find((i) => i.key === 'tickets_per_day')!.series!;
    expect(series['2026-01']).toEqual({ value: 110, note: 'recount confirmed', source: 'Zendesk export' });

    const removed = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: '2026-01', remove: true }] });
    expect(removed.error).toMatch(/2026-01/);
  });

  it('a note with the value already recorded annotates it; a different value records', async () => {
    const h = harness();
    const same = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: 'March', value: 120, note: 'macros live' }] });
    expect(h.operationOf(same)).toEqual({
      op: 'annotateMeasurement',
      scenario: 'actuals',
      useCase: 'support',
      input: 'tickets_per_day',
      month: '2026-03',
      note: 'macros live',
    });
    const other = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: 'March', value: 125, note: 'recount' }] });
    expect(h.operationOf(other)).toEqual({
      op: 'recordMeasurement',
      scenario: 'actuals',
      useCase: 'support',
      input: 'tickets_per_day',
      month: '2026-03',
      value: 125,
      note: 'recount',
    });
    h.unchanged();
  });

  it('a value for an input that is not a metric points to the tool that fits', async () => {
    const h = harness();
    expect((await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per month', month: 'April', value: 1100 }] })).error).toBe(
      "'Tickets per Month' is an assumption that changes by month, not a measurement: propose its value from that month on (proposeInputValue with from), or measuring it directly (proposeTrackMetric)",
    );
    expect((await h.call('proposeMeasurements', { measurements: [{ input: 'deflection rate', month: 'April', value: 0.25 }] })).error).toMatch(
      /^'Deflection Rate' is not measured yet: propose measuring it directly \(proposeTrackMetric\)/,
    );
    h.unchanged();
  });

  it('nothing to change, or remove with a value other than the recorded one: a question, no proposal', async () => {
    const h = harness();
    expect((await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: 'March' }] })).error).toMatch(/what should change/);
    // "scrap the 150 from march": March holds 120 (the fixture's series), so nothing is removed and the recorded value is named.
    expect((await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: 'March', value: 150, remove: true }] })).error).toBe(
      "the 2026-03 value of 'Tickets per Day' is 120, not 150: nothing removed. Remove the 120?",
    );
    expect((await h.call('proposeMeasurements', { measurements: [{ month: 'March', value: 120 }] })).error).toBe('which input is the value 120 for?');
    expect(h.store.listProposals({})).toHaveLength(0);
    h.unchanged();
  });
});

describe('proposeMeasurements: a removal that names the recorded value', () => {
  it('"scrap the 120 from march": the value said is the one recorded, so the removal is proposed', async () => {
    const h = harness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: 'March', value: 120, remove: true }] });
    expect(h.operationOf(r)).toEqual({ op: 'removeMeasurement', scenario: 'actuals', useCase: 'support', input: 'tickets_per_day', month: '2026-03' });
    h.unchanged();
  });
});

describe('proposeMilestone: add, or change the existing one', () => {
  it('a name an existing milestone has (case and spacing aside) updates it instead of adding a twin', async () => {
    const h = harness();
    for (const name of ['All Teams Onboarded', '  all teams onboarded ']) {
      const r = await h.call('proposeMilestone', { name, achievedMonth: 'April' });
      expect(h.operationOf(r)).toEqual({ op: 'updateMilestone', scenario: 'actuals', id: 'teams-onboarded', achievedMonth: '2026-04' });
    }
    h.unchanged();
  });

  it('`milestone` finds one by name, exact before fuzzy: mark achieved, clear a month, rename', async () => {
    const h = harness();
    const achieved = await h.call('proposeMilestone', { milestone: 'the go live milestone', achievedMonth: 'March' });
    expect(h.operationOf(achieved)).toEqual({ op: 'updateMilestone', scenario: 'actuals', id: 'go-live', achievedMonth: '2026-03' });
    const cleared = await h.call('proposeMilestone', { milestone: 'go-live', targetMonth: '' });
    expect(h.operationOf(cleared)).toEqual({ op: 'updateMilestone', scenario: 'actuals', id: 'go-live', targetMonth: null });
    const renamed = await h.call('proposeMilestone', { milestone: 'Go-Live', name: 'Go-Live (all regions)' });
    expect(h.operationOf(renamed)).toEqual({ op: 'updateMilestone', scenario: 'actuals', id: 'go-live', name: 'Go-Live (all regions)' });
    // "teams onboarded" is only similar to "All Teams Onboarded", and the only such one.
    const fuzzy = await h.call('proposeMilestone', { milestone: 'teams onboarded', achievedMonth: '2026-05' });
    expect(h.operationOf(fuzzy)).toMatchObject({ op: 'updateMilestone', id: 'teams-onboarded', achievedMonth: '2026-05' });
    h.unchanged();
  });

  it('an ambiguous or unknown milestone comes back with the candidates', async () => {
    const h = harness();
    expect(await h.call('proposeMilestone', { milestone: 'portal launch', achievedMonth: 'May' })).toEqual({
      error: "'portal launch' could be several milestones",
      candidates: ['Portal Launch EMEA (portal-launch-emea, target 2026-06)', 'Portal Launch US (portal-launch-us, target 2026-09)'],
    });
    const unknown = await h.call('proposeMilestone', { milestone: 'Billing Live', achievedMonth: 'May' });
    expect(unknown.error).toBe("no milestone called 'Billing Live' in scenario 'Actuals'");
    expect(unknown.candidates).toHaveLength(4);
    expect(h.store.listProposals({})).toHaveLength(0);
    h.unchanged();
  });

  it('a new name adds a milestone; saying what it already says is a question', async () => {
    const h = harness();
    const r = await h.call('proposeMilestone', { name: 'QBR Held', achievedMonth: 'April', note: 'with the CFO' });
    expect(h.operationOf(r)).toEqual({
      op: 'addMilestone',
      scenario: 'actuals',
      id: 'qbr-held',
      name: 'QBR Held',
      achievedMonth: '2026-04',
      note: 'with the CFO',
    });
    expect(await h.call('proposeMilestone', { name: 'Go-Live', targetMonth: '2026-03' })).toEqual({
      error: 'milestone Go-Live (go-live, target 2026-03) already says that; what should change?',
    });
    h.unchanged();
  });
});

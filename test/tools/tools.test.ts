import { describe, expect, it } from 'vitest';
import { approve } from '../../src/proposals/index.ts';
import { entryValue } from '../../src/engine/index.ts';
import { toolHarness } from './tool-harness.ts';

const CASE = 'delta-corp-support-automation';

describe('read tools', () => {
  it('findBusinessCases finds the demo by customer', async () => {
    const h = toolHarness();
    expect(await h.call('findBusinessCases', { query: 'Delta' })).toEqual({
      businessCases: [{ id: CASE, name: 'Delta Corp – Support Automation', customer: 'Delta Corp', version: 1 }],
    });
  });

  it('valueSummary gives the engine figures as of the clock month', async () => {
    const h = toolHarness();
    const s = await h.call('valueSummary', { businessCase: 'Delta Corp' });
    expect(s.asOf).toBe('2026-11');
    expect(s.scenario).toBe('realization');
    // Realized = measured + assumed; the two parts are reported apart.
    expect(s.realizedToDate).toBeCloseTo(s.measuredToDate + s.assumedToDate, 2);
    expect(s.months).toBeUndefined();
    const withMonths = await h.call('valueSummary', { asOf: 'March', includeMonths: true });
    expect(withMonths.asOf).toBe('2026-03');
    expect(withMonths.months).toHaveLength(24);
  });

  it('an unknown business case comes back as an error with the candidates', async () => {
    const h = toolHarness();
    expect(await h.call('valueSummary', { businessCase: 'Acme' })).toEqual({
      error: "no business case called 'Acme'",
      candidates: [`Delta Corp – Support Automation (${CASE})`],
    });
  });

  it("suggestConversions marks the tracked efficiency calculation and the plan's ready one", async () => {
    const h = toolHarness();
    const actual = await h.call('suggestConversions', {});
    expect(actual.suggestions.find((s: any) => s.calculation === 'Rep Efficiency Gain').status).toBe('tracked');
    const plan = await h.call('suggestConversions', { scenario: 'Rollout Plan' });
    const efficiency = plan.suggestions.find((s: any) => s.calculation === 'Rep Efficiency Gain');
    expect(efficiency).toMatchObject({
      status: 'ready',
      percentInput: 'Expected Rep. Efficiency Gain',
      baselineInput: 'Avg. Tickets per Day (baseline)',
      metric: 'Avg. Tickets per Day',
      direction: 'increase',
    });
  });

  it('measurementHistory lists the imported values with who recorded them', async () => {
    const h = toolHarness();
    const r = await h.call('measurementHistory', { input: 'Avg. Tickets per Day' });
    expect(r.entries.map((e: any) => [e.month, e.value, e.current])).toEqual([
      ['2025-08', 88, true],
      ['2025-10', 115, true],
      ['2026-03', 158, true],
    ]);
    expect(r.entries[0].source).toBe('Zendesk export');
  });
});

describe('propose tools create proposals and change nothing', () => {
  it('dictated measurements for several months become one proposal; approval applies them', async () => {
    const h = toolHarness();
    const before = h.store.getCase(CASE)!;
    const r = await h.call('proposeMeasurements', {
      businessCase: 'Delta',
      measurements: [
        { input: 'tickets per day', month: 'Oct 2026', value: 160, source: 'Zendesk export' },
        { input: 'tickets per day', month: 'November', value: 165, note: 'Holiday staffing', evidence: 'https://example.test/z.csv' },
      ],
    });
    expect(r.status).toBe('pending');
    // The preview also says the locked months keep their figures; that part is the proposals' own.
    expect(r.changes.filter((l: string) => !l.startsWith('locked months'))).toEqual([
      'recorded Avg. Tickets per Day (tickets_per_day) in 2026-10: 160 tickets/day, source "Zendesk export"',
      'recorded Avg. Tickets per Day (tickets_per_day) in 2026-11: 165 tickets/day, note "Holiday staffing", evidence "https://example.test/z.csv"',
    ]);
    // Oct-Nov 2026, with the demo's 15 reps from June 2026: efficiency at 160 =
    // 15 x 20000 x 0.60 / 12 = 15,000/month instead of 158's 15 x 20000 x 0.58 / 12 = 14,500,
    // then 165: 15 x 20000 x 0.65 / 12 = 16,250.
    // Realized to date grows by (15,000 - 14,500) + (16,250 - 14,500) = 2,250.
    expect(r.after.realizedToDate - r.before.realizedToDate).toBeCloseTo(2250, 2);
    expect(h.store.getCase(CASE)).toEqual(before);

    const ok = approve(h.ctx, { proposalId: r.proposalId, approvedBy: 'sam' });
    expect(ok.ok).toBe(true);
    const after = h.store.getCase(CASE)!;
    expect(after.version).toBe(2);
    const series = after.document.scenarios[1]!.useCases[0]!.inputs.find((i) => i.key === 'tickets_per_day')!.series!;
    expect(entryValue(series['2026-11']!)).toBe(165);
    expect(series['2026-11']).toEqual({ value: 165, note: 'Holiday staffing', evidence: 'https://example.test/z.csv' });
  });

  it('a note added to the value already recorded annotates it (evidence and source stay); a new value or a new source is recorded', async () => {
    const h = toolHarness();
    const march = async (m: Record<string, unknown>) => {
      const r = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: '2026-03', ...m }] });
      expect(r.status, JSON.stringify(r)).toBe('pending');
      const { scenario: _s, useCase: _u, input: _i, month: _m, ...entry } = h.store.getProposal(r.proposalId)!.operations[0] as Record<string, unknown>;
      return entry;
    };
    // The demo's March entry: 158, note "Automation macros live for all queues", evidence zendesk-tickets-2026-03.csv, source Zendesk export.
    expect(await march({ value: 158, note: 'macros rolled out to every queue' })).toEqual({
      op: 'annotateMeasurement',
      note: 'macros rolled out to every queue',
    });
    expect(await march({ value: 160, note: 'recount' })).toEqual({ op: 'recordMeasurement', value: 160, note: 'recount' });
    expect(await march({ value: 158, note: 'confirmed', source: 'ops review' })).toEqual({
      op: 'recordMeasurement',
      value: 158,
      note: 'confirmed',
      source: 'ops review',
    });
    expect(await march({ value: 158 })).toEqual({ op: 'recordMeasurement', value: 158 });
    // A month without an entry has nothing to annotate.
    expect(await march({ month: '2026-04', value: 158, note: 'steady' })).toEqual({ op: 'recordMeasurement', value: 158, note: 'steady' });
  });

  it('a value for an input that is not measured says which tool fits', async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'Cost per Ticket', month: 'October', value: 12 }] });
    expect(r.error).toMatch(/^'Cost per Ticket' is not measured yet: propose measuring it directly \(proposeTrackMetric\)/);
  });

  it("a refused operation comes back as the engine's reason (locked month)", async () => {
    const h = toolHarness();
    const r = await h.call('proposeMeasurements', { measurements: [{ input: 'tickets per day', month: '2025-11', value: 120 }] });
    expect(r.error).toMatch(/month 2025-11 is locked/);
    expect(h.store.listProposals({})).toHaveLength(0);
  });

  it("convert from the plan with the suggestion's defaults, split, milestone, lock, set input, monthly values", async () => {
    const h = toolHarness();
    const convert = await h.call('proposeConversions', { scenario: 'Rollout Plan', conversions: [{ calculation: 'efficiency' }] });
    expect(convert.changes[0]).toMatch(/now tracks Avg. Tickets per Day/);
    const split = await h.call('proposeSplit', {
      calculation: 'Faster Ticket Handling',
      parts: [{ metric: 'Handle Time Saved per Ticket' }, { metric: 'Avg. Tickets per Day (baseline)' }],
    });
    expect(split.status).toBe('pending');
    // The split keeps the use case total to the cent.
    expect(split.after.useCases[0].total).toBeCloseTo(split.before.useCases[0].total, 2);
    const withoutLockLines = (r: { changes: string[] }) => r.changes.filter((l) => !l.startsWith('locked months'));
    expect(withoutLockLines(await h.call('proposeMilestone', { name: 'QBR Held', achievedMonth: 'October' }))).toEqual([
      "milestone 'QBR Held' (qbr-held): achieved 2026-10",
    ]);
    expect((await h.call('proposeLockMonths', { through: 'March' })).changes[0]).toMatch(/months through 2026-03 are locked \(was through 2025-12\)/);
    // "from December" said in November 2026: the coming December (the nearer one).
    expect((await h.call('proposeInputValue', { input: '# of Reps', value: 12, from: 'December' })).changes[0]).toMatch(
      /^# of Reps \(reps\): 15 -> 12 from .*2026 on/,
    );
    expect((await h.call('proposeMonthlyValues', { input: 'cost per ticket' })).changes[0]).toMatch(/now takes monthly values/);
    expect(h.store.getCase(CASE)!.version).toBe(1);
    expect(h.store.listProposals({ status: 'pending' })).toHaveLength(6);
  });

  it('a second realization scenario is refused by the engine', async () => {
    const h = toolHarness();
    const r = await h.call('proposeRealizationScenario', { from: 'Rollout Plan', start: 'August' });
    expect(r.error).toMatch(/already has a realization scenario/);
  });
});

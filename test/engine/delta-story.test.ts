/**
 * The Delta Corp story, as worked examples (issue 2, "Tests"; contract
 * `shared/docs/engine.md`). Every expected figure is computed by hand in the comments and
 * written as a literal: money to the cent, as the summary prints it.
 *
 * Pre-sales (examples/delta-corp-presales.json), "Increase Support Team Efficiency":
 *   efficiency  = reps x rep_cost x efficiency_gain = 10 x 20000 x 0.5 = 100,000 USD a year
 *   handle-time = reps x avg_tickets_per_day x minutes_saved_per_ticket / 60 x working_days x hourly_cost
 *               = 10 x 100 x 0.5 / 60 x 220 x 12 = 22,000 USD a year = 1833.33 a month
 * and two untracked use cases: deflection = 3000 x 0.2 x 12 = 7200 a month, licences =
 * 18000 / 12 = 1500 a month. Untracked, per month: 1833.33 + 7200 + 1500 = 10533.33
 * (exactly 22000 / 12 + 8700 = 126400 / 12).
 */
import { describe, expect, it } from 'vitest';
import { summarize, type BusinessCase, type Summary } from '../../src/engine/index.ts';
import { applyAllOk, applyOk, applyRefused, calcMonthly, expectCents, loadExample, useCaseMonthly } from '../support/operation-helpers.ts';

const presales = loadExample('delta-corp-presales.json');

const CREATE = { op: 'createRealizationScenario', from: 'rollout-plan', id: 'realization', name: 'Value Realization', start: '2025-07', months: 12 };
const CONVERT = {
  op: 'convertCalculation',
  scenario: 'realization',
  useCase: 'support-efficiency',
  calculation: 'efficiency',
  percentInput: 'efficiency_gain',
  baselineInput: 'avg_tickets_per_day',
  metric: { key: 'tickets_per_day', label: 'Avg. Tickets per Day', unit: 'tickets/day' },
  direction: 'increase',
};
const measure = (month: string, value: number) => ({
  op: 'recordMeasurement',
  scenario: 'realization',
  useCase: 'support-efficiency',
  input: 'tickets_per_day',
  month,
  value,
});
const SPLIT = {
  op: 'splitCalculation',
  scenario: 'realization',
  useCase: 'support-efficiency',
  calculation: 'handle-time',
  strategy: 'shapley',
  parts: [
    { id: 'handle-time-saved', name: 'Shorter Handle Time', metric: 'minutes_saved_per_ticket' },
    { id: 'tickets-handled', name: 'More Tickets per Day', metric: 'avg_tickets_per_day' },
  ],
};

function summary(doc: BusinessCase, asOf: string, scenario = 'realization'): Summary {
  const s = summarize(doc, { scenario, asOf });
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

const MONTHS = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
/*
 * Avg. Tickets per Day (baseline B = 100), carried forward from each measurement:
 *   Jul      no entry yet -> 100 (its `value`), not measured: no data, no claim
 *   Aug-Sep  88  -> max(0, (88 - 100) / 100)  = max(0, -0.12) = 0   (clamped)
 *   Oct-Feb  115 -> max(0, (115 - 100) / 100) = 0.15
 *   Mar-Jun  158 -> max(0, (158 - 100) / 100) = 0.58
 */
const GAIN = [0, 0, 0, 0.15, 0.15, 0.15, 0.15, 0.15, 0.58, 0.58, 0.58, 0.58];
/* Efficiency a month = 10 x 20000 x gain / 12: 0.15 -> 30000 / 12 = 2500; 0.58 -> 116000 / 12 = 9666.67. */
const EFFICIENCY = [0, 0, 0, 2500, 2500, 2500, 2500, 2500, 9666.67, 9666.67, 9666.67, 9666.67];
const UNTRACKED = 10533.33;

/** The story up to the three measurements. */
function measuredStory(): BusinessCase {
  return applyAllOk(presales, [CREATE, CONVERT, measure('2025-08', 88), measure('2025-10', 115), measure('2026-03', 158)], '2026-06');
}

describe('Delta Corp: pre-sales', () => {
  it('10 reps x 20000 USD/rep/year x 50% expected gain = 100,000 USD a year (8333.33 a month where the ramp is done)', () => {
    const inputs = Object.fromEntries(presales.scenarios[0]!.useCases[0]!.inputs.map((i) => [i.key, i.value]));
    expect(inputs).toMatchObject({ reps: 10, rep_cost: 20000, efficiency_gain: 0.5, avg_tickets_per_day: 100 });
    // 100000 / 12 = 8333.33; from 2026-01 (month 7 of the plan) the ramp is over.
    const efficiency = calcMonthly(presales, 'rollout-plan', 'support-efficiency', 'efficiency');
    expect(Math.abs(efficiency[6]! - 100000 / 12)).toBeLessThan(0.005);
    // 12 full months from 2026-01: exactly 100,000.
    expect(Math.abs(efficiency.slice(6, 18).reduce((a, b) => a + b, 0) - 100000)).toBeLessThan(0.005);
  });
});

describe('Delta Corp: realization from July 2025', () => {
  it('the realization scenario starts as a copy of the plan: every month is assumed, no ramp', () => {
    const { document } = applyOk(presales, CREATE, '2026-06');
    const s = summary(document, '2026-06');
    // 100000 / 12 + 10533.33 = 8333.33 + 10533.33 = 18866.67 a month, 12 months = 226,400.
    expect(s.total).toBe(226400);
    expect(s.measuredToDate).toBe(0);
    expect(s.assumedToDate).toBe(226400);
    for (const m of s.monthly) expect(m.assumed).toBe(18866.67);
  });

  it('converting the efficiency gain to tracked "Avg. Tickets per Day" against the 100 baseline keeps the projection at the target 150', () => {
    const converted = applyAllOk(presales, [CREATE, CONVERT], '2026-06');
    const u = converted.scenarios[1]!.useCases[0]!;
    const efficiency = u.calculations.find((c) => c.id === 'efficiency')!;
    expect(efficiency.formula).toBe('reps * rep_cost * max(0, (tickets_per_day - avg_tickets_per_day) / avg_tickets_per_day)');
    expect(efficiency.metric).toBe('tickets_per_day');
    expect(u.inputs.find((i) => i.key === 'tickets_per_day')).toStrictEqual({
      key: 'tickets_per_day',
      label: 'Avg. Tickets per Day',
      unit: 'tickets/day',
      value: 100,
      series: {},
    });
    expect(u.inputs.find((i) => i.key === 'efficiency_gain_target')?.value).toBe(0.5);
    expect(u.inputs.some((i) => i.key === 'efficiency_gain')).toBe(false);
    // Before a measurement the improvement is (100 - 100) / 100 = 0.
    expectCents(calcMonthly(converted, 'realization', 'support-efficiency', 'efficiency'), new Array(12).fill(0));
    // At the target 100 x (1 + 0.5) = 150: (150 - 100) / 100 = 0.5 -> 100000 / 12 = 8333.33 a month.
    const atTarget = applyOk(converted, measure('2025-07', 150), '2026-06').document;
    expectCents(calcMonthly(atTarget, 'realization', 'support-efficiency', 'efficiency'), new Array(12).fill(100000 / 12));
  });

  it('measurements 88 (Aug), 115 (Oct), 158 (Mar): the gain is 0% in Aug-Sep (clamped), 15% in Oct-Feb, 58% in Mar-Jun', () => {
    const doc = measuredStory();
    const input = doc.scenarios[1]!.useCases[0]!.inputs.find((i) => i.key === 'tickets_per_day')!;
    expect(input.series).toStrictEqual({ '2025-08': 88, '2025-10': 115, '2026-03': 158 });
    expectCents(
      calcMonthly(doc, 'realization', 'support-efficiency', 'efficiency'),
      GAIN.map((g) => (10 * 20000 * g) / 12),
    );
  });

  it('monthly realized / measured / assumed as of June 2026, by hand', () => {
    const s = summary(measuredStory(), '2026-06');
    expect(s.monthly.map((m) => m.month)).toStrictEqual(MONTHS);
    s.monthly.forEach((m, i) => {
      // measured = the tracked efficiency in its measured months (from Aug); July is tracked
      // but not measured, so it claims nothing; assumed = the untracked 10533.33.
      expect({ month: m.month, measured: m.measured, assumed: m.assumed }).toStrictEqual({ month: MONTHS[i], measured: EFFICIENCY[i], assumed: UNTRACKED });
    });
    // realized = measured + assumed: 10533.33 (Jul-Sep), 2500 + 10533.33 = 13033.33 (Oct-Feb),
    // 9666.67 + 10533.33 = 20200 (Mar-Jun).
    expect(s.monthly.map((m) => m.realized)).toStrictEqual([
      10533.33, 10533.33, 10533.33, 13033.33, 13033.33, 13033.33, 13033.33, 13033.33, 20200, 20200, 20200, 20200,
    ]);
    expect(s.monthly.map((m) => m.benefit)).toStrictEqual(s.monthly.map((m) => m.realized));

    // To date: measured 5 x 2500 + 4 x 29000/3 = 12500 + 38666.67 = 51166.67;
    // assumed 12 x 126400/12 = 126400; realized 177566.67 (= total: nothing is unmeasured
    // money, July's efficiency is 0 anyway).
    expect(s.measuredToDate).toBe(51166.67);
    expect(s.assumedToDate).toBe(126400);
    expect(s.realizedToDate).toBe(177566.67);
    expect(s.total).toBe(177566.67);

    const efficiency = s.useCases[0]!.calculations.find((c) => c.id === 'efficiency')!;
    expect(efficiency).toStrictEqual({
      id: 'efficiency',
      name: 'Rep Efficiency Gain',
      total: 51166.67,
      realizedToDate: 51166.67,
      tracked: true,
      metric: 'tickets_per_day',
      lastMeasured: '2026-03',
    });
  });

  it('as of December 2025: only Jul-Dec are realized, later months are null', () => {
    const s = summary(measuredStory(), '2025-12');
    // measured 3 x 2500 (Oct-Dec) = 7500; assumed 6 x 10533.33 = 6 x 126400/12 = 63200.
    expect(s.measuredToDate).toBe(7500);
    expect(s.assumedToDate).toBe(63200);
    expect(s.realizedToDate).toBe(70700);
    expect(s.monthly.slice(0, 6).map((m) => m.measured)).toStrictEqual([0, 0, 0, 2500, 2500, 2500]);
    for (const m of s.monthly.slice(6)) expect([m.realized, m.measured, m.assumed]).toStrictEqual([null, null, null]);
    // the benefit is still shown for every month: 13033.33 in Jan-Feb, 20200 from Mar.
    expect(s.monthly.slice(6).map((m) => m.benefit)).toStrictEqual([13033.33, 13033.33, 20200, 20200, 20200, 20200]);
  });

  it('compared with the plan it is based on (as of June 2026)', () => {
    const s = summary(measuredStory(), '2026-06');
    // Plan a month: 8333.33 + 10533.33 = 18866.67 (226400 / 12), x 0.25 Jul-Sep = 4716.67,
    // x 0.6 Oct-Dec = 11320. To date: 3 x 4716.67 + 3 x 11320 + 6 x 18866.67
    //   = 14150 + 33960 + 113200 = 161310.
    expect(s.monthly.map((m) => m.estimated)).toStrictEqual([
      4716.67, 4716.67, 4716.67, 11320, 11320, 11320, 18866.67, 18866.67, 18866.67, 18866.67, 18866.67, 18866.67,
    ]);
    expect(s.estimatedToDate).toBe(161310);
    // variance = (532700/3) / 161310 - 1 = 532700 / 483930 - 1 = 48770 / 483930.
    expect(Math.abs(s.varianceToDate! - 48770 / 483930)).toBeLessThan(1e-9);
  });

  it('no data, no claim: self-service deflection tracked from September claims nothing in Jul-Aug', () => {
    // (2) Only a calculation's metric makes it tracked: trackMetric makes the deflection rate
    // the deflection calculation's metric (enableMonthlyValues alone would leave it assumed).
    const doc = applyAllOk(
      measuredStory(),
      [
        { op: 'trackMetric', scenario: 'realization', useCase: 'self-service', calculation: 'deflection', input: 'deflection_rate' },
        { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2025-09', value: 0.12 },
      ],
      '2026-06',
    );
    const s = summary(doc, '2026-06');
    // Deflection: Jul-Aug carry the assumed 0.2 -> 3000 x 0.2 x 12 = 7200 (benefit, but no
    // claim); from Sep 3000 x 0.12 x 12 = 4320, measured.
    // Jul: benefit 0 + 1833.33 + 7200 + 1500 = 10533.33; realized = assumed 1833.33 + 1500 = 3333.33.
    expect(s.monthly[0]).toMatchObject({ benefit: 10533.33, realized: 3333.33, measured: 0, assumed: 3333.33 });
    expect(s.monthly[1]).toMatchObject({ benefit: 10533.33, realized: 3333.33, measured: 0, assumed: 3333.33 });
    // Sep: measured 0 (efficiency, clamped) + 4320; realized 4320 + 3333.33 = 7653.33.
    expect(s.monthly[2]).toMatchObject({ benefit: 7653.33, realized: 7653.33, measured: 4320, assumed: 3333.33 });
    // Measured to date: 51166.67 + 10 x 4320 = 94366.67; assumed 12 x 3333.33 = 40000.
    expect(s.measuredToDate).toBe(94366.67);
    expect(s.assumedToDate).toBe(40000);
    // Total keeps the unclaimed Jul-Aug: 51166.67 + 22000 + (2 x 7200 + 10 x 4320) + 18000 = 148766.67.
    expect(s.total).toBe(148766.67);
    expect(s.realizedToDate).toBe(134366.67); // 148766.67 - 2 x 7200
    // (2) Carried forward (a measured month without an entry of its own metric):
    //   efficiency Sep 0 (88 from Aug), Nov-Feb 4 x 2500 = 10000, Apr-Jun 3 x 29000/3 = 29000;
    //   deflection Oct-Jun 9 x 4320 = 38880. Together 10000 + 29000 + 38880 = 77880.
    expect(s.carriedForwardToDate).toBe(77880);
    expect(s.monthly[2]!.carriedForward).toBe(0); // Sep: the deflection has its entry, the efficiency is 0
    expect(s.monthly[3]!.carriedForward).toBe(4320); // Oct: the efficiency has its entry (115)
    // asOf is the window's last month: the projection is what was realized; Jul-Aug's
    // unmeasured deflection stays unclaimed.
    expect(s.projectedTotal).toBe(134366.67);
    expect(s.useCases[1]!.calculations[0]).toMatchObject({ tracked: true, metric: 'deflection_rate', lastMeasured: '2025-09' });
  });
});

describe('Delta Corp: 10 reps, 15 from June 2026 (seed 003), after locking 2025', () => {
  const LOCK = { op: 'lockMonths', scenario: 'realization', through: '2025-12' };
  const REPS = { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 15, from: '2026-06' };

  it('setInput with from: June changes, every earlier month keeps its figures, and nothing becomes tracked', () => {
    const locked = applyOk(measuredStory(), LOCK, '2026-06').document;
    const { document, preview } = applyOk(locked, REPS, '2026-06');
    const reps = document.scenarios[1]!.useCases[0]!.inputs.find((i) => i.key === 'reps')!;
    expect(reps).toStrictEqual({ key: 'reps', label: '# of Reps', unit: 'reps', value: 10, series: { '2026-06': 15 } });
    // Locked Jul-Dec 2025 realized: 6 x 10533.33 (= 6 x 126400/12 = 63200) + Oct-Dec 3 x 2500 = 70700.
    expect(preview.changes).toStrictEqual([
      '# of Reps (reps): 10 -> 15 from Jun 2026 on; months before Jun 2026 keep their values',
      '# of Reps (reps) now changes by month (a changing assumption, not a measurement)',
      'locked months through 2025-12 keep their figures (realized 70,700.00 in 2025-07 to 2025-12)',
    ]);

    // June: efficiency 15 x 20000 x 0.58 / 12 = 174000 / 12 = 14500 (was 9666.67);
    // handle time 15 x 100 x 0.5 / 60 x 220 x 12 = 33000 a year = 2750 a month (was 1833.33).
    expectCents(calcMonthly(document, 'realization', 'support-efficiency', 'efficiency'), [...EFFICIENCY.slice(0, 11), 14500]);
    expectCents(calcMonthly(document, 'realization', 'support-efficiency', 'handle-time'), [...new Array(11).fill(22000 / 12), 2750]);

    const s = summary(document, '2026-06');
    // The efficiency stays tracked through tickets_per_day (last measured in March, not June);
    // handle time stays assumed: reps is a changing assumption, not a measurement.
    expect(s.useCases[0]!.calculations.map((c) => [c.id, c.tracked, c.metric, c.lastMeasured])).toStrictEqual([
      ['efficiency', true, 'tickets_per_day', '2026-03'],
      ['handle-time', false, null, null],
    ]);
    // measured: 5 x 2500 + 3 x 29000/3 + 14500 = 12500 + 29000 + 14500 = 56000;
    // assumed: 11 x 126400/12 + June (2750 + 7200 + 1500 = 11450) = 115866.67 + 11450 = 127316.67.
    expect(s.measuredToDate).toBe(56000);
    expect(s.assumedToDate).toBe(127316.67);
    expect(s.realizedToDate).toBe(183316.67);
    expect(s.monthly[11]).toMatchObject({ month: '2026-06', measured: 14500, carriedForward: 14500, assumed: 11450, realized: 25950 });
    // As of the lock the locked months still say what they said: 7500 measured + 63200 assumed.
    const dec = summary(document, '2025-12');
    expect([dec.measuredToDate, dec.assumedToDate, dec.realizedToDate]).toStrictEqual([7500, 63200, 70700]);
  });

  it('from a locked month is refused, naming the lock, and the document is unchanged', () => {
    const locked = applyOk(measuredStory(), LOCK, '2026-06').document;
    const e = applyRefused(locked, { ...REPS, from: '2025-12' }, '2026-06');
    expect(e.path).toBe('$.from');
    expect(e.message).toContain('2025-12');
    expect(e.message).toMatch(/locked/);
  });
});

describe('Delta Corp: splitting the handle-time calculation (shapley)', () => {
  it('handle time and tickets per day each carry half of 22,000 a year; every month and the total are kept to the cent', () => {
    const before = measuredStory();
    const { document, preview } = applyOk(before, SPLIT, '2026-06');
    const u = document.scenarios[1]!.useCases[0]!;
    expect(u.calculations.map((c) => [c.id, c.metric, c.period])).toStrictEqual([
      ['efficiency', 'tickets_per_day', 'annual'],
      ['handle-time-saved', 'minutes_saved_per_ticket', 'annual'],
      ['tickets-handled', 'avg_tickets_per_day', 'annual'],
    ]);

    // f = reps x T x H / 60 x 220 x 12 with T = tickets per day, H = minutes saved per
    // ticket, both "no improvement" at 0. v(S) = f(S at P, the rest at 0) - f(0, 0):
    //   v({}) = 0, v({H}) = f(T = 0) = 0, v({T}) = f(H = 0) = 0, v({T, H}) = 22000.
    //   phi_H = 1/2 (v({H}) - v({})) + 1/2 (v({T, H}) - v({T})) = 0 + 11000 = 11000 = phi_T.
    // So each part is 11000 a year = 916.67 a month.
    expectCents(calcMonthly(document, 'realization', 'support-efficiency', 'handle-time-saved'), new Array(12).fill(11000 / 12));
    expectCents(calcMonthly(document, 'realization', 'support-efficiency', 'tickets-handled'), new Array(12).fill(11000 / 12));

    // Every month of the use case: efficiency (by hand above) + 22000 / 12.
    const expected = EFFICIENCY.map((e) => e + 22000 / 12);
    expectCents(useCaseMonthly(before, 'realization', 'support-efficiency'), expected);
    expectCents(useCaseMonthly(document, 'realization', 'support-efficiency'), expected);

    // The total is preserved to the cent: 177566.67 before and after.
    expect(preview.before?.total).toBe(177566.67);
    expect(preview.after.total).toBe(177566.67);
    const s = summary(document, '2026-06');
    expect(s.total).toBe(177566.67);
    const calcs = s.useCases[0]!.calculations;
    expect(calcs.map((c) => [c.id, c.total])).toStrictEqual([
      ['efficiency', 51166.67],
      ['handle-time-saved', 11000],
      ['tickets-handled', 11000],
    ]);
    // The use case: 51166.67 + 22000 = 73166.67.
    expect(s.useCases[0]!.total).toBe(73166.67);
  });

  it('each part moves with its own metric only', () => {
    const split = applyOk(measuredStory(), SPLIT, '2026-06').document;
    // Handle time saved goes from 0.5 to 0.6 minutes: its part becomes
    // 0.5 x 10 x 100 x 0.6 / 60 x 220 x 12 = 13200 a year = 1100 a month; the other stays 916.67.
    const faster = applyOk(
      split,
      { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'minutes_saved_per_ticket', value: 0.6 },
      '2026-06',
    ).document;
    expectCents(calcMonthly(faster, 'realization', 'support-efficiency', 'handle-time-saved'), new Array(12).fill(1100));
    expectCents(calcMonthly(faster, 'realization', 'support-efficiency', 'tickets-handled'), new Array(12).fill(11000 / 12));
    // At its reference 0 a part is 0.
    const none = applyOk(
      split,
      { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'minutes_saved_per_ticket', value: 0 },
      '2026-06',
    ).document;
    expectCents(calcMonthly(none, 'realization', 'support-efficiency', 'handle-time-saved'), new Array(12).fill(0));
  });

  it('the same split on the pre-sales plan keeps every ramped month', () => {
    const { document } = applyOk(presales, { ...SPLIT, scenario: 'rollout-plan' }, '2026-06');
    // Plan support-efficiency a month: 100000/12 + 22000/12 = 10166.67, x 0.25 Jul-Sep,
    // x 0.6 Oct-Dec, then 1 for the rest of the 36 months.
    const ramp = Array.from({ length: 36 }, (_, i) => (i < 3 ? 0.25 : i < 6 ? 0.6 : 1));
    expectCents(
      useCaseMonthly(document, 'rollout-plan', 'support-efficiency'),
      ramp.map((f) => (122000 / 12) * f),
    );
    expectCents(
      calcMonthly(document, 'rollout-plan', 'support-efficiency', 'tickets-handled'),
      ramp.map((f) => (11000 / 12) * f),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocument, qbrFacts, quarterMonths, type BusinessCase } from '../../src/engine/index.ts';

const demo = (): BusinessCase => {
  const r = parseDocument(JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

// The demo's monthly pieces, by hand (see examples/delta-corp-presales.json and the
// operations in examples/delta-corp-realization.ops.json): 10 reps, 15 from June 2026.
const efficiency = (ticketsPerDay: number, reps = 10) => (reps * 20000 * Math.max(0, (ticketsPerDay - 100) / 100)) / 12;
const handleTime = (((10 * 100 * 0.5) / 60) * 220 * 12) / 12; // 22,000 a year = 1,833.33 a month, assumed
const handleTime15 = (((15 * 100 * 0.5) / 60) * 220 * 12) / 12; // 33,000 a year = 2,750 a month from June 2026
const deflection = (rate: number) => 3000 * rate * 12; // monthly formula, tracked through deflection_rate
const licences = 18000 / 12; // 1,500 a month, assumed
const planMonth = 100000 / 12 + handleTime + deflection(0.2) + licences; // rollout plan after its ramp

describe('qbrFacts', () => {
  it('parses quarters', () => {
    expect(quarterMonths('2026-Q1')).toEqual({ start: '2026-01', end: '2026-03' });
    expect(quarterMonths('2026-Q4')).toEqual({ start: '2026-10', end: '2026-12' });
    expect(quarterMonths('2026-Q5')).toBeNull();
  });

  it('the Delta Q1 2026 facts, by hand', () => {
    const r = qbrFacts(demo(), { quarter: '2026-Q1' });
    if (!r.ok) throw new Error(r.error.message);
    const f = r.value;
    expect(f.asOf).toBe('2026-03');
    expect(f.quarter.months).toEqual(['2026-01', '2026-02', '2026-03']);
    // Jan, Feb at 115 tickets (15%) and an 18% deflection rate; March at 158 tickets (58%).
    const measured = 2 * (efficiency(115) + deflection(0.18)) + efficiency(158) + deflection(0.18);
    const assumed = 3 * (handleTime + licences);
    expect(f.inQuarter.measured).toBeCloseTo(measured, 2); // 34,106.67
    expect(f.inQuarter.assumed).toBeCloseTo(assumed, 2); // 10,000.00
    expect(f.inQuarter.realized).toBeCloseTo(measured + assumed, 2);
    expect(f.inQuarter.estimated).toBeCloseTo(3 * planMonth, 2); // 56,600.00
    expect(f.inQuarter.variance).toBeCloseTo((measured + assumed) / (3 * planMonth) - 1, 10);
    // To date (Jul 2025..Mar 2026), realized: Jul-Aug assumed only (deflection not yet
    // measured, efficiency at 88 -> 0), Sep deflection 12%, Oct-Dec 115 & 12%, then Q1.
    const toDate =
      2 * (handleTime + licences) +
      (deflection(0.12) + handleTime + licences) +
      3 * (efficiency(115) + deflection(0.12) + handleTime + licences) +
      measured +
      assumed;
    expect(f.toDate.realized).toBeCloseTo(toDate, 2); // 88,886.67
    expect(f.toDate.investment).toBe(48000 + 15000);
    expect(f.toDate.roi).toBeCloseTo((toDate - 63000) / 63000, 10);
    expect(f.toDate.paybackMonth).toBe('2026-02');
    // (2) Carried forward: a measured month without an entry of its own metric.
    //   In Q1: efficiency Jan-Feb (115 from Oct) 2 x 2,500; deflection Feb-Mar (18% from Jan) 2 x 6,480.
    const carriedQ1 = 2 * efficiency(115) + 2 * deflection(0.18); // 17,960
    expect(f.inQuarter.carriedForward).toBeCloseTo(carriedQ1, 2);
    //   Before Q1: efficiency Sep (88, clamped: 0), Nov-Dec 2 x 2,500; deflection Oct-Dec 3 x 4,320.
    expect(f.toDate.carriedForward).toBeCloseTo(efficiency(88) + 2 * efficiency(115) + 3 * deflection(0.12) + carriedQ1, 2); // 35,920
    // (2) The whole contract (24 months): the plan-like total, and the projection = realized to
    // date + every month after March 2026: Apr-May 2 x (9,666.67 + 6,480 + 3,333.33) = 38,960,
    // Jun 14,500 + 6,480 + 2,750 + 1,500 = 25,230, Jul 2026 - Jun 2027 12 x (14,500 + 7,920 + 4,250) = 320,040.
    const after =
      2 * (efficiency(158) + deflection(0.18) + handleTime + licences) +
      (efficiency(158, 15) + deflection(0.18) + handleTime15 + licences) +
      12 * (efficiency(158, 15) + deflection(0.22) + handleTime15 + licences);
    const investment = 2 * 48000 + 15000; // 111,000
    expect(f.contract.investmentTotal).toBe(investment);
    expect(f.contract.projectedTotal).toBeCloseTo(toDate + after, 2); // 473,116.67
    expect(f.contract.projectedRoi).toBeCloseTo((toDate + after - investment) / investment, 9);
    // The total keeps Jul-Aug 2025's deflection (2 x 7,200), which no measurement backs.
    expect(f.contract.total).toBeCloseTo(toDate + after + 2 * deflection(0.2), 2); // 487,516.67

    const support = f.useCases.find((u) => u.id === 'support-efficiency')!;
    expect(support.quarter.realized).toBeCloseTo(2 * efficiency(115) + efficiency(158) + 3 * handleTime, 2);
    expect(support.quarter.estimated).toBeCloseTo(3 * (100000 / 12 + handleTime), 2);
    expect(support.status).toBe('behind');
    expect(support.quarter.carriedForward).toBeCloseTo(2 * efficiency(115), 2); // 5,000
    expect(support.quarter.measured).toBeCloseTo(2 * efficiency(115) + efficiency(158), 2);
    expect(support.quarter.assumed).toBeCloseTo(3 * handleTime, 2);

    const tickets = f.metrics.find((m) => m.input === 'tickets_per_day')!;
    expect(tickets).toMatchObject({
      baseline: 100,
      atQuarterStart: 115,
      atQuarterEnd: 158,
      measuredMonths: ['2026-03'],
      missingMonths: ['2026-01', '2026-02'],
    });
    expect(f.evidence.map((e) => [e.input, e.month, e.value, e.source])).toEqual([
      ['tickets_per_day', '2026-03', 158, 'Zendesk export'],
      ['deflection_rate', '2026-01', 0.18, 'Help center analytics'],
    ]);
    expect(f.milestones.achievedInQuarter.map((m) => m.id)).toEqual(['macros-live']);
    expect(f.milestones.achievedBefore.map((m) => m.id)).toEqual(['teams-onboarded']);
  });

  it('Q2 2026: 15 reps from June raise the efficiency and the assumed handle time; no metric was measured in the quarter', () => {
    const r = qbrFacts(demo(), { quarter: '2026-Q2' });
    if (!r.ok) throw new Error(r.error.message);
    const f = r.value;
    expect(f.quarter.months).toEqual(['2026-04', '2026-05', '2026-06']);
    // Apr-May: 158 tickets with 10 reps (9,666.67) and 18% (6,480); June: 158 with 15 reps
    // (15 x 20000 x 0.58 / 12 = 14,500) and 18%. Every month is carried forward (the last
    // entries are Mar 2026 and Jan 2026).
    const measured = 2 * (efficiency(158) + deflection(0.18)) + efficiency(158, 15) + deflection(0.18); // 53,273.33
    const assumed = 2 * (handleTime + licences) + handleTime15 + licences; // 10,916.67
    expect(f.inQuarter.measured).toBeCloseTo(measured, 2);
    expect(f.inQuarter.carriedForward).toBeCloseTo(measured, 2);
    expect(f.inQuarter.assumed).toBeCloseTo(assumed, 2);
    expect(f.inQuarter.realized).toBeCloseTo(measured + assumed, 2); // 64,190
    expect(f.inQuarter.estimated).toBeCloseTo(3 * planMonth, 2); // 56,600
    const support = f.useCases.find((u) => u.id === 'support-efficiency')!;
    // 2 x (9,666.67 + 1,833.33) + 14,500 + 2,750 = 40,250 against 3 x (100000 + 22000) / 12 = 30,500
    expect(support.quarter.realized).toBeCloseTo(2 * (efficiency(158) + handleTime) + efficiency(158, 15) + handleTime15, 2);
    expect(support.quarter.estimated).toBeCloseTo(3 * (100000 / 12 + handleTime), 2);
    // Only metrics are measured: reps, which changed in June, is no metric and no evidence.
    expect(f.metrics.map((m) => [m.input, m.atQuarterStart, m.atQuarterEnd, m.measuredMonths, m.missingMonths])).toEqual([
      ['tickets_per_day', 158, 158, [], ['2026-04', '2026-05', '2026-06']],
      ['deflection_rate', 0.18, 0.18, [], ['2026-04', '2026-05', '2026-06']],
    ]);
    expect(f.evidence).toEqual([]);
  });

  it('a milestone past its target and not achieved is at risk; one due within three months is upcoming', () => {
    const r = qbrFacts(demo(), { quarter: '2026-Q3' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.milestones.atRisk).toEqual([]);
    expect(r.value.milestones.upcoming.map((m) => m.id)).toEqual(['portal-relaunch']); // target 2026-12, as of 2026-09
    const late = qbrFacts(demo(), { quarter: '2027-Q1' });
    if (!late.ok) throw new Error(late.error.message);
    expect(late.value.milestones.atRisk.map((m) => m.id)).toEqual(['portal-relaunch']);
  });

  it('asOf inside the quarter cuts it; a future scenario or a bad quarter is refused', () => {
    const r = qbrFacts(demo(), { quarter: '2026-Q1', asOf: '2026-02' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.quarter.months).toEqual(['2026-01', '2026-02']);
    expect(r.value.inQuarter.realized).toBeCloseTo(2 * (efficiency(115) + deflection(0.18) + handleTime + licences), 2);
    const future = qbrFacts(demo(), { quarter: '2026-Q1', scenario: 'rollout-plan' });
    expect(!future.ok && future.error.message).toMatch(/future scenario/);
    const bad = qbrFacts(demo(), { quarter: 'Q1' });
    expect(!bad.ok && bad.error.message).toMatch(/not YYYY-Qn/);
  });
});

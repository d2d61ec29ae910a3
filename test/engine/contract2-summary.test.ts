/**
 * Contract 2's figures on a hand-worked example (test/engine/contract2-fixture.ts): tracked
 * through the metric only, carried forward shown apart, per-use-case measured / assumed /
 * estimated / variance, the projection, lastMeasured from the metric. Every expected figure
 * is arithmetic on literal numbers written here.
 */
import { describe, expect, it } from 'vitest';
import { summarize, type Summary, type SummaryOptions } from '../../src/engine/index.ts';
import { example } from './contract2-fixture.ts';
import { MONTH_KEYS, SUMMARY_KEYS, USE_CASE_KEYS } from '../support/summary-keys.ts';

function summary(options: SummaryOptions): Summary {
  const r = summarize(example(), options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const month = (s: Summary, m: string) => s.monthly.find((x) => x.month === m)!;
const useCase = (s: Summary, id: string) => s.useCases.find((u) => u.id === id)!;

describe('as of August 2026', () => {
  const s = summary({ asOf: '2026-08' });
  // efficiency: 5 x 5000 + 3 x 7500 = 47500 to date, all assumed; total 5 x 5000 + 7 x 7500 = 77500.
  // tickets: Feb-Apr 3 x 500 + May-Aug 4 x 1000 = 5500 measured; carried Mar, Apr (2 x 500)
  //   + Jun-Aug (3 x 1000) = 4000; total 0 + 3 x 500 + 8 x 1000 = 9500.
  // deflection: Mar-Aug 6 x 500 = 3000 measured; carried Apr-Aug 5 x 500 = 2500;
  //   total 2 x 1000 + 10 x 500 = 7000.
  const realized = 47500 + 5500 + 3000;

  it('a time-series input that is not the metric is a changing assumption: the calculation stays assumed', () => {
    const gain = useCase(s, 'efficiency');
    expect(gain.calculations[0]).toEqual({ id: 'gain', name: 'Gain', total: 77500, realizedToDate: 47500, tracked: false, metric: null, lastMeasured: null });
    expect([gain.total, gain.realizedToDate, gain.measuredToDate, gain.assumedToDate]).toEqual([77500, 47500, 0, 47500]);
  });

  it('the scenario headline: measured, carried forward and assumed apart', () => {
    expect(s.total).toBe(77500 + 9500 + 7000);
    expect(s.realizedToDate).toBe(realized);
    expect(s.measuredToDate).toBe(5500 + 3000);
    expect(s.carriedForwardToDate).toBe(4000 + 2500);
    expect(s.assumedToDate).toBe(47500);
  });

  it('monthly parts: fresh, carried forward, unclaimed and after asOf', () => {
    // benefit by month: Jan 5000 + 0 + 1000 = 6000; Feb 5000 + 500 + 1000 = 6500; Mar, Apr
    // 5000 + 500 + 500 = 6000; May 5000 + 1000 + 500 = 6500; Jun-Dec 7500 + 1000 + 500 = 9000.
    // Feb: 5000 assumed + tickets 500 measured (fresh); deflection's 1000 is not measured yet.
    expect(month(s, '2026-02')).toEqual({
      month: '2026-02',
      benefit: 5000 + 500 + 1000,
      cumulative: 6000 + 6500,
      realized: 5500,
      measured: 500,
      carriedForward: 0,
      assumed: 5000,
      estimated: 6800,
    });
    // Apr: both metrics carried forward (tickets 500 from Feb, deflection 500 from Mar).
    expect(month(s, '2026-04')).toEqual({
      month: '2026-04',
      benefit: 6000,
      cumulative: 6000 + 6500 + 6000 + 6000,
      realized: 6000,
      measured: 1000,
      carriedForward: 1000,
      assumed: 5000,
      estimated: 6800,
    });
    // May: tickets measured fresh (1000), deflection carried (500).
    expect(month(s, '2026-05')).toMatchObject({ benefit: 6500, realized: 6500, measured: 1500, carriedForward: 500, assumed: 5000 });
    // Sep is after asOf: nothing realized.
    expect(month(s, '2026-09')).toEqual({
      month: '2026-09',
      benefit: 7500 + 1000 + 500,
      cumulative: 24500 + 6500 + 3 * 9000 + 9000,
      realized: null,
      measured: null,
      carriedForward: null,
      assumed: null,
      estimated: 6800,
    });
  });

  it("lastMeasured is the metric's latest entry; tracked only with a metric", () => {
    expect(useCase(s, 'tickets').calculations[0]).toMatchObject({ tracked: true, metric: 'tpd', lastMeasured: '2026-05', total: 9500, realizedToDate: 5500 });
    expect(useCase(s, 'deflection').calculations[0]).toMatchObject({
      tracked: true,
      metric: 'rate',
      lastMeasured: '2026-03',
      total: 7000,
      realizedToDate: 3000,
    });
  });

  it("per use case: measured, assumed, estimated and variance against the plan's use case of the same id", () => {
    // Plan to date (Jan-Aug): efficiency 8 x 6000 = 48000, tickets 8 x 800 = 6400.
    expect(useCase(s, 'efficiency')).toMatchObject({ measuredToDate: 0, assumedToDate: 47500, estimatedToDate: 48000 });
    expect(useCase(s, 'efficiency').varianceToDate).toBeCloseTo(47500 / 48000 - 1, 12);
    expect(useCase(s, 'tickets')).toMatchObject({ measuredToDate: 5500, assumedToDate: 0, estimatedToDate: 6400 });
    expect(useCase(s, 'tickets').varianceToDate).toBeCloseTo(5500 / 6400 - 1, 12);
    // The plan has no deflection use case: no estimate, no variance.
    expect(useCase(s, 'deflection')).toMatchObject({ measuredToDate: 3000, assumedToDate: 0, estimatedToDate: null, varianceToDate: null });
    expect(s.estimatedToDate).toBe(48000 + 6400);
    expect(s.varianceToDate).toBeCloseTo(realized / 54400 - 1, 12);
  });

  it('the projection: realized to date + the benefit after asOf; unclaimed months before asOf stay unclaimed', () => {
    // After Aug: efficiency 4 x 7500, tickets 4 x 1000, deflection 4 x 500 = 36000.
    // Deflection's Jan and Feb (2 x 1000) claimed nothing and are not in the projection.
    expect(s.projectedTotal).toBe(realized + 36000);
    expect(s.projectedTotal).toBe(s.total - 2000);
    // Investment 20000 + 12 x 1000 = 32000.
    expect(s.investmentTotal).toBe(32000);
    expect(s.projectedRoi).toBeCloseTo((92000 - 32000) / 32000, 12);
    expect(s.roi).toBeCloseTo((94000 - 32000) / 32000, 12);
  });

  it("fields come in the contract's order", () => {
    expect(Object.keys(s)).toEqual(SUMMARY_KEYS);
    expect(Object.keys(s.monthly[0]!)).toEqual(MONTH_KEYS);
    expect(Object.keys(s.useCases[0]!)).toEqual(USE_CASE_KEYS);
  });
});

describe('the projection at the edges of the window', () => {
  it('asOf before the window: nothing realized, every month projected', () => {
    const s = summary({ asOf: '2025-12' });
    expect([s.realizedToDate, s.measuredToDate, s.carriedForwardToDate, s.assumedToDate]).toEqual([0, 0, 0, 0]);
    expect(s.projectedTotal).toBe(77500 + 9500 + 7000);
  });

  it('asOf after the window: the projection is what was realized', () => {
    const s = summary({ asOf: '2027-03' });
    // efficiency 77500 assumed; tickets Feb-Dec 3 x 500 + 8 x 1000 = 9500; deflection Mar-Dec 10 x 500 = 5000.
    expect(s.realizedToDate).toBe(77500 + 9500 + 5000);
    expect(s.projectedTotal).toBe(92000);
    // carried: tickets Mar, Apr (1000) + Jun-Dec (7 x 1000); deflection Apr-Dec (9 x 500).
    expect(s.carriedForwardToDate).toBe(1000 + 7000 + 4500);
  });

  it('a future scenario has no to-date, carried-forward or projected figures', () => {
    const s = summary({ asOf: '2026-08', scenario: 'plan' });
    expect([s.carriedForwardToDate, s.projectedTotal, s.projectedRoi]).toEqual([null, null, null]);
    expect(s.monthly[0]!.carriedForward).toBeNull();
    expect(s.useCases[0]).toMatchObject({ measuredToDate: null, assumedToDate: null, estimatedToDate: null, varianceToDate: null });
  });

  it('without a comparison the per-use-case estimate and variance are null', () => {
    const s = summary({ asOf: '2026-08', compare: null });
    expect(s.useCases.map((u) => [u.estimatedToDate, u.varianceToDate])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});

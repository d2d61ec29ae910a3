import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocument, qbrFacts, quarterMonths, type BusinessCase } from '../../src/engine/index.ts';

const demo = (): BusinessCase => {
  const r = parseDocument(JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

// The demo's monthly pieces, by hand (see examples/delta-corp-presales.json):
const efficiency = (ticketsPerDay: number) => (10 * 20000 * Math.max(0, (ticketsPerDay - 100) / 100)) / 12;
const handleTime = (10 * 100 * 0.5 / 60 * 220 * 12) / 12; // 22,000 a year = 1,833.33 a month, assumed
const deflection = (rate: number) => 3000 * rate * 12; // monthly formula
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
    const toDate = 2 * (handleTime + licences) + (deflection(0.12) + handleTime + licences) + 3 * (efficiency(115) + deflection(0.12) + handleTime + licences) + measured + assumed;
    expect(f.toDate.realized).toBeCloseTo(toDate, 2); // 88,886.67
    expect(f.toDate.investment).toBe(48000 + 15000);
    expect(f.toDate.roi).toBeCloseTo((toDate - 63000) / 63000, 10);
    expect(f.toDate.paybackMonth).toBe('2026-02');

    const support = f.useCases.find((u) => u.id === 'support-efficiency')!;
    expect(support.quarter.realized).toBeCloseTo(2 * efficiency(115) + efficiency(158) + 3 * handleTime, 2);
    expect(support.quarter.estimated).toBeCloseTo(3 * (100000 / 12 + handleTime), 2);
    expect(support.status).toBe('behind');

    const tickets = f.metrics.find((m) => m.input === 'tickets_per_day')!;
    expect(tickets).toMatchObject({ baseline: 100, atQuarterStart: 115, atQuarterEnd: 158, measuredMonths: ['2026-03'], missingMonths: ['2026-01', '2026-02'] });
    expect(f.evidence.map((e) => [e.input, e.month, e.value, e.source])).toEqual([
      ['tickets_per_day', '2026-03', 158, 'Zendesk export'],
      ['deflection_rate', '2026-01', 0.18, 'Help center analytics'],
    ]);
    expect(f.milestones.achievedInQuarter.map((m) => m.id)).toEqual(['macros-live']);
    expect(f.milestones.achievedBefore.map((m) => m.id)).toEqual(['teams-onboarded']);
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

/**
 * Contract 2's operations and the lock guard on the hand-worked example
 * (test/engine/contract2-fixture.ts). Expected figures are arithmetic on literal numbers.
 */
import { describe, expect, it } from 'vitest';
import { summarize, type BusinessCase } from '../../src/engine/index.ts';
import { applyOk, applyRefused } from '../support/operation-helpers.ts';
import { example } from './contract2-fixture.ts';

const at = { scenario: 'actual' };
const efficiency = { ...at, useCase: 'efficiency' };
const tickets = { ...at, useCase: 'tickets' };

function figures(doc: BusinessCase, asOf = '2026-08') {
  const r = summarize(doc, { asOf, compare: null });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const input = (doc: BusinessCase, useCase: string, key: string) =>
  doc.scenarios
    .find((s) => s.id === 'actual')!
    .useCases.find((u) => u.id === useCase)!
    .inputs.find((i) => i.key === key)!;

describe('setInput with from: an assumption that changes from a month on', () => {
  it('seed 003: 10 reps, 15 from June; a constant becomes time-series with its value kept', () => {
    const doc = example();
    const constant = applyOk(doc, { op: 'setInput', ...efficiency, input: 'salary', value: 72000, from: '2026-06' }, '2026-08');
    expect(input(constant.document, 'efficiency', 'salary')).toEqual({
      key: 'salary',
      label: 'Salary',
      unit: 'USD',
      value: 60000,
      series: { '2026-06': 72000 },
    });
    // Jan-May 10 x 60000 x 0.1 / 12 = 5000; Jun-Dec 15 x 72000 x 0.1 / 12 = 9000.
    const gain = figures(constant.document).useCases[0]!;
    expect(gain.total).toBe(5 * 5000 + 7 * 9000);
    expect(gain.calculations[0]!.tracked).toBe(false);
    expect(constant.preview.changes[0]).toBe('Salary (salary): 60000 -> 72000 from Jun 2026 on; months before Jun 2026 keep their values');
  });

  it('seed 003 from a constant headcount: 10 reps, 15 from June 2026', () => {
    const doc = structuredClone(example());
    const reps = doc.scenarios[1]!.useCases[0]!.inputs[0]!;
    delete reps.series;
    // Constant 10 reps: 10 x 60000 x 0.1 / 12 = 5000 every month, 12 x 5000 = 60000.
    expect(figures(doc).useCases[0]!.total).toBe(60000);
    const r = applyOk(doc, { op: 'setInput', ...efficiency, input: 'reps', value: 15, from: '2026-06' }, '2026-08');
    expect(input(r.document, 'efficiency', 'reps')).toEqual({ key: 'reps', label: '# of reps', unit: 'reps', value: 10, series: { '2026-06': 15 } });
    // Jan-May 5000, Jun-Dec 15 x 60000 x 0.1 / 12 = 7500; to date (Aug) 5 x 5000 + 3 x 7500, all assumed.
    expect(figures(r.document).useCases[0]).toMatchObject({ total: 5 * 5000 + 7 * 7500, realizedToDate: 47500, assumedToDate: 47500, measuredToDate: 0 });
    expect(r.preview.changes).toEqual([
      '# of reps (reps): 10 -> 15 from Jun 2026 on; months before Jun 2026 keep their values',
      '# of reps (reps) now changes by month (a changing assumption, not a measurement)',
    ]);
  });

  it('on an input that is already time-series it sets that entry', () => {
    const r = applyOk(example(), { op: 'setInput', ...efficiency, input: 'reps', value: 12, from: '2026-06' }, '2026-08');
    expect(input(r.document, 'efficiency', 'reps').series).toEqual({ '2026-06': 12 });
    // Jun-Dec 12 x 60000 x 0.1 / 12 = 6000.
    expect(figures(r.document).useCases[0]!.total).toBe(5 * 5000 + 7 * 6000);
    expect(r.preview.changes).toContain('replaces the value set from Jun 2026 (was 15)');
  });

  it('is refused on a metric (its values are measurements), in a locked month and outside the window', () => {
    expect(applyRefused(example(), { op: 'setInput', ...tickets, input: 'tpd', value: 130, from: '2026-06' }).message).toMatch(
      /metric of calculation 'volume'.*recordMeasurement/,
    );
    expect(applyRefused(example('2026-03'), { op: 'setInput', ...efficiency, input: 'salary', value: 1, from: '2026-03' }).message).toMatch(
      /2026-03 is locked/,
    );
    expect(applyRefused(example(), { op: 'setInput', ...efficiency, input: 'salary', value: 1, from: '2027-01' }).message).toMatch(/outside scenario 'actual'/);
  });

  it('without from, a constant metric is still an assumption and may change; a time-series input may not', () => {
    const doc = example();
    // tpd_baseline is constant: 100 -> 105. Tickets: Feb-Apr max(0, 110 - 105) x 50 = 250, May-Dec 15 x 50 = 750.
    const r = applyOk(doc, { op: 'setInput', ...tickets, input: 'tpd_baseline', value: 105 }, '2026-08');
    expect(figures(r.document).useCases[1]!.total).toBe(3 * 250 + 8 * 750);
    expect(applyRefused(doc, { op: 'setInput', ...efficiency, input: 'reps', value: 12 }).message).toMatch(/time-series/);
  });
});

describe('the lock guard', () => {
  it('refuses a setInput without from that would rewrite a locked month, naming the month, the figure and the operation', () => {
    // salary 60000 -> 72000 changes Jan's benefit 5000 -> 10 x 72000 x 0.1 / 12 = 6000 (+ 1000 deflection, unchanged).
    const e = applyRefused(example('2026-03'), { op: 'setInput', ...efficiency, input: 'salary', value: 72000 });
    expect(e.code).toBe('refused');
    expect(e.message).toContain("setInput would change locked month 2026-01 (scenario 'actual' is locked through 2026-03): benefit 6,000.00 -> 7,000.00");
    expect(e.message).toContain('setInput with from after 2026-03');
  });

  it('refuses trackMetric that would take back the assumed value of locked months', () => {
    // gain is assumed (5000 a month); tracked with no entries it claims nothing: Jan realized 5000 -> 0.
    const e = applyRefused(example('2026-03'), { op: 'trackMetric', ...efficiency, calculation: 'gain', input: 'handle_gain' });
    expect(e.message).toContain('trackMetric would change locked month 2026-01');
    expect(e.message).toContain('realized 5,000.00 -> 0.00');
  });

  it('lets an operation that changes only later months through, and says the locked months keep their figures', () => {
    const r = applyOk(example('2026-03'), { op: 'setInput', ...efficiency, input: 'salary', value: 72000, from: '2026-04' }, '2026-08');
    // Realized Jan-Mar: 5000 + 0 (tickets) + 0 (deflection unclaimed) = 5000; Feb 5000 + 500 = 5500; Mar 5000 + 500 + 500 = 6000.
    expect(r.preview.changes.at(-1)).toBe('locked months through 2026-03 keep their figures (realized 16,500.00 in 2026-01 to 2026-03)');
    const locked = figures(r.document)
      .monthly.slice(0, 3)
      .map((m) => m.realized);
    expect(locked).toEqual([5000, 5500, 6000]);
  });

  it('lets lockMonths and annotateMeasurement through in locked months', () => {
    const doc = example('2026-03');
    const note = applyOk(doc, { op: 'annotateMeasurement', ...tickets, input: 'tpd', month: '2026-02', note: 'from the Zendesk export' });
    expect(input(note.document, 'tickets', 'tpd').series!['2026-02']).toEqual({ value: 110, note: 'from the Zendesk export' });
    applyOk(doc, { op: 'lockMonths', ...at, through: '2026-05' });
  });
});

describe('trackMetric', () => {
  it('measures an input directly: time-series, the metric, the planned value kept as a target', () => {
    const r = applyOk(example(), { op: 'trackMetric', ...efficiency, calculation: 'gain', input: 'handle_gain' }, '2026-08');
    const uc = r.document.scenarios[1]!.useCases[0]!;
    expect(uc.inputs.find((i) => i.key === 'handle_gain')).toEqual({ key: 'handle_gain', label: 'Efficiency gain', unit: 'percent', value: 0.1, series: {} });
    expect(uc.inputs.at(-1)).toEqual({ key: 'handle_gain_target', label: 'Target: Efficiency gain', unit: 'percent', value: 0.1 });
    expect(uc.calculations[0]!.metric).toBe('handle_gain');
    // Until it is measured it claims nothing: efficiency realized 47500 -> 0.
    const after = figures(r.document);
    expect(after.useCases[0]).toMatchObject({ realizedToDate: 0, measuredToDate: 0, assumedToDate: 0, total: 77500 });
    expect(r.preview.before!.realizedToDate! - r.preview.after.realizedToDate!).toBe(47500);
  });

  it('keeps existing entries and an existing _target input', () => {
    const doc = applyOk(example(), { op: 'setInput', ...efficiency, input: 'handle_gain', value: 0.15, from: '2026-07' }).document;
    const withTarget = applyOk(doc, { op: 'trackMetric', ...efficiency, calculation: 'gain', input: 'handle_gain' }, '2026-08').document;
    // Now tracked from 2026-07: Jul, Aug 15 x 60000 x 0.15 / 12 = 11250 each, measured (Jul fresh, Aug carried).
    const gain = figures(withTarget).useCases[0]!;
    expect([gain.realizedToDate, gain.measuredToDate]).toEqual([22500, 22500]);
    expect(figures(withTarget).carriedForwardToDate).toBe(4000 + 2500 + 11250);
  });

  it('does not replace an existing <input>_target', () => {
    const doc = structuredClone(example());
    doc.scenarios[1]!.useCases[0]!.inputs.push({ key: 'handle_gain_target', label: 'Stretch', unit: 'percent', value: 0.3 });
    const r = applyOk(doc, { op: 'trackMetric', ...efficiency, calculation: 'gain', input: 'handle_gain' });
    expect(r.document.scenarios[1]!.useCases[0]!.inputs.filter((i) => i.key === 'handle_gain_target')).toEqual([
      { key: 'handle_gain_target', label: 'Stretch', unit: 'percent', value: 0.3 },
    ]);
    expect(r.preview.changes).toContain("input 'handle_gain_target' already exists and is kept as it is");
  });

  it('is refused without a reference, on a calculation that already has a metric, or on an unknown input', () => {
    const doc = example();
    expect(applyRefused(doc, { op: 'trackMetric', ...efficiency, calculation: 'gain', input: 'nope' }).code).toBe('not_found');
    expect(applyRefused(doc, { op: 'trackMetric', ...tickets, calculation: 'volume', input: 'value_per_ticket' }).message).toMatch(/already tracks 'tpd'/);
  });
});

describe('removeMeasurement', () => {
  it('removes one entry; the month then carries the earlier entry forward', () => {
    const r = applyOk(example(), { op: 'removeMeasurement', ...tickets, input: 'tpd', month: '2026-05' }, '2026-08');
    expect(input(r.document, 'tickets', 'tpd').series).toEqual({ '2026-02': 110 });
    // Tickets: Feb-Aug all 500 (110 carried), measured 7 x 500; carried Mar-Aug 6 x 500.
    const s = figures(r.document);
    expect(s.useCases[1]).toMatchObject({ realizedToDate: 3500, measuredToDate: 3500 });
    expect(s.carriedForwardToDate).toBe(3000 + 2500);
    expect(r.preview.changes[0]).toBe(
      'removed Tickets per day (tpd) in 2026-05: 120 tickets/day, note "Zendesk", source "export"; 2026-05 now takes 110 tickets/day (carried forward)',
    );
  });

  it('the last entry removed: the input stays time-series and the calculation claims nothing', () => {
    const r = applyOk(example(), { op: 'removeMeasurement', ...at, useCase: 'deflection', input: 'rate', month: '2026-03' }, '2026-08');
    expect(input(r.document, 'deflection', 'rate').series).toEqual({});
    expect(figures(r.document).useCases[2]).toMatchObject({ realizedToDate: 0, calculations: [{ tracked: true, lastMeasured: null }] });
  });

  it('is refused without an entry, in a locked month, outside the window and on a constant input', () => {
    expect(applyRefused(example(), { op: 'removeMeasurement', ...tickets, input: 'tpd', month: '2026-06' }).message).toBe(
      "input 'tpd' has no entry in 2026-06 (entries: 2026-02, 2026-05)",
    );
    expect(applyRefused(example('2026-03'), { op: 'removeMeasurement', ...tickets, input: 'tpd', month: '2026-02' }).message).toMatch(/locked/);
    expect(applyRefused(example(), { op: 'removeMeasurement', ...tickets, input: 'tpd', month: '2025-12' }).message).toMatch(/outside/);
    expect(applyRefused(example(), { op: 'removeMeasurement', ...tickets, input: 'value_per_ticket', month: '2026-02' }).message).toMatch(/not time-series/);
  });
});

describe('annotateMeasurement', () => {
  it('sets the given fields, keeps the value and the other fields; "" removes a field', () => {
    const doc = example();
    const r = applyOk(doc, { op: 'annotateMeasurement', ...tickets, input: 'tpd', month: '2026-05', evidence: 'https://example.test/report', source: '' });
    expect(input(r.document, 'tickets', 'tpd').series!['2026-05']).toEqual({ value: 120, note: 'Zendesk', evidence: 'https://example.test/report' });
    expect(figures(r.document)).toEqual(figures(doc));
    expect(r.preview.changes).toEqual([
      'annotated Tickets per day (tpd) in 2026-05, value 120 tickets/day unchanged: evidence "https://example.test/report", source removed',
    ]);
    // Every detail removed: the entry is written as the plain number again.
    const bare = applyOk(r.document, { op: 'annotateMeasurement', ...tickets, input: 'tpd', month: '2026-05', note: '', evidence: '' });
    expect(input(bare.document, 'tickets', 'tpd').series!['2026-05']).toBe(120);
  });

  it('is refused without an entry or without a field', () => {
    expect(applyRefused(example(), { op: 'annotateMeasurement', ...tickets, input: 'tpd', month: '2026-04', note: 'x' }).message).toMatch(
      /no entry in 2026-04 to annotate/,
    );
    expect(applyRefused(example(), { op: 'annotateMeasurement', ...tickets, input: 'tpd', month: '2026-05' }).message).toMatch(
      /at least one of note, evidence, source/,
    );
  });
});

describe('milestones', () => {
  it('addMilestone refuses a name that exists, without case and surrounding spaces', () => {
    const e = applyRefused(example(), { op: 'addMilestone', ...at, id: 'onboarded-2', name: '  all teams ONBOARDED ', achievedMonth: '2026-05' });
    expect(e.message).toBe("scenario 'actual' already has a milestone named 'All teams onboarded' (onboarded); change it with updateMilestone");
  });

  it('updateMilestone sets the given fields; null clears a month or the note', () => {
    const achieved = applyOk(example(), { op: 'updateMilestone', ...at, id: 'onboarded', achievedMonth: '2026-05', note: 'all 4 teams' });
    expect(achieved.document.scenarios[1]!.milestones).toEqual([
      { id: 'onboarded', name: 'All teams onboarded', targetMonth: '2026-04', achievedMonth: '2026-05', note: 'all 4 teams' },
    ]);
    expect(achieved.preview.changes).toEqual(['milestone \'All teams onboarded\' (onboarded): achieved 2026-05, note "all 4 teams"']);
    const cleared = applyOk(achieved.document, { op: 'updateMilestone', ...at, id: 'onboarded', targetMonth: null, note: null, name: 'Everyone onboarded' });
    expect(cleared.document.scenarios[1]!.milestones).toEqual([{ id: 'onboarded', name: 'Everyone onboarded', achievedMonth: '2026-05' }]);
  });

  it('updateMilestone is refused for an unknown id, a twin name, or nothing to change', () => {
    expect(applyRefused(example(), { op: 'updateMilestone', ...at, id: 'golive', achievedMonth: '2026-05' }).message).toBe(
      "scenario 'actual' has no milestone 'golive' (milestones: onboarded)",
    );
    const two = applyOk(example(), { op: 'addMilestone', ...at, id: 'golive', name: 'Go-live' }).document;
    expect(applyRefused(two, { op: 'updateMilestone', ...at, id: 'golive', name: 'all teams onboarded' }).message).toBe(
      "scenario 'actual' already has a milestone named 'All teams onboarded' (onboarded)",
    );
    expect(applyRefused(example(), { op: 'updateMilestone', ...at, id: 'onboarded' }).message).toMatch(
      /at least one of name, targetMonth, achievedMonth, note/,
    );
  });
});

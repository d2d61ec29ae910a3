/**
 * Every operation of the contract (`shared/docs/engine.md`, "Operations"): the success path
 * (the resulting document field by field, the preview's changes and before/after figures)
 * and every refusal path the contract names. A refusal must name the problem, and the
 * caller's document must deep-equal a `structuredClone` taken before (the helpers check
 * that on every call). Every expected figure is hand arithmetic written in the test.
 */
import { describe, expect, it } from 'vitest';
import {
  applyOperation,
  applyOperations,
  parseOperation,
  suggestConversions,
  type BusinessCase,
  type Calculation,
  type Input,
  type Scenario,
  type UseCase,
} from '../../src/engine/index.ts';
import {
  applyAllOk,
  applyOk,
  applyRefused,
  calcMonthly,
  caseWith,
  expectCents,
  identifiers,
  keysOf,
  loadExample,
  useCaseMonthly,
} from '../support/operation-helpers.ts';

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

const SUPPORT: UseCase = {
  id: 'support',
  name: 'Support Efficiency',
  inputs: [
    { key: 'agents', label: 'Agents', unit: 'people', value: 10 },
    { key: 'salary', label: 'Annual Salary', unit: 'USD', value: 60000 },
    { key: 'gain', label: 'Efficiency Gain', unit: 'percent', value: 0.2 },
    { key: 'handle_time', label: 'Handle Time', unit: 'minutes', value: 8, series: { '2025-06': 7 } },
    { key: 'tickets', label: 'Tickets per Month', unit: 'tickets', value: 1000 },
    { key: 'cost_per_minute', label: 'Cost per Minute', unit: 'USD', value: 0.5 },
  ],
  calculations: [
    { id: 'efficiency', name: 'Agent Efficiency', formula: 'agents * salary * gain', period: 'annual' },
    { id: 'handling', name: 'Faster Handling', formula: 'tickets * handle_time * cost_per_minute', period: 'monthly' },
  ],
};

const QUALITY: UseCase = {
  id: 'quality',
  name: 'Fewer Defects',
  inputs: [
    { key: 'rework_cost', label: 'Annual Rework Cost', unit: 'USD', value: 48000 },
    { key: 'defect_reduction', label: 'Defect Reduction', unit: 'percent', value: 0.25 },
    { key: 'defects', label: 'Defects per Month', unit: 'defects', value: 200 },
    { key: 'cost_per_defect', label: 'Warranty Cost per Defect', unit: 'USD', value: 10 },
  ],
  calculations: [
    { id: 'rework', name: 'Less Rework', formula: 'rework_cost * defect_reduction', period: 'annual' },
    { id: 'warranty', name: 'Lower Warranty Cost', formula: 'defects * defect_reduction * cost_per_defect', period: 'monthly' },
  ],
};

/*
 * The plan, by hand (Jan-Dec 2025, ramp 0.5 in Jan-Mar, i.e. 3 x 0.5 + 9 = 10.5 full months):
 *   efficiency = 10 x 60000 x 0.2 = 120000 a year = 10000 a month -> 10.5 x 10000 = 105000
 *   handling   = 1000 x 8 x 0.5 = 4000 a month until May, 1000 x 7 x 0.5 = 3500 from June
 *                (handle_time carries 7 forward) -> 3 x 2000 + 2 x 4000 + 7 x 3500 = 38500
 *   support    = 143500
 *   rework     = 48000 x 0.25 = 12000 a year = 1000 a month -> 10500
 *   warranty   = 200 x 0.25 x 10 = 500 a month -> 5250
 *   quality    = 15750;  plan total = 159250
 */
const PLAN: Scenario = {
  id: 'plan',
  name: 'Plan',
  kind: 'future',
  start: '2025-01',
  months: 12,
  ramp: [{ from: '2025-01', to: '2025-03', factor: 0.5 }],
  investment: [
    { label: 'Licence', amount: 12000, recurrence: 'annual' },
    { label: 'Setup', amount: 3000, recurrence: 'one-time' },
  ],
  lockedThrough: '2025-02',
  milestones: [{ id: 'kickoff', name: 'Kickoff', targetMonth: '2025-01' }],
  useCases: [SUPPORT, QUALITY],
};
const PLAN_TOTAL = 159250;

/*
 * A realization scenario, Jan-Jun 2025, locked through Feb, by hand:
 *   deflected = 1000 x 0.2 x 10 = 2000 a month (tracked: its metric `deflection` is
 *               time-series, no entry yet, so no month is measured and nothing is claimed)
 *               -> total 12000
 *   licences  = 12000 / 12 = 1000 a month, untracked (assumed) -> total 6000
 */
const ACTUALS: Scenario = {
  id: 'actuals',
  name: 'Actuals',
  kind: 'realization',
  start: '2025-01',
  months: 6,
  basedOn: 'plan',
  lockedThrough: '2025-02',
  useCases: [
    {
      id: 'self-service',
      name: 'Self-Service',
      inputs: [
        { key: 'tickets', label: 'Tickets per Month', unit: 'tickets', value: 1000 },
        { key: 'deflection', label: 'Deflection Rate', unit: 'percent', value: 0.2, series: {} },
        { key: 'cost', label: 'Cost per Ticket', unit: 'USD', value: 10 },
      ],
      calculations: [{ id: 'deflected', name: 'Deflected Tickets', formula: 'tickets * deflection * cost', period: 'monthly', metric: 'deflection' }],
    },
    {
      id: 'licences',
      name: 'Licences',
      inputs: [{ key: 'licence_cost', label: 'Legacy Licence Cost', unit: 'USD', value: 12000 }],
      calculations: [{ id: 'licences', name: 'Licence Savings', formula: 'licence_cost', period: 'annual' }],
    },
  ],
};

const planDoc = (): BusinessCase => caseWith([structuredClone(PLAN)]);
const actualsDoc = (): BusinessCase => caseWith([structuredClone(PLAN), structuredClone(ACTUALS)]);

/** The plan with its support use case changed by `edit` (for refusal variants). */
function planWith(edit: (support: UseCase) => void): BusinessCase {
  const plan = structuredClone(PLAN);
  edit(plan.useCases[0]!);
  return caseWith([plan]);
}

function input(useCase: UseCase, key: string): Input {
  const found = useCase.inputs.find((i) => i.key === key);
  if (!found) throw new Error(`no input ${key} in ${useCase.id}`);
  return found;
}
function useCase(doc: BusinessCase, scenarioId: string, useCaseId: string): UseCase {
  const u = doc.scenarios.find((s) => s.id === scenarioId)?.useCases.find((x) => x.id === useCaseId);
  if (!u) throw new Error(`no use case ${scenarioId}/${useCaseId}`);
  return u;
}
const byKey = (inputs: readonly Input[]): Input[] => [...inputs].sort((a, b) => (a.key < b.key ? -1 : 1));
/** The document with one use case taken out, to compare "everything else unchanged". */
function withoutUseCase(doc: BusinessCase, scenarioId: string, useCaseId: string): BusinessCase {
  const copy = structuredClone(doc);
  const s = copy.scenarios.find((x) => x.id === scenarioId)!;
  s.useCases = s.useCases.filter((u) => u.id !== useCaseId);
  return copy;
}
function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}

// ---------------------------------------------------------------------------------------
// 1. createRealizationScenario
// ---------------------------------------------------------------------------------------

describe('createRealizationScenario', () => {
  const op = { op: 'createRealizationScenario', from: 'plan', id: 'actuals', name: 'Actuals', start: '2025-04', months: 6 };

  it('deep-copies the use cases into a realization scenario with its own window, basedOn and investment; no ramp, series, milestones or lock', () => {
    const doc = planDoc();
    const { document, preview } = applyOk(doc, op, '2025-06');

    expect(document.scenarios).toHaveLength(2);
    expect(document.scenarios[0]).toStrictEqual(doc.scenarios[0]); // the plan itself is untouched
    const handleTimeAsConstant = { key: 'handle_time', label: 'Handle Time', unit: 'minutes', value: 8 }; // series dropped, `value` kept
    expect(document.scenarios[1]).toStrictEqual({
      id: 'actuals',
      name: 'Actuals',
      kind: 'realization',
      start: '2025-04',
      months: 6,
      basedOn: 'plan',
      investment: [
        { label: 'Licence', amount: 12000, recurrence: 'annual' },
        { label: 'Setup', amount: 3000, recurrence: 'one-time' },
      ],
      useCases: [{ ...SUPPORT, inputs: SUPPORT.inputs.map((i) => (i.key === 'handle_time' ? handleTimeAsConstant : i)) }, QUALITY],
    });
    for (const key of ['ramp', 'milestones', 'lockedThrough'] as const) expect(Object.hasOwn(document.scenarios[1]!, key)).toBe(false);

    // The preview: the scenario did not exist before; after, by hand (Apr-Sep, no ramp,
    // handle_time constant 8): support 10000 + 4000 = 14000 a month, quality 1000 + 500 =
    // 1500 a month; total 6 x 15500 = 93000; as of June, Apr-Jun are realized, all assumed.
    expect(preview.op).toBe('createRealizationScenario');
    expect(preview.scenario).toBe('actuals');
    expect(preview.asOf).toBe('2025-06');
    expect(preview.before).toBeNull();
    expect(preview.after).toStrictEqual({
      total: 93000,
      realizedToDate: 3 * 15500,
      measuredToDate: 0,
      assumedToDate: 3 * 15500,
      useCases: [
        { id: 'support', name: 'Support Efficiency', total: 6 * 14000, realizedToDate: 3 * 14000 },
        { id: 'quality', name: 'Fewer Defects', total: 6 * 1500, realizedToDate: 3 * 1500 },
      ],
    });
    expect(preview.changes.length).toBeGreaterThan(0);
    expect(preview.changes.join('\n')).toContain('Actuals');
  });

  it('copies deeply: the new scenario shares no object with the plan', () => {
    const { document } = applyOk(planDoc(), op);
    const [plan, actuals] = document.scenarios as [Scenario, Scenario];
    expect(actuals.useCases[0]).not.toBe(plan.useCases[0]);
    expect(actuals.useCases[0]!.inputs[0]).not.toBe(plan.useCases[0]!.inputs[0]);
    expect(actuals.useCases[0]!.calculations[0]).not.toBe(plan.useCases[0]!.calculations[0]);
    expect(actuals.investment).not.toBe(plan.investment);
    actuals.useCases[0]!.inputs[0]!.value = 99;
    actuals.useCases[0]!.calculations[0]!.formula = 'agents';
    actuals.investment![0]!.amount = 1;
    expect(plan.useCases[0]!.inputs[0]!.value).toBe(10);
    expect(plan.useCases[0]!.calculations[0]!.formula).toBe('agents * salary * gain');
    expect(plan.investment![0]!.amount).toBe(12000);
  });

  it('a future scenario without investment gives a realization scenario without investment', () => {
    const doc = caseWith([without(structuredClone(PLAN), 'investment')]);
    const { document } = applyOk(doc, op);
    expect(Object.hasOwn(document.scenarios[1]!, 'investment')).toBe(false);
  });

  it('is refused when the business case already has a realization scenario (naming it)', () => {
    const e = applyRefused(actualsDoc(), { ...op, id: 'second' });
    expect(e.message).toMatch(/already has a realization scenario/);
    expect(e.message).toContain("'actuals'");
  });

  it('is refused when `from` is not a scenario of the business case', () => {
    const e = applyRefused(planDoc(), { ...op, from: 'ghost' });
    expect(e.message).toContain("'ghost'");
    expect(e.path).toBe('$.from');
  });

  it('is refused when `from` is not a future scenario (the only non-future kind is realization, which already blocks a second one)', () => {
    const e = applyRefused(actualsDoc(), { ...op, from: 'actuals', id: 'again' });
    expect(e.message).toMatch(/realization/);
  });

  it('is refused when the id is taken', () => {
    const e = applyRefused(planDoc(), { ...op, id: 'plan' });
    expect(e.message).toMatch(/'plan' already exists/);
    expect(e.path).toBe('$.id');
  });

  it.each([0, 121, 1.5])('is refused with a window of %s months', (months) => {
    const e = applyRefused(planDoc(), { ...op, months });
    expect(e.path).toBe('$.months');
  });

  it('is refused with a start that is not a month', () => {
    const e = applyRefused(planDoc(), { ...op, start: '2025-13' });
    expect(e.path).toBe('$.start');
    expect(e.message).toMatch(/YYYY-MM/);
  });
});

// ---------------------------------------------------------------------------------------
// 2. convertCalculation
// ---------------------------------------------------------------------------------------

describe('convertCalculation', () => {
  const convertEfficiency = {
    op: 'convertCalculation',
    scenario: 'plan',
    useCase: 'support',
    calculation: 'efficiency',
    percentInput: 'gain',
    metric: { key: 'tickets_closed', label: 'Tickets Closed per Agent', unit: 'tickets/day' },
    baseline: 40,
    direction: 'increase',
  };
  const convertRework = {
    op: 'convertCalculation',
    scenario: 'plan',
    useCase: 'quality',
    calculation: 'rework',
    percentInput: 'defect_reduction',
    metric: { key: 'defects_now', label: 'Defects per Month (measured)', unit: 'defects' },
    baselineInput: 'defects',
    direction: 'decrease',
  };

  it('increase, new baseline: the metric, its baseline, the kept target, the rewritten formula; everything else unchanged', () => {
    const doc = planDoc();
    const { document, preview } = applyOk(doc, convertEfficiency, '2025-06');
    const support = useCase(document, 'plan', 'support');

    expect(withoutUseCase(document, 'plan', 'support')).toStrictEqual(withoutUseCase(doc, 'plan', 'support'));
    expect(support.id).toBe('support');
    expect(support.name).toBe('Support Efficiency');
    expect(byKey(support.inputs)).toStrictEqual(
      byKey([
        ...SUPPORT.inputs.filter((i) => i.key !== 'gain'), // no formula refers to `gain` any more: removed
        { key: 'tickets_closed_baseline', label: 'Baseline: Tickets Closed per Agent', unit: 'tickets/day', value: 40 },
        { key: 'tickets_closed', label: 'Tickets Closed per Agent', unit: 'tickets/day', value: 40, series: {} },
        { key: 'gain_target', label: 'Target: Efficiency Gain', unit: 'percent', value: 0.2 },
      ]),
    );
    expect(support.calculations).toStrictEqual([
      {
        id: 'efficiency',
        name: 'Agent Efficiency',
        formula: 'agents * salary * max(0, (tickets_closed - tickets_closed_baseline) / tickets_closed_baseline)',
        period: 'annual',
        metric: 'tickets_closed',
      },
      SUPPORT.calculations[1],
    ]);

    // Before anything is measured the improvement is (40 - 40) / 40 = 0: efficiency's
    // 105000 leaves the plan, 159250 - 105000 = 54250; support 143500 -> 38500.
    expect(preview.op).toBe('convertCalculation');
    expect(preview.scenario).toBe('plan');
    expect(preview.before).toStrictEqual({
      total: PLAN_TOTAL,
      realizedToDate: null,
      measuredToDate: null,
      assumedToDate: null,
      useCases: [
        { id: 'support', name: 'Support Efficiency', total: 143500, realizedToDate: null },
        { id: 'quality', name: 'Fewer Defects', total: 15750, realizedToDate: null },
      ],
    });
    expect(preview.after).toStrictEqual({
      total: PLAN_TOTAL - 105000,
      realizedToDate: null,
      measuredToDate: null,
      assumedToDate: null,
      useCases: [
        { id: 'support', name: 'Support Efficiency', total: 38500, realizedToDate: null },
        { id: 'quality', name: 'Fewer Defects', total: 15750, realizedToDate: null },
      ],
    });
    const changes = preview.changes.join('\n');
    expect(changes).toContain('tickets_closed');
    expect(changes).toContain('gain_target');
  });

  it('increase: with the metric at its target 40 x 1.2 = 48 the calculation yields its projection; below the baseline it is clamped to 0', () => {
    const converted = applyOk(planDoc(), convertEfficiency).document;
    const measured = applyAllOk(converted, [
      { op: 'recordMeasurement', scenario: 'plan', useCase: 'support', input: 'tickets_closed', month: '2025-03', value: 48 },
      { op: 'recordMeasurement', scenario: 'plan', useCase: 'support', input: 'tickets_closed', month: '2025-06', value: 36 },
    ]);
    // Jan-Feb: 40 (no entry yet) -> 0. Mar: (48 - 40) / 40 = 0.2 -> 600000 x 0.2 / 12 = 10000,
    // x 0.5 ramp = 5000. Apr-May: 10000. Jun on: (36 - 40) / 40 = -0.1 -> max(0, -0.1) = 0.
    expectCents(calcMonthly(measured, 'plan', 'support', 'efficiency'), [0, 0, 5000, 10000, 10000, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('decrease with baselineInput (which wins over baseline), clampNegative false; the percentage stays while another formula refers to it', () => {
    const doc = planDoc();
    const op = { ...convertRework, baseline: 999, clampNegative: false };
    const { document, preview } = applyOk(doc, op);
    const quality = useCase(document, 'plan', 'quality');

    expect(withoutUseCase(document, 'plan', 'quality')).toStrictEqual(withoutUseCase(doc, 'plan', 'quality'));
    expect(byKey(quality.inputs)).toStrictEqual(
      byKey([
        ...QUALITY.inputs, // `defect_reduction` stays: `warranty` still refers to it; `defects` stays a constant
        { key: 'defects_now', label: 'Defects per Month (measured)', unit: 'defects', value: 200, series: {} },
        { key: 'defect_reduction_target', label: 'Target: Defect Reduction', unit: 'percent', value: 0.25 },
      ]),
    ); // and no `defects_now_baseline`: the baseline is the existing input (200, not 999)
    const [rework, warranty] = quality.calculations as [Calculation, Calculation];
    expect(['rework_cost * ((defects - defects_now) / defects)', 'rework_cost * (defects - defects_now) / defects']).toContain(rework.formula);
    expect(without(rework, 'formula')).toStrictEqual({ id: 'rework', name: 'Less Rework', period: 'annual', metric: 'defects_now' });
    expect(warranty).toStrictEqual(QUALITY.calculations[1]);

    // rework leaves the plan until measured: 159250 - 10500 = 148750.
    expect(preview.after.total).toBe(PLAN_TOTAL - 10500);
    expect(preview.after.useCases[1]).toStrictEqual({ id: 'quality', name: 'Fewer Defects', total: 5250, realizedToDate: null });

    // Target 200 x (1 - 0.25) = 150: (200 - 150) / 200 = 0.25 -> 48000 x 0.25 / 12 = 1000 a month.
    // Then 230: (200 - 230) / 200 = -0.15 -> 48000 x -0.15 / 12 = -600 (not clamped).
    const measured = applyAllOk(document, [
      { op: 'recordMeasurement', scenario: 'plan', useCase: 'quality', input: 'defects_now', month: '2025-04', value: 150 },
      { op: 'recordMeasurement', scenario: 'plan', useCase: 'quality', input: 'defects_now', month: '2025-10', value: 230 },
    ]);
    expectCents(calcMonthly(measured, 'plan', 'quality', 'rework'), [0, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000, -600, -600, -600]);
  });

  it('decrease with the clamp (the default): max(0, (B - M) / B)', () => {
    const { document } = applyOk(planDoc(), convertRework);
    const rework = useCase(document, 'plan', 'quality').calculations[0]!;
    expect(rework.formula).toBe('rework_cost * max(0, (defects - defects_now) / defects)');
    const measured = applyAllOk(document, [
      { op: 'recordMeasurement', scenario: 'plan', useCase: 'quality', input: 'defects_now', month: '2025-04', value: 150 },
      { op: 'recordMeasurement', scenario: 'plan', useCase: 'quality', input: 'defects_now', month: '2025-10', value: 230 },
    ]);
    expectCents(calcMonthly(measured, 'plan', 'quality', 'rework'), [0, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000, 0, 0, 0]);
  });

  it('increase without the clamp: (M - B) / B', () => {
    const { document } = applyOk(planDoc(), { ...convertEfficiency, clampNegative: false });
    const formula = useCase(document, 'plan', 'support').calculations[0]!.formula;
    expect([
      'agents * salary * ((tickets_closed - tickets_closed_baseline) / tickets_closed_baseline)',
      'agents * salary * (tickets_closed - tickets_closed_baseline) / tickets_closed_baseline',
    ]).toContain(formula);
  });

  it('clampNegative true is the default, written out or not', () => {
    const implicit = applyOk(planDoc(), convertEfficiency).document;
    const explicit = applyOk(planDoc(), { ...convertEfficiency, clampNegative: true }).document;
    expect(explicit).toStrictEqual(implicit);
  });

  it('replaces every reference to the percentage in the formula', () => {
    const doc = caseWith([
      {
        id: 'plan',
        name: 'Plan',
        kind: 'future',
        start: '2025-01',
        months: 3,
        useCases: [
          {
            id: 'upsell',
            name: 'Upsell',
            inputs: [
              { key: 'base_revenue', label: 'Base Revenue', unit: 'USD', value: 100 },
              { key: 'bonus', label: 'Bonus', unit: 'USD', value: 50 },
              { key: 'uplift', label: 'Uplift', unit: 'percent', value: 0.1 },
            ],
            calculations: [{ id: 'upsell', name: 'Upsell', formula: 'base_revenue * uplift + uplift * bonus', period: 'monthly' }],
          },
        ],
      },
    ]);
    const { document } = applyOk(doc, {
      op: 'convertCalculation',
      scenario: 'plan',
      useCase: 'upsell',
      calculation: 'upsell',
      percentInput: 'uplift',
      metric: { key: 'basket', label: 'Basket Size', unit: 'USD' },
      baseline: 10,
      direction: 'increase',
    });
    const u = useCase(document, 'plan', 'upsell');
    const improvement = 'max(0, (basket - basket_baseline) / basket_baseline)';
    expect(u.calculations[0]!.formula).toBe(`base_revenue * ${improvement} + ${improvement} * bonus`);
    expect(keysOf(u.inputs)).toStrictEqual(['base_revenue', 'basket', 'basket_baseline', 'bonus', 'uplift_target']);
    // At the target 10 x 1.1 = 11: (100 + 50) x 0.1 = 15 a month, as before.
    const atTarget = applyOk(document, { op: 'recordMeasurement', scenario: 'plan', useCase: 'upsell', input: 'basket', month: '2025-01', value: 11 }).document;
    expectCents(calcMonthly(atTarget, 'plan', 'upsell', 'upsell'), [15, 15, 15]);
  });

  it('does not need `<metric.key>_baseline` when baselineInput is given, so an existing one is no obstacle', () => {
    const doc = planWith((s) => s.inputs.push({ key: 'tickets_closed_baseline', label: 'Old', unit: '', value: 1 }));
    const { document } = applyOk(doc, { ...convertEfficiency, baseline: undefined, baselineInput: 'tickets' });
    const support = useCase(document, 'plan', 'support');
    expect(input(support, 'tickets_closed_baseline')).toStrictEqual({ key: 'tickets_closed_baseline', label: 'Old', unit: '', value: 1 });
    expect(input(support, 'tickets_closed')).toStrictEqual({
      key: 'tickets_closed',
      label: 'Tickets Closed per Agent',
      unit: 'tickets/day',
      value: 1000,
      series: {},
    });
    expect(support.calculations[0]!.formula).toBe('agents * salary * max(0, (tickets_closed - tickets) / tickets)');
  });

  it('negative percentage without the clamp: kept, the target is below the baseline', () => {
    const doc = planWith((s) => (input(s, 'gain').value = -0.1));
    const { document } = applyOk(doc, { ...convertEfficiency, clampNegative: false });
    // Target 40 x (1 - 0.1) = 36: (36 - 40) / 40 = -0.1 -> 600000 x -0.1 / 12 = -5000 a month.
    const atTarget = applyOk(document, {
      op: 'recordMeasurement',
      scenario: 'plan',
      useCase: 'support',
      input: 'tickets_closed',
      month: '2025-04',
      value: 36,
    }).document;
    expectCents(calcMonthly(atTarget, 'plan', 'support', 'efficiency').slice(3), new Array(9).fill(-5000));
  });

  it("the conversion helper's ready operations apply as they are (Delta Corp plan)", () => {
    const delta = loadExample('delta-corp-presales.json');
    const suggestions = suggestConversions(delta, 'rollout-plan');
    expect(suggestions.ok).toBe(true);
    if (!suggestions.ok) return;
    const ready = suggestions.value.filter((s) => s.status === 'ready');
    expect(ready.map((s) => s.calculation)).toContain('efficiency');
    for (const s of ready) {
      const { document } = applyOk(delta, s.operation);
      expect(useCase(document, s.scenario, s.useCase).calculations.find((c) => c.id === s.calculation)?.metric).toBe(s.operation!.metric.key);
    }
  });

  describe('refusals', () => {
    it('the metric key already exists in the use case', () => {
      const e = applyRefused(planDoc(), { ...convertEfficiency, metric: { key: 'tickets', label: 'Tickets', unit: '' } });
      expect(e.message).toMatch(/'tickets' already exists/);
      expect(e.path).toBe('$.metric.key');
    });

    it('`<percentInput>_target` already exists', () => {
      const doc = planWith((s) => s.inputs.push({ key: 'gain_target', label: 'Old Target', unit: 'percent', value: 0.3 }));
      const e = applyRefused(doc, convertEfficiency);
      expect(e.message).toMatch(/'gain_target' already exists/);
    });

    it('a needed `<metric.key>_baseline` already exists', () => {
      const doc = planWith((s) => s.inputs.push({ key: 'tickets_closed_baseline', label: 'Old', unit: '', value: 1 }));
      const e = applyRefused(doc, convertEfficiency);
      expect(e.message).toMatch(/'tickets_closed_baseline' already exists/);
    });

    it('percentInput is not a constant input (time-series)', () => {
      const doc = planWith((s) => (input(s, 'gain').series = {}));
      const e = applyRefused(doc, convertEfficiency);
      expect(e.message).toContain("'gain'");
      expect(e.message).toMatch(/constant/);
      expect(e.path).toBe('$.percentInput');
    });

    it('the calculation does not refer to percentInput', () => {
      const e = applyRefused(planDoc(), { ...convertEfficiency, percentInput: 'tickets' });
      expect(e.message).toMatch(/'efficiency' does not refer to 'tickets'/);
      expect(e.path).toBe('$.percentInput');
    });

    it('percentInput is not an input at all', () => {
      const e = applyRefused(planDoc(), { ...convertEfficiency, percentInput: 'ghost' });
      expect(e.message).toContain("'ghost'");
      expect(e.path).toBe('$.percentInput');
    });

    it('no baseline: neither baselineInput nor baseline', () => {
      const e = applyRefused(planDoc(), { ...convertEfficiency, baseline: undefined });
      expect(e.message).toMatch(/baseline is required/);
    });

    it('B = 0 given as a number', () => {
      const e = applyRefused(planDoc(), { ...convertEfficiency, baseline: 0 });
      expect(e.message).toMatch(/baseline is 0/);
    });

    it('B = 0 held by baselineInput', () => {
      const doc = planWith((s) => s.inputs.push({ key: 'closed_before', label: 'Closed Before', unit: 'tickets/day', value: 0 }));
      const e = applyRefused(doc, { ...convertEfficiency, baseline: undefined, baselineInput: 'closed_before' });
      expect(e.message).toMatch(/baseline is 0/);
    });

    it('baselineInput is not an input', () => {
      const e = applyRefused(planDoc(), { ...convertEfficiency, baseline: undefined, baselineInput: 'ghost' });
      expect(e.message).toContain("'ghost'");
      expect(e.path).toBe('$.baselineInput');
    });

    it('baselineInput is time-series (the baseline stays a constant input)', () => {
      const e = applyRefused(planDoc(), { ...convertEfficiency, baseline: undefined, baselineInput: 'handle_time' });
      expect(e.message).toContain("'handle_time'");
      expect(e.message).toMatch(/constant/);
    });

    it('the projection is not kept: a negative percentage with the clamp (max(0, -0.1) = 0, not -0.1)', () => {
      const doc = planWith((s) => (input(s, 'gain').value = -0.1));
      const e = applyRefused(doc, convertEfficiency);
      // Jan: 600000 x -0.1 / 12 x 0.5 = -2500 before, 0 at the target 36.
      expect(e.message).toMatch(/does not keep the projected benefit/);
      expect(e.message).toContain('2025-01');
      expect(e.message).toContain('-2500');
    });

    it('a negative percentage with the clamp, decrease', () => {
      const plan = structuredClone(PLAN);
      input(plan.useCases[1]!, 'defect_reduction').value = -0.25;
      const e = applyRefused(caseWith([plan]), convertRework);
      expect(e.message).toMatch(/does not keep the projected benefit/);
    });

    it.each([
      ['scenario', { scenario: 'ghost' }, "no scenario 'ghost'"],
      ['use case', { useCase: 'ghost' }, "no use case 'ghost'"],
      ['calculation', { calculation: 'ghost' }, "no calculation 'ghost'"],
    ])('unknown %s', (_what, patch, text) => {
      const e = applyRefused(planDoc(), { ...convertEfficiency, ...patch });
      expect(e.message).toContain(text);
    });

    it('an invalid direction or metric key', () => {
      expect(applyRefused(planDoc(), { ...convertEfficiency, direction: 'up' }).path).toBe('$.direction');
      expect(applyRefused(planDoc(), { ...convertEfficiency, metric: { key: 'Tickets', label: 'T', unit: '' } }).path).toBe('$.metric.key');
    });
  });
});

// ---------------------------------------------------------------------------------------
// 3. splitCalculation
// ---------------------------------------------------------------------------------------

const HANDLING_INPUTS: Input[] = [
  { key: 'tickets', label: 'Tickets per Month', unit: 'tickets', value: 1000 },
  { key: 'minutes', label: 'Minutes Saved per Ticket', unit: 'minutes', value: 8 },
  { key: 'rate', label: 'Cost per Minute', unit: 'USD', value: 0.5 },
  { key: 'seats', label: 'Seats', unit: 'seats', value: 3 },
  { key: 'idle', label: 'Idle Minutes', unit: 'minutes', value: 0 },
  { key: 'audited_minutes', label: 'Audited Minutes per Ticket', unit: 'minutes', value: 8, series: { '2025-03': 7 } },
];
const HANDLING: Calculation = { id: 'handling', name: 'Faster Handling', formula: 'tickets * minutes * rate', period: 'monthly' };
const SEATS: Calculation = { id: 'seat-savings', name: 'Seat Savings', formula: 'seats * 100', period: 'monthly' };

/** A future scenario Jan-Jun 2025 with a 0.5 ramp in Jan-Feb, one use case `handling`. */
function handlingDoc(calculations: Calculation[]): BusinessCase {
  return caseWith([
    {
      id: 'plan',
      name: 'Plan',
      kind: 'future',
      start: '2025-01',
      months: 6,
      ramp: [{ from: '2025-01', to: '2025-02', factor: 0.5 }],
      useCases: [{ id: 'handling', name: 'Ticket Handling', inputs: structuredClone(HANDLING_INPUTS), calculations: structuredClone(calculations) }],
    },
  ]);
}
const RAMP = [0.5, 0.5, 1, 1, 1, 1];
const split = (calculation: string, strategy: 'explicit' | 'shapley', parts: unknown[]) => ({
  op: 'splitCalculation',
  scenario: 'plan',
  useCase: 'handling',
  calculation,
  strategy,
  parts,
});

describe('splitCalculation', () => {
  it('explicit: the parts replace the original in place, each with its metric and the original period; frozen inputs are created', () => {
    const doc = handlingDoc([HANDLING, SEATS]);
    const op = split('handling', 'explicit', [
      { id: 'volume', name: 'Ticket Volume', metric: 'tickets', formula: 'tickets * minutes_frozen * rate / 2' },
      { id: 'speed', name: 'Handle Time', metric: 'minutes', formula: 'tickets_frozen * minutes * rate / 2' },
    ]);
    const { document, preview } = applyOk(doc, op);
    const u = useCase(document, 'plan', 'handling');

    expect(u.calculations).toStrictEqual([
      { id: 'volume', name: 'Ticket Volume', formula: 'tickets * minutes_frozen * rate / 2', period: 'monthly', metric: 'tickets' },
      { id: 'speed', name: 'Handle Time', formula: 'tickets_frozen * minutes * rate / 2', period: 'monthly', metric: 'minutes' },
      SEATS,
    ]);
    expect(u.inputs.slice(0, HANDLING_INPUTS.length)).toStrictEqual(HANDLING_INPUTS); // existing inputs kept
    const added = u.inputs.slice(HANDLING_INPUTS.length);
    expect(keysOf(added)).toStrictEqual(['minutes_frozen', 'tickets_frozen']);
    // The frozen inputs hold the metrics' current values, as constants.
    expect(without(input(u, 'tickets_frozen'), 'label')).toStrictEqual({ key: 'tickets_frozen', unit: 'tickets', value: 1000 });
    expect(without(input(u, 'minutes_frozen'), 'label')).toStrictEqual({ key: 'minutes_frozen', unit: 'minutes', value: 8 });
    expect(input(u, 'tickets_frozen').label).toContain('Tickets per Month');

    // Each part: 1000 x 8 x 0.5 / 2 = 2000 a month (x 0.5 in Jan-Feb); the use case keeps
    // 4000 + 300 = 4300 a month, 2150 in Jan-Feb: total 2 x 2150 + 4 x 4300 = 21500.
    expectCents(
      calcMonthly(document, 'plan', 'handling', 'volume'),
      RAMP.map((f) => 2000 * f),
    );
    expectCents(
      calcMonthly(document, 'plan', 'handling', 'speed'),
      RAMP.map((f) => 2000 * f),
    );
    expectCents(
      useCaseMonthly(document, 'plan', 'handling'),
      RAMP.map((f) => 4300 * f),
    );
    expect(preview.before?.total).toBe(21500);
    expect(preview.after.total).toBe(21500);
    expect(preview.changes.join('\n')).toMatch(/volume/);

    // Each part is driven by its own metric only: 1200 tickets move `volume`
    // (1200 x 8 x 0.5 / 2 = 2400) and leave `speed` at 2000.
    const more = applyOk(document, { op: 'setInput', scenario: 'plan', useCase: 'handling', input: 'tickets', value: 1200 }).document;
    expectCents(calcMonthly(more, 'plan', 'handling', 'volume').slice(2), [2400, 2400, 2400, 2400]);
    expectCents(calcMonthly(more, 'plan', 'handling', 'speed').slice(2), [2000, 2000, 2000, 2000]);
  });

  it('explicit: a part may reuse the original id, and an unequal but exact split is accepted', () => {
    const doc = handlingDoc([HANDLING]);
    const { document } = applyOk(
      doc,
      split('handling', 'explicit', [
        { id: 'handling', name: 'Ticket Volume', metric: 'tickets', formula: 'tickets * minutes_frozen * rate * 0.75' },
        { id: 'speed', name: 'Handle Time', metric: 'minutes', formula: 'tickets_frozen * minutes * rate * 0.25' },
      ]),
    );
    // 4000 x 0.75 = 3000 and 4000 x 0.25 = 1000.
    expectCents(calcMonthly(document, 'plan', 'handling', 'handling').slice(2), [3000, 3000, 3000, 3000]);
    expectCents(calcMonthly(document, 'plan', 'handling', 'speed').slice(2), [1000, 1000, 1000, 1000]);
  });

  it('shapley, product of two metrics from reference 0: each part is half, 0 at its reference, and refers to its own metric only', () => {
    const doc = handlingDoc([HANDLING, SEATS]);
    const { document, preview } = applyOk(
      doc,
      split('handling', 'shapley', [
        { id: 'volume', name: 'Ticket Volume', metric: 'tickets' },
        { id: 'speed', name: 'Handle Time', metric: 'minutes' },
      ]),
    );
    const u = useCase(document, 'plan', 'handling');
    expect(u.calculations.map((c) => c.id)).toStrictEqual(['volume', 'speed', 'seat-savings']);
    const [volume, speed] = u.calculations as [Calculation, Calculation];
    expect(without(volume, 'formula')).toStrictEqual({ id: 'volume', name: 'Ticket Volume', period: 'monthly', metric: 'tickets' });
    expect(without(speed, 'formula')).toStrictEqual({ id: 'speed', name: 'Handle Time', period: 'monthly', metric: 'minutes' });
    expect(identifiers(volume.formula).has('tickets')).toBe(true);
    expect(identifiers(volume.formula).has('minutes')).toBe(false);
    expect(identifiers(speed.formula).has('minutes')).toBe(true);
    expect(identifiers(speed.formula).has('tickets')).toBe(false);
    // Every new input is a constant; the original ones are kept as they were.
    expect(u.inputs.slice(0, HANDLING_INPUTS.length)).toStrictEqual(HANDLING_INPUTS);
    for (const added of u.inputs.slice(HANDLING_INPUTS.length)) expect(added.series).toBeUndefined();
    expect(input(u, 'tickets_frozen').value).toBe(1000);
    expect(input(u, 'minutes_frozen').value).toBe(8);

    // v(S) = f(S at P, others at 0): v({}) = v({tickets}) = v({minutes}) = 0, v(both) = 4000.
    // phi_tickets = 1/2 (v({t}) - v({})) + 1/2 (v({t,m}) - v({m})) = 0 + 2000 = 2000 = phi_minutes.
    expectCents(
      calcMonthly(document, 'plan', 'handling', 'volume'),
      RAMP.map((f) => 2000 * f),
    );
    expectCents(
      calcMonthly(document, 'plan', 'handling', 'speed'),
      RAMP.map((f) => 2000 * f),
    );
    expect(preview.before?.total).toBe(21500);
    expect(preview.after.total).toBe(21500);

    // 0 at the reference: tickets at 0 zeroes `volume` only; minutes at 0 zeroes `speed` only.
    const noTickets = applyOk(document, { op: 'setInput', scenario: 'plan', useCase: 'handling', input: 'tickets', value: 0 }).document;
    expectCents(calcMonthly(noTickets, 'plan', 'handling', 'volume'), [0, 0, 0, 0, 0, 0]);
    expectCents(
      calcMonthly(noTickets, 'plan', 'handling', 'speed'),
      RAMP.map((f) => 2000 * f),
    );
    const noMinutes = applyOk(document, { op: 'setInput', scenario: 'plan', useCase: 'handling', input: 'minutes', value: 0 }).document;
    expectCents(calcMonthly(noMinutes, 'plan', 'handling', 'speed'), [0, 0, 0, 0, 0, 0]);
    expectCents(
      calcMonthly(noMinutes, 'plan', 'handling', 'volume'),
      RAMP.map((f) => 2000 * f),
    );
  });

  it('shapley with a non-zero reference: tickets x (minutes - 5) x rate, minutes referenced at 5', () => {
    const overTarget: Calculation = { id: 'over-target', name: 'Over Target', formula: 'tickets * (minutes - 5) * rate', period: 'monthly' };
    const { document } = applyOk(
      handlingDoc([overTarget]),
      split('over-target', 'shapley', [
        { id: 'volume', name: 'Ticket Volume', metric: 'tickets' },
        { id: 'speed', name: 'Handle Time', metric: 'minutes', reference: 5 },
      ]),
    );
    // f(P) = 1000 x 3 x 0.5 = 1500; f(R) = 0 x (5 - 5) x 0.5 = 0; v({tickets}) = f(1000, 5) = 0,
    // v({minutes}) = f(0, 8) = 0 -> 750 each.
    expectCents(calcMonthly(document, 'plan', 'handling', 'volume').slice(2), [750, 750, 750, 750]);
    expectCents(calcMonthly(document, 'plan', 'handling', 'speed').slice(2), [750, 750, 750, 750]);
    const atReference = applyOk(document, { op: 'setInput', scenario: 'plan', useCase: 'handling', input: 'minutes', value: 5 }).document;
    expectCents(calcMonthly(atReference, 'plan', 'handling', 'speed'), [0, 0, 0, 0, 0, 0]);
  });

  it('shapley on an additive formula: each part is its own term (weight 1, no weight input)', () => {
    const mixed: Calculation = { id: 'mixed', name: 'Mixed', formula: 'tickets * rate + seats * 100', period: 'annual' };
    const { document } = applyOk(
      handlingDoc([mixed]),
      split('mixed', 'shapley', [
        { id: 'volume', name: 'Ticket Volume', metric: 'tickets' },
        { id: 'seat-part', name: 'Seats', metric: 'seats' },
      ]),
    );
    // 1000 x 0.5 = 500 and 3 x 100 = 300 a year: 41.67 and 25 a month; period stays annual.
    expect(useCase(document, 'plan', 'handling').calculations.map((c) => c.period)).toStrictEqual(['annual', 'annual']);
    expectCents(calcMonthly(document, 'plan', 'handling', 'volume').slice(2), new Array(4).fill(500 / 12));
    expectCents(calcMonthly(document, 'plan', 'handling', 'seat-part').slice(2), new Array(4).fill(300 / 12));
    expect(useCase(document, 'plan', 'handling').inputs.some((i) => i.key.endsWith('_weight'))).toBe(false);
  });

  describe('refusals', () => {
    const parts = [
      { id: 'volume', name: 'Ticket Volume', metric: 'tickets' },
      { id: 'speed', name: 'Handle Time', metric: 'minutes' },
    ];

    it('a part metric the original formula does not refer to', () => {
      const e = applyRefused(handlingDoc([HANDLING, SEATS]), split('handling', 'shapley', [parts[0], { id: 's', name: 'Seats', metric: 'seats' }]));
      expect(e.message).toMatch(/does not refer to 'seats'/);
      expect(e.path).toBe('$.parts[1].metric');
    });

    it('a part metric that is not an input', () => {
      const e = applyRefused(handlingDoc([HANDLING]), split('handling', 'shapley', [parts[0], { id: 'g', name: 'Ghost', metric: 'ghost' }]));
      expect(e.message).toMatch(/'ghost' is not an input/);
      expect(e.path).toBe('$.parts[1].metric');
    });

    it('the same metric for two parts', () => {
      const e = applyRefused(handlingDoc([HANDLING]), split('handling', 'shapley', [parts[0], { id: 'again', name: 'Again', metric: 'tickets' }]));
      expect(e.message).toMatch(/'tickets' is given to two parts/);
    });

    it('a part metric that already has series entries (split before you measure)', () => {
      const audit: Calculation = { id: 'audit', name: 'Audited Handling', formula: 'tickets * audited_minutes * rate', period: 'monthly' };
      const e = applyRefused(handlingDoc([audit]), split('audit', 'shapley', [parts[0], { id: 'speed', name: 'Speed', metric: 'audited_minutes' }]));
      expect(e.message).toMatch(/'audited_minutes' already has measurements/);
    });

    it("explicit: a part formula that refers to another part's metric", () => {
      const e = applyRefused(
        handlingDoc([HANDLING]),
        split('handling', 'explicit', [
          { ...parts[0], formula: 'tickets * minutes * rate / 2' },
          { ...parts[1], formula: 'tickets_frozen * minutes * rate / 2' },
        ]),
      );
      expect(e.message).toMatch(/'volume' formula refers to 'minutes', the metric of another part/);
      expect(e.path).toBe('$.parts[0].formula');
    });

    it('explicit: a part formula that does not refer to its own metric', () => {
      const e = applyRefused(
        handlingDoc([HANDLING]),
        split('handling', 'explicit', [
          { ...parts[0], formula: 'tickets * minutes_frozen * rate / 2' },
          { ...parts[1], formula: 'tickets_frozen * 8 * rate / 2' },
        ]),
      );
      expect(e.message).toMatch(/'speed' formula must refer to its metric 'minutes'/);
    });

    it('explicit: parts that do not add up (2000 + 1000 = 3000, not 4000 x 0.5 = 2000 in Jan... every month)', () => {
      const e = applyRefused(
        handlingDoc([HANDLING]),
        split('handling', 'explicit', [
          { ...parts[0], formula: 'tickets * minutes_frozen * rate / 2' },
          { ...parts[1], formula: 'tickets_frozen * minutes * rate / 4' },
        ]),
      );
      // Jan: (2000 + 1000) x 0.5 = 1500 instead of 4000 x 0.5 = 2000.
      expect(e.message).toMatch(/does not keep/);
      expect(e.message).toContain('2025-01');
      expect(e.message).toContain('1500');
      expect(e.message).toContain('2000');
    });

    it('explicit: a part formula that refers to an unknown key names the key and its position (contract: "rejected when the document is loaded or changed, with the key and the position named")', () => {
      const e = applyRefused(
        handlingDoc([HANDLING]),
        split('handling', 'explicit', [
          // 'tickets * ' is 10 characters: `ghost` starts at the 11th (1-based position 11).
          { ...parts[0], formula: 'tickets * ghost * rate' },
          { ...parts[1], formula: 'tickets_frozen * minutes * rate' },
        ]),
      );
      expect(e.path).toBe('$.parts[0].formula');
      expect(e.message).toContain("'ghost'");
      expect(e.message).toMatch(/position 11\b/);
    });

    it('explicit: a part formula that does not parse names the token and its position', () => {
      const e = applyRefused(
        handlingDoc([HANDLING]),
        split('handling', 'explicit', [
          { ...parts[0], formula: 'tickets * (minutes_frozen * rate' },
          { ...parts[1], formula: 'tickets_frozen * minutes * rate' },
        ]),
      );
      expect(e.path).toBe('$.parts[0].formula');
      expect(e.message).toMatch(/position 33\b/); // the end of the 32-character formula
    });

    it('explicit: a part without a formula', () => {
      const e = applyRefused(handlingDoc([HANDLING]), split('handling', 'explicit', [{ ...parts[0], formula: 'tickets * minutes_frozen * rate' }, parts[1]]));
      expect(e.message).toMatch(/'speed' needs a formula/);
    });

    it('shapley: f(R) is not 0 (tickets x minutes x rate + 100 is 100 with both metrics at 0)', () => {
      const withFee: Calculation = { id: 'with-fee', name: 'With Fee', formula: 'tickets * minutes * rate + 100', period: 'monthly' };
      const e = applyRefused(handlingDoc([withFee]), split('with-fee', 'shapley', parts));
      expect(e.message).toMatch(/yields 100, not 0/);
    });

    it('shapley: a metric with no effect at P (idle is 0, its reference)', () => {
      const withIdle: Calculation = { id: 'with-idle', name: 'With Idle', formula: 'tickets * rate + idle * rate', period: 'monthly' };
      const e = applyRefused(handlingDoc([withIdle]), split('with-idle', 'shapley', [parts[0], { id: 'idle-part', name: 'Idle', metric: 'idle' }]));
      expect(e.message).toMatch(/'idle' has no effect/);
      expect(e.path).toBe('$.parts[1].metric');
    });

    it('a part id already used by another calculation', () => {
      const e = applyRefused(handlingDoc([HANDLING, SEATS]), split('handling', 'shapley', [{ ...parts[0], id: 'seat-savings' }, parts[1]]));
      expect(e.message).toMatch(/'seat-savings' is already used/);
    });

    it('fewer than two parts', () => {
      const e = applyRefused(handlingDoc([HANDLING]), split('handling', 'shapley', [parts[0]]));
      expect(e.path).toBe('$.parts');
      expect(e.message).toMatch(/at least two parts/);
    });
  });
});

// ---------------------------------------------------------------------------------------
// 4. recordMeasurement
// ---------------------------------------------------------------------------------------

describe('recordMeasurement', () => {
  const record = (month: string, value: unknown, extra: object = {}) => ({
    op: 'recordMeasurement',
    scenario: 'actuals',
    useCase: 'self-service',
    input: 'deflection',
    month,
    value,
    ...extra,
  });

  it('a number entry: the series, the monthly values and the preview before/after', () => {
    const doc = actualsDoc();
    const { document, preview } = applyOk(doc, record('2025-03', 0.3), '2025-04');
    const expected = structuredClone(doc);
    input(expected.scenarios[1]!.useCases[0]!, 'deflection').series = { '2025-03': 0.3 };
    expect(document).toStrictEqual(expected);

    // Before: deflected 2000 a month x 6 = 12000, nothing measured yet (no claim);
    // licences 1000 a month x 6 = 6000, assumed Jan-Apr = 4000.
    expect(preview.before).toStrictEqual({
      total: 18000,
      realizedToDate: 4000,
      measuredToDate: 0,
      assumedToDate: 4000,
      useCases: [
        { id: 'self-service', name: 'Self-Service', total: 12000, realizedToDate: 0 },
        { id: 'licences', name: 'Licences', total: 6000, realizedToDate: 4000 },
      ],
    });
    // After: Jan-Feb 1000 x 0.2 x 10 = 2000 (carried `value`), Mar-Jun 1000 x 0.3 x 10 = 3000:
    // total 2 x 2000 + 4 x 3000 = 16000; measured from March, to date (Apr) 2 x 3000 = 6000.
    expect(preview.after).toStrictEqual({
      total: 22000,
      realizedToDate: 10000,
      measuredToDate: 6000,
      assumedToDate: 4000,
      useCases: [
        { id: 'self-service', name: 'Self-Service', total: 16000, realizedToDate: 6000 },
        { id: 'licences', name: 'Licences', total: 6000, realizedToDate: 4000 },
      ],
    });
    expect(preview.op).toBe('recordMeasurement');
    expect(preview.changes.join('\n')).toMatch(/2025-03/);
    expectCents(calcMonthly(document, 'actuals', 'self-service', 'deflected'), [2000, 2000, 3000, 3000, 3000, 3000]);
  });

  it('an object entry when note, evidence or source is given (only those given)', () => {
    const { document } = applyOk(actualsDoc(), record('2025-03', 0.3, { note: 'new articles', source: 'Help center' }));
    expect(input(useCase(document, 'actuals', 'self-service'), 'deflection').series).toStrictEqual({
      '2025-03': { value: 0.3, note: 'new articles', source: 'Help center' },
    });
    const full = applyOk(actualsDoc(), record('2025-04', 0.25, { note: 'n', evidence: 'https://example.com/x.csv', source: 's' })).document;
    expect(input(useCase(full, 'actuals', 'self-service'), 'deflection').series).toStrictEqual({
      '2025-04': { value: 0.25, note: 'n', evidence: 'https://example.com/x.csv', source: 's' },
    });
  });

  it('replacing an entry: the new value is the only one in the document, the preview says what it was', () => {
    const first = applyOk(actualsDoc(), record('2025-03', 0.3, { note: 'first' })).document;
    const { document, preview } = applyOk(first, record('2025-03', 0.35));
    expect(input(useCase(document, 'actuals', 'self-service'), 'deflection').series).toStrictEqual({ '2025-03': 0.35 });
    expect(preview.changes.join('\n')).toMatch(/was 30%/);
    // Mar on: 1000 x 0.35 x 10 = 3500.
    expectCents(calcMonthly(document, 'actuals', 'self-service', 'deflected'), [2000, 2000, 3500, 3500, 3500, 3500]);
  });

  it('the preview line names the entry and what it replaces, details as JSON strings', () => {
    const { label } = input(useCase(actualsDoc(), 'actuals', 'self-service'), 'deflection');
    const line = (doc: BusinessCase, op: object) => applyOk(doc, op).preview.changes;
    // The scenario is locked through Feb, but a measurement's month rules already keep it out
    // of the locked months: its preview is the one line, with no line about the lock.
    expect(line(actualsDoc(), record('2025-03', 0.3))).toStrictEqual([`recorded ${label} (deflection) in 2025-03: 30%`]);
    expect(line(actualsDoc(), record('2025-03', 0.3, { source: 'Help center', note: 'new articles', evidence: 'x.csv' }))).toStrictEqual([
      `recorded ${label} (deflection) in 2025-03: 30%, note "new articles", evidence "x.csv", source "Help center"`,
    ]);
    const first = applyOk(actualsDoc(), record('2025-03', 0.3, { source: 'Help center' })).document;
    expect(line(first, record('2025-03', 0.3, { note: 'confirmed', source: 'Help center' }))).toStrictEqual([
      `replaced ${label} (deflection) in 2025-03: 30%, note "confirmed", source "Help center" (was 30%, source "Help center")`,
    ]);
    expect(line(first, record('2025-03', 0.35))).toStrictEqual([`replaced ${label} (deflection) in 2025-03: 35% (was 30%, source "Help center")`]);
    // A person's text cannot end its field or start a line of its own.
    expect(line(actualsDoc(), record('2025-03', 0.3, { note: 'ok", evidence "INV-7\n- recorded more' }))).toStrictEqual([
      `recorded ${label} (deflection) in 2025-03: 30%, note "ok\\", evidence \\"INV-7\\n- recorded more"`,
    ]);
  });

  it('entries are kept in month order, whatever the recording order', () => {
    const doc = applyAllOk(actualsDoc(), [record('2025-05', 0.4), record('2025-03', 0.3), record('2025-04', 0.35)]);
    expect(Object.keys(input(useCase(doc, 'actuals', 'self-service'), 'deflection').series!)).toStrictEqual(['2025-03', '2025-04', '2025-05']);
  });

  it('the last month of the window and the month right after the lock are writable', () => {
    applyOk(actualsDoc(), record('2025-06', 0.3));
    applyOk(actualsDoc(), record('2025-03', 0.3));
  });

  it.each(['2024-12', '2025-07'])('refused: month %s is outside the window', (month) => {
    const e = applyRefused(actualsDoc(), record(month, 0.3));
    expect(e.message).toContain(month);
    expect(e.message).toMatch(/outside/);
    expect(e.path).toBe('$.month');
  });

  it.each(['2025-01', '2025-02'])('refused: month %s is not after lockedThrough 2025-02', (month) => {
    const e = applyRefused(actualsDoc(), record(month, 0.3));
    expect(e.message).toContain(month);
    expect(e.message).toMatch(/locked/);
    expect(e.path).toBe('$.month');
  });

  it('refused: the input is not time-series', () => {
    const e = applyRefused(actualsDoc(), { ...record('2025-03', 900), input: 'tickets' });
    expect(e.message).toMatch(/'tickets' is not time-series/);
    expect(e.path).toBe('$.input');
  });

  it('refused: the input does not exist', () => {
    const e = applyRefused(actualsDoc(), { ...record('2025-03', 900), input: 'ghost' });
    expect(e.message).toContain("'ghost'");
  });

  it.each([NaN, Infinity, -Infinity])('refused: a non-finite value (%s), and the message says the value must be a finite number', (value) => {
    const e = applyRefused(actualsDoc(), record('2025-03', value));
    expect(e.path).toBe('$.value');
    expect(e.message).toMatch(/finite/);
  });

  it('refused: a value that is not a number, and the message does not claim it is missing', () => {
    const e = applyRefused(actualsDoc(), record('2025-03', '0.3'));
    expect(e.path).toBe('$.value');
    expect(e.message).not.toMatch(/required/);
  });

  it('refused: a measurement a formula would divide by (division by zero names scenario, use case, calculation and month)', () => {
    const doc = caseWith([
      {
        id: 'actuals',
        name: 'Actuals',
        kind: 'realization',
        start: '2025-01',
        months: 6,
        useCases: [
          {
            id: 'staffing',
            name: 'Staffing',
            inputs: [
              { key: 'budget', label: 'Budget', unit: 'USD', value: 1200 },
              { key: 'agents', label: 'Agents', unit: 'people', value: 4, series: {} },
            ],
            calculations: [{ id: 'per-agent', name: 'Budget per Agent', formula: 'budget / agents', period: 'monthly' }],
          },
        ],
      },
    ]);
    const e = applyRefused(doc, { op: 'recordMeasurement', scenario: 'actuals', useCase: 'staffing', input: 'agents', month: '2025-03', value: 0 });
    expect(e.message).toMatch(/division by zero/);
    for (const part of ["'actuals'", "'staffing'", "'per-agent'", '2025-03']) expect(e.message).toContain(part);
  });

  it('refused: a month that is not YYYY-MM', () => {
    const e = applyRefused(actualsDoc(), record('2025-3', 0.3));
    expect(e.path).toBe('$.month');
    expect(e.message).toMatch(/YYYY-MM/);
  });
});

// ---------------------------------------------------------------------------------------
// 5-7. enableMonthlyValues, setInput, addMilestone, lockMonths
// ---------------------------------------------------------------------------------------

describe('enableMonthlyValues', () => {
  it('makes a constant input time-series with its value unchanged and no entries; (2) the calculation stays assumed (the input is not its metric)', () => {
    const doc = actualsDoc();
    const { document, preview } = applyOk(doc, { op: 'enableMonthlyValues', scenario: 'actuals', useCase: 'licences', input: 'licence_cost' }, '2025-04');
    const expected = structuredClone(doc);
    input(expected.scenarios[1]!.useCases[1]!, 'licence_cost').series = {};
    expect(document).toStrictEqual(expected);
    // Licences stay 1000 a month (total 6000). `licences` has no metric, so a time-series
    // licence_cost is a changing assumption: still assumed, realized to date stays 4000 (Jan-Apr).
    expect(preview.before?.useCases[1]).toStrictEqual({ id: 'licences', name: 'Licences', total: 6000, realizedToDate: 4000 });
    expect(preview.after.useCases[1]).toStrictEqual({ id: 'licences', name: 'Licences', total: 6000, realizedToDate: 4000 });
    expect(preview.after.total).toBe(18000);
    expect(preview.after.assumedToDate).toBe(4000);
    expect(preview.after.measuredToDate).toBe(0);
    // (2) Locked through Feb: the last line says what the locked months keep. Jan-Feb
    // realized: licences 2 x 1000 assumed; deflected claims nothing (its metric has no entry).
    expect(preview.changes.at(-1)).toBe('locked months through 2025-02 keep their figures (realized 2,000.00 in 2025-01 to 2025-02)');
  });

  it('refused on an input that is already time-series', () => {
    const e = applyRefused(actualsDoc(), { op: 'enableMonthlyValues', scenario: 'actuals', useCase: 'self-service', input: 'deflection' });
    expect(e.message).toMatch(/'deflection' is already time-series/);
  });

  it('refused on an unknown use case', () => {
    const e = applyRefused(actualsDoc(), { op: 'enableMonthlyValues', scenario: 'actuals', useCase: 'ghost', input: 'deflection' });
    expect(e.message).toContain("'ghost'");
  });
});

describe('setInput', () => {
  it("changes a constant input's value, and nothing else", () => {
    const doc = planDoc();
    const { document, preview } = applyOk(doc, { op: 'setInput', scenario: 'plan', useCase: 'support', input: 'agents', value: 12 });
    const expected = structuredClone(doc);
    input(expected.scenarios[0]!.useCases[0]!, 'agents').value = 12;
    expect(document).toStrictEqual(expected);
    // efficiency: 12 x 60000 x 0.2 / 12 = 12000 a month x 10.5 = 126000 (was 105000): +21000.
    expect(preview.before?.total).toBe(PLAN_TOTAL);
    expect(preview.after.total).toBe(PLAN_TOTAL + 21000);
    expect(preview.after.useCases[0]?.total).toBe(143500 + 21000);
    expect(preview.changes.join('\n')).toMatch(/10 -> 12/);
  });

  it('refused on a time-series input (its values are measurements)', () => {
    const e = applyRefused(planDoc(), { op: 'setInput', scenario: 'plan', useCase: 'support', input: 'handle_time', value: 6 });
    expect(e.message).toMatch(/'handle_time' is time-series/);
    expect(e.path).toBe('$.input');
  });

  it('refused with a non-finite value', () => {
    const e = applyRefused(planDoc(), { op: 'setInput', scenario: 'plan', useCase: 'support', input: 'agents', value: Infinity });
    expect(e.path).toBe('$.value');
  });
});

describe('addMilestone', () => {
  it('appends the milestone with the fields given, and only those', () => {
    const doc = planDoc();
    const full = applyOk(doc, {
      op: 'addMilestone',
      scenario: 'plan',
      id: 'go-live',
      name: 'Go-Live',
      targetMonth: '2025-04',
      achievedMonth: '2025-05',
      note: 'a month late',
    });
    const expected = structuredClone(doc);
    expected.scenarios[0]!.milestones = [
      { id: 'kickoff', name: 'Kickoff', targetMonth: '2025-01' },
      { id: 'go-live', name: 'Go-Live', targetMonth: '2025-04', achievedMonth: '2025-05', note: 'a month late' },
    ];
    expect(full.document).toStrictEqual(expected);
    expect(full.preview.before?.total).toBe(PLAN_TOTAL); // figures do not move
    expect(full.preview.after.total).toBe(PLAN_TOTAL);
    expect(full.preview.changes.join('\n')).toContain('Go-Live');

    const bare = applyOk(doc, { op: 'addMilestone', scenario: 'plan', id: 'review', name: 'Review' }).document;
    expect(bare.scenarios[0]!.milestones![1]).toStrictEqual({ id: 'review', name: 'Review' });
  });

  it('creates the list on a scenario without milestones', () => {
    const { document } = applyOk(actualsDoc(), { op: 'addMilestone', scenario: 'actuals', id: 'go-live', name: 'Go-Live' });
    expect(document.scenarios[1]!.milestones).toStrictEqual([{ id: 'go-live', name: 'Go-Live' }]);
  });

  it('refused on a duplicate id', () => {
    const e = applyRefused(planDoc(), { op: 'addMilestone', scenario: 'plan', id: 'kickoff', name: 'Again' });
    expect(e.message).toMatch(/already has a milestone 'kickoff'/);
    expect(e.path).toBe('$.id');
  });

  it('refused on an unknown scenario', () => {
    const e = applyRefused(planDoc(), { op: 'addMilestone', scenario: 'ghost', id: 'x', name: 'X' });
    expect(e.message).toContain("'ghost'");
  });
});

describe('lockMonths', () => {
  const lock = (scenario: string, through: string) => ({ op: 'lockMonths', scenario, through });

  it('sets a first lock and moves it forward', () => {
    const unlocked = caseWith([without(structuredClone(PLAN), 'lockedThrough')]);
    const first = applyOk(unlocked, lock('plan', '2025-03')).document;
    const expected = structuredClone(unlocked);
    expected.scenarios[0]!.lockedThrough = '2025-03';
    expect(first).toStrictEqual(expected);
    const later = applyOk(first, lock('plan', '2025-05'));
    expect(later.document.scenarios[0]!.lockedThrough).toBe('2025-05');
    expect(later.preview.changes.join('\n')).toMatch(/2025-05/);
    expect(later.preview.changes.join('\n')).toMatch(/was through 2025-03/);
    // A lock moves no figure.
    expect(later.preview.before).toStrictEqual(later.preview.after);
    expect(later.preview.after.total).toBe(PLAN_TOTAL);
  });

  it('refused when it would move backward, naming the current lock', () => {
    const e = applyRefused(planDoc(), lock('plan', '2025-01'));
    expect(e.message).toMatch(/already locked through 2025-02/);
    expect(e.path).toBe('$.through');
  });

  it('refused when it would not move (documented choice: `through` must be after the current lock)', () => {
    const e = applyRefused(planDoc(), lock('plan', '2025-02'));
    expect(e.message).toMatch(/only moves forward/);
  });

  it('a lock then blocks measurements of the locked months', () => {
    const locked = applyOk(actualsDoc(), lock('actuals', '2025-04')).document;
    const e = applyRefused(locked, {
      op: 'recordMeasurement',
      scenario: 'actuals',
      useCase: 'self-service',
      input: 'deflection',
      month: '2025-04',
      value: 0.3,
    });
    expect(e.message).toMatch(/locked through 2025-04/);
  });
});

// ---------------------------------------------------------------------------------------
// Operation validation and applyOperations
// ---------------------------------------------------------------------------------------

describe('operation validation', () => {
  it('an unknown op is refused with the path $.op, naming it', () => {
    const e = applyRefused(planDoc(), { op: 'deleteEverything', scenario: 'plan' });
    expect(e.code).toBe('invalid_operation');
    expect(e.path).toBe('$.op');
    expect(e.message).toContain('deleteEverything');
  });

  it('a missing op is refused with the path $.op', () => {
    expect(applyRefused(planDoc(), { scenario: 'plan' }).path).toBe('$.op');
  });

  it.each([[null], [42], ['setInput'], [[]]])('a non-object operation (%j) is refused', (op) => {
    applyRefused(planDoc(), op);
  });

  it.each([
    [{ op: 'setInput', scenario: 'plan', useCase: 'support', input: 'agents', value: 12, comment: 'x' }, '$.comment', 'comment'],
    [{ op: 'lockMonths', scenario: 'plan', through: '2025-05', force: true }, '$.force', 'force'],
    [
      {
        op: 'convertCalculation',
        scenario: 'plan',
        useCase: 'support',
        calculation: 'efficiency',
        percentInput: 'gain',
        metric: { key: 'm', label: 'M', unit: '', color: 'red' },
        baseline: 1,
        direction: 'increase',
      },
      '$.metric.color',
      'color',
    ],
    [
      {
        op: 'splitCalculation',
        scenario: 'plan',
        useCase: 'support',
        calculation: 'efficiency',
        strategy: 'shapley',
        parts: [
          { id: 'a', name: 'A', metric: 'agents' },
          { id: 'b', name: 'B', metric: 'salary', weight: 0.5 },
        ],
      },
      '$.parts[1].weight',
      'weight',
    ],
  ])('an unknown field is refused with its path (%#)', (op, path, field) => {
    const e = applyRefused(planDoc(), op);
    expect(e.code).toBe('invalid_operation');
    expect(e.path).toBe(path);
    expect(e.message).toContain(field);
  });

  it('a missing required field is refused with its path', () => {
    const e = applyRefused(planDoc(), { op: 'setInput', scenario: 'plan', useCase: 'support', input: 'agents' });
    expect(e.path).toBe('$.value');
  });

  it('parseOperation returns a valid operation unchanged', () => {
    const op = { op: 'lockMonths', scenario: 'plan', through: '2025-05' };
    expect(parseOperation(op)).toStrictEqual({ ok: true, value: op });
  });
});

describe('applyOperations', () => {
  const ops = [
    { op: 'setInput', scenario: 'plan', useCase: 'support', input: 'agents', value: 12 },
    { op: 'addMilestone', scenario: 'plan', id: 'go-live', name: 'Go-Live' },
    { op: 'lockMonths', scenario: 'plan', through: '2025-01' }, // backward: refused
    { op: 'setInput', scenario: 'plan', useCase: 'support', input: 'agents', value: 99 },
  ];

  it('stops at the first refusal, reports its index and reason, and keeps nothing', () => {
    const doc = planDoc();
    const before = structuredClone(doc);
    const r = applyOperations(doc, ops, { asOf: '2025-06' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.index).toBe(2);
    expect(r.error.message).toMatch(/already locked through 2025-02/);
    expect(doc).toStrictEqual(before);
  });

  it('applies every operation in order when none is refused, with one preview each', () => {
    const doc = planDoc();
    const r = applyOperations(doc, [ops[0], ops[1], { ...ops[2], through: '2025-04' }], { asOf: '2025-06' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.previews.map((p) => p.op)).toStrictEqual(['setInput', 'addMilestone', 'lockMonths']);
    const expected = structuredClone(doc);
    input(expected.scenarios[0]!.useCases[0]!, 'agents').value = 12;
    expected.scenarios[0]!.milestones!.push({ id: 'go-live', name: 'Go-Live' });
    expected.scenarios[0]!.lockedThrough = '2025-04';
    expect(r.document).toStrictEqual(expected);
    // The second preview starts where the first ended: +21000.
    expect(r.previews[1]!.before?.total).toBe(PLAN_TOTAL + 21000);
  });

  it('an invalid operation in the middle is reported with its index', () => {
    const r = applyOperations(planDoc(), [ops[0], { op: 'nope' }], { asOf: '2025-06' });
    expect(r).toMatchObject({ ok: false, index: 1, error: { path: '$.op' } });
  });

  it('applyOperation and applyOperations agree on a single operation', () => {
    const one = applyOperation(planDoc(), ops[0], { asOf: '2025-06' });
    const many = applyOperations(planDoc(), [ops[0]], { asOf: '2025-06' });
    expect(one.ok && many.ok).toBe(true);
    if (one.ok && many.ok) expect(many.document).toStrictEqual(one.value.document);
  });
});

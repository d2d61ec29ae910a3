/**
 * The calculation scorer (evals/calculation/score-calculation.ts): a pure function, tested
 * with hand-made outcomes (no engine): money to the cent, ratios to 1e-9 relative, strings
 * exactly, nulls, refusals, invalid documents and the resulting document.
 */
import { describe, expect, it } from 'vitest';
import type { BusinessCase, Summary } from '../../src/engine/index.ts';
import type { CalculationCase } from '../../evals/calculation/calculation-case.ts';
import type { CalculationOutcome } from '../../evals/calculation/run-calculation-case.ts';
import { sameMoney, sameRatio, sameStructure, scoreCalculation } from '../../evals/calculation/score-calculation.ts';

const DOC: BusinessCase = {
  version: 1,
  id: 'acme',
  name: 'Acme',
  customer: 'Acme',
  currency: 'USD',
  scenarios: [
    {
      id: 'actuals',
      name: 'Actuals',
      kind: 'realization',
      start: '2026-01',
      months: 2,
      lockedThrough: '2026-01',
      useCases: [
        {
          id: 'support',
          name: 'Support',
          inputs: [
            { key: 'tickets', label: 'Tickets', unit: 'tickets', value: 1000, series: { '2026-01': 1100, '2026-02': { value: 1200, note: 'export' } } },
            { key: 'rate', label: 'Rate', unit: 'USD', value: 2.5 },
          ],
          calculations: [{ id: 'handling', name: 'Handling', formula: 'tickets * rate', period: 'monthly', metric: 'tickets' }],
        },
      ],
    },
  ],
};

const SUMMARY: Summary = {
  scenario: 'actuals',
  kind: 'realization',
  currency: 'USD',
  asOf: '2026-02',
  start: '2026-01',
  months: 2,
  total: 5750,
  realizedToDate: 5750,
  measuredToDate: 5750,
  carriedForwardToDate: 0,
  assumedToDate: 0,
  estimatedToDate: null,
  varianceToDate: null,
  projectedTotal: 5750,
  projectedRoi: null,
  investmentTotal: 0,
  investmentToDate: 0,
  roi: null,
  roiToDate: null,
  benefitMultiple: null,
  paybackMonth: null,
  monthly: [
    { month: '2026-01', benefit: 2750, cumulative: 2750, realized: 2750, measured: 2750, carriedForward: 0, assumed: 0, estimated: null },
    { month: '2026-02', benefit: 3000, cumulative: 5750, realized: 3000, measured: 3000, carriedForward: 0, assumed: 0, estimated: null },
  ],
  useCases: [
    {
      id: 'support',
      name: 'Support',
      total: 5750,
      realizedToDate: 5750,
      measuredToDate: 5750,
      assumedToDate: 0,
      estimatedToDate: null,
      varianceToDate: null,
      calculations: [{ id: 'handling', name: 'Handling', total: 5750, realizedToDate: 5750, tracked: true, metric: 'tickets', lastMeasured: '2026-02' }],
    },
  ],
};

const base = { id: 'x', description: 'x', rule: 'x', document: DOC, arithmetic: 'x', query: { asOf: '2026-02' } };
const withExpect = (expect: CalculationCase['expect']): CalculationCase => ({ ...base, expect }) as CalculationCase;
const summaryOutcome = (patch: Partial<Summary> = {}, inputUntouched = true): CalculationOutcome => ({
  kind: 'summary',
  summary: { ...SUMMARY, ...patch },
  document: DOC,
  inputUntouched,
});

describe('number comparisons', () => {
  it('money is equal below half a cent and different from half a cent on', () => {
    expect(sameMoney(100, 100.004)).toBe(true);
    expect(sameMoney(100, 99.9951)).toBe(true);
    expect(sameMoney(0, 0.005)).toBe(false);
    expect(sameMoney(100, 100.0051)).toBe(false);
    expect(sameMoney(100, 100.01)).toBe(false);
  });

  it('ratios are equal to 1e-9 relative; an expected 0 needs a (near) 0', () => {
    expect(sameRatio(0.37142857142857144, 0.3714285714)).toBe(true);
    expect(sameRatio(0.37142857142857144, 0.371428571)).toBe(false);
    expect(sameRatio(1e6, 1e6 + 1e-4)).toBe(true);
    expect(sameRatio(0, 1e-13)).toBe(true);
    expect(sameRatio(0, 1e-6)).toBe(false);
  });

  it('structures compare numbers as ratios, keys exactly, and ignore nothing else', () => {
    expect(sameStructure({ a: [1, { b: 'x' }] }, { a: [1 + 1e-12, { b: 'x' }] })).toBe(true);
    expect(sameStructure({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameStructure({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameStructure([1, 2], [1])).toBe(false);
    expect(sameStructure(null, null)).toBe(true);
    expect(sameStructure({ note: 'a' }, { note: 'b' })).toBe(false);
  });
});

describe('scoring a summary', () => {
  it('passes when every expected figure matches (money within half a cent, e.g. unrounded 2750.004)', () => {
    const result = scoreCalculation(
      withExpect({
        total: 5750.004,
        realizedToDate: 5750,
        estimatedToDate: null,
        varianceToDate: null,
        paybackMonth: null,
        kind: 'realization',
        months: 2,
        monthly: { '2026-01': { benefit: 2750, realized: 2750, estimated: null } },
        useCases: { support: { total: 5750, calculations: { handling: { tracked: true, metric: 'tickets', lastMeasured: '2026-02' } } } },
      }),
      summaryOutcome(),
    );
    expect(result).toEqual({ pass: true, failures: [] });
  });

  it('fails a cent off, naming the field with expected and actual', () => {
    const result = scoreCalculation(withExpect({ total: 5750.01, monthly: { '2026-02': { cumulative: 5749.99 } } }), summaryOutcome());
    expect(result.pass).toBe(false);
    expect(result.failures).toEqual([
      { field: 'total', expected: 5750.01, actual: 5750 },
      { field: 'monthly.2026-02.cumulative', expected: 5749.99, actual: 5750 },
    ]);
  });

  it('compares ratios relatively and strings exactly, and null is not 0', () => {
    const result = scoreCalculation(
      withExpect({
        roi: 0.5,
        varianceToDate: 0,
        paybackMonth: '2026-01',
        kind: 'future',
        useCases: { support: { calculations: { handling: { metric: 'tickets ' } } } },
      }),
      summaryOutcome({ roi: 0.5000000001, varianceToDate: null }),
    );
    expect(result.failures).toEqual([
      { field: 'varianceToDate', expected: 0, actual: null },
      { field: 'kind', expected: 'future', actual: 'realization' },
      { field: 'paybackMonth', expected: '2026-01', actual: null },
      { field: 'useCases.support.calculations.handling.metric', expected: 'tickets ', actual: 'tickets' },
    ]);
  });

  it('checks the Contract 2 fields: carried forward, projection, and per use case measured, assumed, estimate and variance', () => {
    const month2 = { ...SUMMARY.monthly[1]!, carriedForward: 3000 };
    const useCase = { ...SUMMARY.useCases[0]!, estimatedToDate: 5000, varianceToDate: 0.15 };
    const outcome = summaryOutcome({ carriedForwardToDate: 3000, monthly: [SUMMARY.monthly[0]!, month2], useCases: [useCase] });
    const pass = scoreCalculation(
      withExpect({
        carriedForwardToDate: 3000.004,
        projectedTotal: 5750,
        projectedRoi: null,
        monthly: { '2026-01': { carriedForward: 0 }, '2026-02': { carriedForward: 3000 } },
        useCases: { support: { measuredToDate: 5750, assumedToDate: 0, estimatedToDate: 5000, varianceToDate: 0.15 + 1e-12 } },
      }),
      outcome,
    );
    expect(pass).toEqual({ pass: true, failures: [] });

    const fail = scoreCalculation(
      withExpect({
        carriedForwardToDate: 2999.99,
        projectedTotal: 5000,
        projectedRoi: 0.5,
        monthly: { '2026-02': { carriedForward: null } },
        useCases: { support: { measuredToDate: 0, assumedToDate: null, estimatedToDate: null, varianceToDate: 0.1500001 } },
      }),
      outcome,
    );
    expect(fail.failures).toEqual([
      { field: 'carriedForwardToDate', expected: 2999.99, actual: 3000 },
      { field: 'projectedTotal', expected: 5000, actual: 5750 },
      { field: 'projectedRoi', expected: 0.5, actual: null },
      { field: 'monthly.2026-02.carriedForward', expected: null, actual: 3000 },
      { field: 'useCases.support.measuredToDate', expected: 0, actual: 5750 },
      { field: 'useCases.support.assumedToDate', expected: null, actual: 0 },
      { field: 'useCases.support.estimatedToDate', expected: null, actual: 5000 },
      { field: 'useCases.support.varianceToDate', expected: 0.1500001, actual: 0.15 },
    ]);
  });

  it('a Contract 2 field the summary lacks is a failure, not a pass', () => {
    const { projectedTotal: _, ...withoutProjection } = SUMMARY;
    const { measuredToDate: __, ...useCaseWithoutMeasured } = SUMMARY.useCases[0]!;
    const outcome: CalculationOutcome = {
      kind: 'summary',
      summary: { ...withoutProjection, useCases: [useCaseWithoutMeasured] } as unknown as Summary,
      document: DOC,
      inputUntouched: true,
    };
    const result = scoreCalculation(withExpect({ projectedTotal: 5750, useCases: { support: { measuredToDate: 5750 } } }), outcome);
    expect(result.failures).toEqual([
      { field: 'projectedTotal', expected: 5750, actual: null },
      { field: 'useCases.support.measuredToDate', expected: 5750, actual: null },
    ]);
  });

  it('reports months, use cases and calculations the summary does not have', () => {
    const result = scoreCalculation(
      withExpect({ monthly: { '2026-03': { benefit: 1 } }, useCases: { sales: { total: 1 }, support: { calculations: { other: { total: 1 } } } } }),
      summaryOutcome(),
    );
    expect(result.failures.map((f) => f.field)).toEqual(['monthly.2026-03', 'useCases.sales', 'useCases.support.calculations.other']);
  });

  it('fails when the engine mutated the document it was given', () => {
    const result = scoreCalculation(withExpect({ total: 5750 }), summaryOutcome({}, false));
    expect(result.failures).toEqual([{ field: 'input document', expected: 'untouched', actual: 'mutated by the engine' }]);
  });

  it('fails when a summary was expected but an operation was refused', () => {
    const c = { ...withExpect({ total: 1 }), operations: [{ op: 'setInput' }] } as CalculationCase;
    const result = scoreCalculation(c, { kind: 'refused', index: 0, error: { code: 'refused', message: 'no' }, inputUntouched: true });
    expect(result).toEqual({ pass: false, failures: [{ field: 'outcome', expected: 'a summary', actual: 'operation 0 refused (refused): no' }] });
  });
});

describe('scoring the resulting document', () => {
  it('checks scenarios, inputs (series, absent) and calculations addressed by id', () => {
    const pass = scoreCalculation(
      withExpect({
        document: {
          scenarios: { actuals: { kind: 'realization', lockedThrough: '2026-01', ramp: null, milestones: null, investment: null }, plan: { absent: true } },
          inputs: {
            'actuals/support/tickets': { value: 1000, series: { '2026-01': 1100, '2026-02': { value: 1200, note: 'export' } } },
            'actuals/support/rate': { value: 2.5, series: null },
            'actuals/support/tickets_target': { absent: true },
          },
          calculations: {
            'actuals/support/handling': { formula: 'tickets * rate', period: 'monthly', metric: 'tickets' },
            'actuals/support/gone': { absent: true },
          },
        },
      }),
      summaryOutcome(),
    );
    expect(pass).toEqual({ pass: true, failures: [] });

    const fail = scoreCalculation(
      withExpect({
        document: {
          scenarios: { actuals: { lockedThrough: null } },
          inputs: {
            'actuals/support/tickets': { series: { '2026-01': 1100, '2026-02': 1200 } },
            'actuals/support/rate': { absent: true },
            'actuals/support/missing': { value: 1 },
            'actuals/sales/x': { value: 1 },
          },
          calculations: { 'actuals/support/handling': { formula: 'tickets*rate' } },
        },
      }),
      summaryOutcome(),
    );
    expect(fail.failures.map((f) => f.field)).toEqual([
      'document.scenarios.actuals.lockedThrough',
      'document.inputs.actuals/support/tickets.series',
      'document.inputs.actuals/support/rate',
      'document.inputs.actuals/support/missing',
      'document.inputs.actuals/sales/x',
      'document.calculations.actuals/support/handling.formula',
    ]);
    expect(fail.failures[4]!.actual).toBe("no use case 'sales' in scenario 'actuals'");
  });
});

describe('scoring refusals and invalid documents', () => {
  const refusalCase = (expectRefusal: CalculationCase['expectRefusal'], operations: unknown[] = [{}, {}]): CalculationCase =>
    ({ ...base, operations, expectRefusal }) as CalculationCase;

  it('passes when the right operation is refused with a message naming the problem', () => {
    const outcome: CalculationOutcome = {
      kind: 'refused',
      index: 1,
      error: { code: 'refused', message: "month 2026-02 is locked (scenario 'actuals')" },
      inputUntouched: true,
    };
    expect(scoreCalculation(refusalCase({ index: 1, code: 'refused', messageIncludes: ['2026-02', 'actuals'] }), outcome).pass).toBe(true);
  });

  it('fails on the wrong index, code or message, and when nothing was refused', () => {
    const outcome: CalculationOutcome = { kind: 'refused', index: 0, error: { code: 'conflict', message: 'already exists' }, inputUntouched: true };
    const result = scoreCalculation(refusalCase({ index: 1, code: 'refused', messageIncludes: ['2026-02'] }), outcome);
    expect(result.failures.map((f) => f.field)).toEqual(['refusal.index', 'refusal.code', 'refusal.message']);

    const accepted = scoreCalculation(refusalCase({ index: 1, messageIncludes: [] }), summaryOutcome());
    expect(accepted.failures).toEqual([{ field: 'outcome', expected: 'operation 1 is refused', actual: 'a summary (total 5750)' }]);
  });

  it('a refusal without index means the summary itself failed (e.g. division by zero)', () => {
    const c = refusalCase({ code: 'evaluation_error', messageIncludes: ['2026-03'] }, []);
    const summaryFailed: CalculationOutcome = {
      kind: 'refused',
      index: null,
      error: { code: 'evaluation_error', message: 'division by zero ... month 2026-03' },
      inputUntouched: true,
    };
    expect(scoreCalculation(c, summaryFailed).pass).toBe(true);
    const opRefused: CalculationOutcome = { ...summaryFailed, index: 0 };
    expect(scoreCalculation(c, opRefused).failures).toEqual([{ field: 'refusal.index', expected: null, actual: 0 }]);
  });

  it('invalid documents: path and message must match', () => {
    const c = { ...base, query: undefined, expectInvalidDocument: { pathIncludes: '$.scenarios[0].ramp', messageIncludes: ['overlap'] } } as CalculationCase;
    const good: CalculationOutcome = {
      kind: 'invalid-document',
      error: { code: 'invalid_document', message: 'ramp ranges overlap', path: '$.scenarios[0].ramp[1]' },
    };
    expect(scoreCalculation(c, good).pass).toBe(true);
    const wrongPath: CalculationOutcome = {
      kind: 'invalid-document',
      error: { code: 'invalid_document', message: 'ramp ranges overlap', path: '$.scenarios[1].ramp' },
    };
    expect(scoreCalculation(c, wrongPath).failures).toEqual([
      { field: 'error.path', expected: 'contains "$.scenarios[0].ramp"', actual: '$.scenarios[1].ramp' },
    ]);
    expect(scoreCalculation(c, summaryOutcome()).failures[0]!.field).toBe('outcome');
  });
});

/**
 * fast-check properties of Contract 2 (issue 10, "Tests"): the lock guard never lets an
 * operation change a locked month's figures; removeMeasurement undoes recordMeasurement;
 * annotateMeasurement never changes a figure. The runs are fixed so the file stays fast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation, summarize, type BusinessCase } from '../../src/engine/index.ts';
import { example } from './contract2-fixture.ts';

const RUNS = 120;
const LOCK = '2026-03';
const INPUTS = {
  efficiency: ['reps', 'salary', 'handle_gain'],
  tickets: ['tpd', 'tpd_baseline', 'value_per_ticket'],
  deflection: ['volume', 'rate', 'cost'],
} as const;
const CALCULATIONS = { efficiency: 'gain', tickets: 'volume', deflection: 'deflected' } as const;
const USE_CASES = Object.keys(INPUTS) as Array<keyof typeof INPUTS>;

const month = fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, '0')}`);
const value = fc.integer({ min: 0, max: 400 }).map((x) => x / 2);
const target = fc.constantFrom(...USE_CASES).chain((useCase) => fc.record({ useCase: fc.constant(useCase), input: fc.constantFrom(...INPUTS[useCase]) }));

/** Any operation on the example's realization scenario, many of them refused. */
const operation = fc.oneof(
  fc.record({ t: target, value }).map(({ t, value }) => ({ op: 'setInput', scenario: 'actual', ...t, value })),
  fc.record({ t: target, value, from: month }).map(({ t, value, from }) => ({ op: 'setInput', scenario: 'actual', ...t, value, from })),
  fc.record({ t: target, value, month }).map(({ t, value, month }) => ({ op: 'recordMeasurement', scenario: 'actual', ...t, month, value })),
  fc.record({ t: target, month }).map(({ t, month }) => ({ op: 'removeMeasurement', scenario: 'actual', ...t, month })),
  fc.record({ t: target, month }).map(({ t, month }) => ({ op: 'annotateMeasurement', scenario: 'actual', ...t, month, note: 'checked' })),
  target.map((t) => ({ op: 'enableMonthlyValues', scenario: 'actual', ...t })),
  target.map((t) => ({ op: 'trackMetric', scenario: 'actual', ...t, calculation: CALCULATIONS[t.useCase] })),
  month.map((through) => ({ op: 'lockMonths', scenario: 'actual', through })),
  fc.constant({
    op: 'convertCalculation',
    scenario: 'actual',
    useCase: 'efficiency',
    calculation: 'gain',
    percentInput: 'handle_gain',
    metric: { key: 'aht', label: 'Handle time', unit: 'min' },
    baseline: 10,
    direction: 'decrease',
  }),
);

/** Benefit, realized, measured and assumed of the months through the lock, as of the lock. */
function locked(doc: BusinessCase): number[][] {
  const s = summarize(doc, { asOf: LOCK, compare: null });
  if (!s.ok) throw new Error(s.error.message);
  return s.value.monthly.filter((m) => m.month <= LOCK).map((m) => [m.benefit, m.realized!, m.measured!, m.assumed!]);
}

describe('the lock guard (property)', () => {
  it("no sequence of operations changes a locked month's figures; refused operations change nothing", () => {
    const start = example(LOCK);
    const guarded = locked(start);
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 8 }), (ops) => {
        let doc = start;
        let applied = 0;
        for (const op of ops) {
          const before = structuredClone(doc);
          const r = applyOperation(doc, op, { asOf: '2026-08' });
          expect(doc).toStrictEqual(before);
          if (!r.ok) continue;
          doc = r.value.document;
          applied++;
          const now = locked(doc);
          now.forEach((figures, i) => figures.forEach((f, k) => expect(Math.abs(f - guarded[i]![k]!)).toBeLessThan(0.005)));
        }
        return applied >= 0;
      }),
      { numRuns: RUNS },
    );
  });
});

describe('measurements (properties)', () => {
  const tracked = fc.constantFrom({ useCase: 'tickets', input: 'tpd' }, { useCase: 'deflection', input: 'rate' });

  it('removeMeasurement after recordMeasurement in a month without an entry restores the document and its figures', () => {
    const doc = example();
    fc.assert(
      fc.property(tracked, month, value, (t, m, v) => {
        const series = doc.scenarios[1]!.useCases.find((u) => u.id === t.useCase)!.inputs.find((i) => i.key === t.input)!.series!;
        fc.pre(series[m] === undefined);
        const recorded = applyOperation(doc, { op: 'recordMeasurement', scenario: 'actual', ...t, month: m, value: v, note: 'n' }, { asOf: '2026-08' });
        if (!recorded.ok) throw new Error(recorded.error.message);
        const removed = applyOperation(recorded.value.document, { op: 'removeMeasurement', scenario: 'actual', ...t, month: m }, { asOf: '2026-08' });
        if (!removed.ok) throw new Error(removed.error.message);
        expect(removed.value.document).toStrictEqual(doc);
        expect(removed.value.preview.after).toStrictEqual(recorded.value.preview.before);
      }),
      { numRuns: RUNS },
    );
  });

  it('annotateMeasurement never changes a figure, in locked months too', () => {
    const doc = example(LOCK);
    const entries = [
      { useCase: 'tickets', input: 'tpd', month: '2026-02' },
      { useCase: 'tickets', input: 'tpd', month: '2026-05' },
      { useCase: 'deflection', input: 'rate', month: '2026-03' },
    ];
    const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(
        fc.constantFrom(...entries),
        fc.record({ note: text, evidence: text, source: text }, { requiredKeys: [] }).filter((f) => Object.keys(f).length > 0),
        fc.constantFrom('2026-01', '2026-08', '2027-01'),
        (entry, fields, asOf) => {
          const r = applyOperation(doc, { op: 'annotateMeasurement', scenario: 'actual', ...entry, ...fields }, { asOf });
          if (!r.ok) throw new Error(r.error.message);
          expect(summarize(r.value.document, { asOf })).toStrictEqual(summarize(doc, { asOf }));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

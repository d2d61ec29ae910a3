/**
 * fast-check properties of the engine's operations (contract `shared/docs/engine.md`; issue
 * 2, "Tests"). Each expected value comes from an independent reimplementation written here
 * (carry-forward, the formula families, Shapley values by enumerating permutations), never
 * from the engine. The number of runs is fixed so the file stays fast.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation, applyOperations, parseDocument, type BusinessCase, type Input, type Scenario, type SeriesEntry } from '../../src/engine/index.ts';
import { applyOk, applyRefused, calcMonthly, caseWith, identifiers, loadExample, useCaseMonthly } from '../support/operation-helpers.ts';

const RUNS = 150;

// ---------------------------------------------------------------------------------------
// Independent helpers
// ---------------------------------------------------------------------------------------

/** Month index (year x 12 + month - 1) and back, written here rather than imported. */
const monthIndexOf = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
const monthTextOf = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** A number as formula text (negative numbers parenthesised). */
const lit = (x: number): string => (x < 0 ? `(${x})` : String(x + 0));

/**
 * A number with a few decimals, spread evenly over [min, max] (fast-check's doubles favour
 * extremes and tiny values, which would make many benefits smaller than a cent).
 */
const decimal = (min: number, max: number, places = 2): fc.Arbitrary<number> =>
  fc.integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) }).map((x) => x / 10 ** places);
/** Mostly evenly spread decimals, sometimes any double in the range. */
const amount = (min: number, max: number, places = 2): fc.Arbitrary<number> =>
  fc.oneof({ weight: 4, arbitrary: decimal(min, max, places) }, { weight: 1, arbitrary: fc.double({ min, max, noNaN: true }) });

/** "To the cent": an absolute difference below 0.005. */
function sameToTheCent(actual: readonly number[], expected: readonly number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((a, i) => {
    if (!(Math.abs(a - expected[i]!) < 0.005)) throw new Error(`${what}, month #${i}: got ${a}, expected ${expected[i]}`);
  });
}

/** The carry-forward rule: the entry of the latest month <= m, else `value`. */
function carried(value: number, series: Record<string, SeriesEntry>, month: number): number {
  let best = -Infinity;
  let out = value;
  for (const [k, e] of Object.entries(series)) {
    const i = monthIndexOf(k);
    if (i <= month && i > best) {
      best = i;
      out = typeof e === 'number' ? e : e.value;
    }
  }
  return out;
}

/** Shapley values by averaging marginal contributions over every order of the players. */
function shapleyByPermutations(n: number, v: (coalition: ReadonlySet<number>) => number): number[] {
  const phi = new Array<number>(n).fill(0);
  let count = 0;
  const permute = (order: number[], rest: number[]): void => {
    if (rest.length === 0) {
      count++;
      const s = new Set<number>();
      for (const i of order) {
        const without = v(s);
        s.add(i);
        phi[i] = phi[i]! + v(s) - without;
      }
      return;
    }
    rest.forEach((x, k) => permute([...order, x], [...rest.slice(0, k), ...rest.slice(k + 1)]));
  };
  permute(
    [],
    Array.from({ length: n }, (_, i) => i),
  );
  return phi.map((p) => p / count);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function oneUseCaseDoc(scenario: Omit<Scenario, 'useCases'>, inputs: Input[], calculations: Scenario['useCases'][number]['calculations']): BusinessCase {
  return caseWith([{ ...scenario, useCases: [{ id: 'uc', name: 'Use Case', inputs, calculations }] }]);
}

// ---------------------------------------------------------------------------------------
// Carry-forward
// ---------------------------------------------------------------------------------------

describe('carry-forward', () => {
  const valueArb = fc.double({ min: -1e9, max: 1e9, noNaN: true });

  it('the value in month m is the latest entry at or before m, else `value` (entries before, inside and after the window)', () => {
    const caseArb = fc.record({ start: fc.integer({ min: 2000 * 12, max: 2040 * 12 }), months: fc.integer({ min: 1, max: 36 }) }).chain((w) =>
      fc.record({
        w: fc.constant(w),
        value: valueArb,
        period: fc.constantFrom('monthly' as const, 'annual' as const),
        entries: fc.array(fc.record({ offset: fc.integer({ min: -12, max: w.months + 12 }), value: valueArb, rich: fc.boolean() }), { maxLength: 10 }),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ w, value, period, entries }) => {
        const series: Record<string, SeriesEntry> = {};
        for (const e of entries) series[monthTextOf(w.start + e.offset)] = e.rich ? { value: e.value, note: 'read off a report' } : e.value;
        const doc = oneUseCaseDoc(
          { id: 's', name: 'S', kind: 'future', start: monthTextOf(w.start), months: w.months },
          [{ key: 'x', label: 'X', unit: '', value, series }],
          [{ id: 'c', name: 'C', formula: 'x', period }],
        );
        const divisor = period === 'annual' ? 12 : 1;
        const expected = Array.from({ length: w.months }, (_, i) => carried(value, series, w.start + i) / divisor + 0);
        expect(calcMonthly(doc, 's', 'uc', 'c').map((v) => v + 0)).toStrictEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('measurements recorded one by one (replacing some) carry forward the same way', () => {
    const caseArb = fc.integer({ min: 1, max: 24 }).chain((months) =>
      fc.record({
        months: fc.constant(months),
        value: valueArb,
        records: fc.array(fc.record({ offset: fc.integer({ min: 0, max: months - 1 }), value: valueArb }), { maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ months, value, records }) => {
        let doc = oneUseCaseDoc(
          { id: 's', name: 'S', kind: 'realization', start: '2025-01', months },
          [{ key: 'x', label: 'X', unit: '', value, series: {} }],
          [{ id: 'c', name: 'C', formula: 'x', period: 'monthly' }],
        );
        const latest = new Map<string, number>();
        for (const r of records) {
          const month = monthTextOf(monthIndexOf('2025-01') + r.offset);
          doc = applyOk(doc, { op: 'recordMeasurement', scenario: 's', useCase: 'uc', input: 'x', month, value: r.value }).document;
          latest.set(month, r.value);
        }
        const series = Object.fromEntries(latest);
        expect(doc.scenarios[0]!.useCases[0]!.inputs[0]!.series).toStrictEqual(series);
        const expected = Array.from({ length: months }, (_, i) => carried(value, series, monthIndexOf('2025-01') + i) + 0);
        expect(calcMonthly(doc, 's', 'uc', 'c').map((v) => v + 0)).toStrictEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Conversion keeps the projection
// ---------------------------------------------------------------------------------------

/** A formula of the "x * p * y" family, over constants a0..a3, the percentage and a divisor c. */
interface Shape {
  kind: 'product' | 'sum';
  consts: number[];
  pAt: number;
  divisor: number | null;
}

function shapeText(s: Shape, p: string): string {
  const names = s.consts.map((_, i) => `a${i}`);
  let text: string;
  if (s.kind === 'product') {
    const factors = [...names];
    factors.splice(Math.min(s.pAt, factors.length), 0, p);
    text = factors.join(' * ');
  } else {
    text = `(${names[0]} + ${names[1]}) * ${p}${names
      .slice(2)
      .map((n) => ` * ${n}`)
      .join('')}`;
  }
  return s.divisor === null ? text : `${text} / c`;
}

function shapeValue(s: Shape, p: number): number {
  const c = s.divisor ?? 1;
  if (s.kind === 'product') return (s.consts.reduce((a, b) => a * b, 1) * p) / c;
  return ((s.consts[0]! + s.consts[1]!) * p * s.consts.slice(2).reduce((a, b) => a * b, 1)) / c;
}

const shapeArb: fc.Arbitrary<Shape> = fc.constantFrom('product' as const, 'sum' as const).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    consts: fc.array(amount(-1000, 1000), { minLength: kind === 'sum' ? 2 : 0, maxLength: 3 }),
    pAt: fc.integer({ min: 0, max: 3 }),
    divisor: fc.option(amount(0.5, 100), { nil: null }),
  }),
);

const conversionArb = fc.record({
  shape: shapeArb,
  baseline: amount(0.001, 10000, 3),
  negativeBaseline: fc.boolean(),
  p: amount(0, 1, 4),
  direction: fc.constantFrom('increase' as const, 'decrease' as const),
  clamp: fc.constantFrom(undefined, true, false),
  baselineAsInput: fc.boolean(),
  keepPercent: fc.boolean(),
  period: fc.constantFrom('monthly' as const, 'annual' as const),
  months: fc.integer({ min: 1, max: 12 }),
});
function conversionDoc(c: {
  shape: Shape;
  B: number;
  p: number;
  baselineAsInput: boolean;
  keepPercent: boolean;
  period: 'monthly' | 'annual';
  months: number;
}): BusinessCase {
  const inputs: Input[] = [
    ...c.shape.consts.map((v, i) => ({ key: `a${i}`, label: `Factor ${i}`, unit: '', value: v })),
    ...(c.shape.divisor === null ? [] : [{ key: 'c', label: 'Divisor', unit: '', value: c.shape.divisor }]),
    { key: 'pct', label: 'Expected Improvement', unit: 'percent', value: c.p },
    ...(c.baselineAsInput ? [{ key: 'base_level', label: 'Level Before', unit: 'units', value: c.B }] : []),
  ];
  return oneUseCaseDoc({ id: 's', name: 'S', kind: 'future', start: '2025-01', months: c.months }, inputs, [
    { id: 'calc', name: 'Calc', formula: shapeText(c.shape, 'pct'), period: c.period },
    ...(c.keepPercent ? [{ id: 'keeper', name: 'Keeper', formula: 'pct * 1000', period: 'monthly' as const }] : []),
  ]);
}

function convertOp(baselineAsInput: boolean, B: number, direction: 'increase' | 'decrease', clamp: boolean | undefined) {
  return {
    op: 'convertCalculation',
    scenario: 's',
    useCase: 'uc',
    calculation: 'calc',
    percentInput: 'pct',
    metric: { key: 'level', label: 'Level', unit: 'units' },
    ...(baselineAsInput ? { baselineInput: 'base_level' } : { baseline: B }),
    direction,
    ...(clamp === undefined ? {} : { clampNegative: clamp }),
  };
}

describe('convertCalculation keeps the projected benefit at the target metric value', () => {
  it('random baselines, percentages, directions and formula shapes: accepted; at M = B x (1 +/- p) every month equals the benefit before', () => {
    fc.assert(
      fc.property(conversionArb, (c) => {
        const B = c.negativeBaseline ? -c.baseline : c.baseline;
        const doc = conversionDoc({ ...c, B });
        const divisor = c.period === 'annual' ? 12 : 1;
        const before = new Array(c.months).fill(shapeValue(c.shape, c.p) / divisor);
        const { document } = applyOk(doc, convertOp(c.baselineAsInput, B, c.direction, c.clamp));
        const u = document.scenarios[0]!.useCases[0]!;

        // The rewritten formula and the inputs.
        const Bkey = c.baselineAsInput ? 'base_level' : 'level_baseline';
        const improvement = c.direction === 'increase' ? `(level - ${Bkey}) / ${Bkey}` : `(${Bkey} - level) / ${Bkey}`;
        const calc = u.calculations.find((x) => x.id === 'calc')!;
        if (c.clamp === false) expect([shapeText(c.shape, `(${improvement})`), shapeText(c.shape, improvement)]).toContain(calc.formula);
        else expect(calc.formula).toBe(shapeText(c.shape, `max(0, ${improvement})`));
        expect(calc.metric).toBe('level');
        expect(u.inputs.find((i) => i.key === 'level')).toStrictEqual({ key: 'level', label: 'Level', unit: 'units', value: B, series: {} });
        expect(u.inputs.find((i) => i.key === 'pct_target')).toStrictEqual({
          key: 'pct_target',
          label: 'Target: Expected Improvement',
          unit: 'percent',
          value: c.p,
        });
        expect(u.inputs.some((i) => i.key === 'pct')).toBe(c.keepPercent);
        if (!c.baselineAsInput) {
          expect(u.inputs.find((i) => i.key === 'level_baseline')).toStrictEqual({ key: 'level_baseline', label: 'Baseline: Level', unit: 'units', value: B });
        }

        // Before a measurement the improvement is 0.
        sameToTheCent(calcMonthly(document, 's', 'uc', 'calc'), new Array(c.months).fill(shapeValue(c.shape, 0) / divisor), 'at the baseline');
        // At the target, the projection.
        const target = c.direction === 'increase' ? B * (1 + c.p) : B * (1 - c.p);
        const atTarget = applyOk(document, { op: 'recordMeasurement', scenario: 's', useCase: 'uc', input: 'level', month: '2025-01', value: target }).document;
        sameToTheCent(calcMonthly(atTarget, 's', 'uc', 'calc'), before, 'at the target');
      }),
      { numRuns: RUNS },
    );
  });

  it('a negative percentage: kept without the clamp; with the clamp refused exactly when some month would move by a cent or more', () => {
    fc.assert(
      fc.property(conversionArb, fc.oneof(decimal(-1, -0.0001, 4), fc.double({ min: -1, max: -1e-9, noNaN: true })), fc.boolean(), (c, p, clamp) => {
        const B = c.negativeBaseline ? -c.baseline : c.baseline;
        const doc = conversionDoc({ ...c, B, p });
        const divisor = c.period === 'annual' ? 12 : 1;
        const moved = Math.abs(shapeValue(c.shape, p) - shapeValue(c.shape, 0)) / divisor; // clamp: p becomes max(0, p) = 0
        fc.pre(Math.abs(moved - 0.005) > 1e-6);
        const op = convertOp(c.baselineAsInput, B, c.direction, clamp);
        if (clamp && moved >= 0.005) {
          expect(applyRefused(doc, op).message).toMatch(/does not keep the projected benefit/);
          return;
        }
        const { document } = applyOk(doc, op);
        const target = c.direction === 'increase' ? B * (1 + p) : B * (1 - p);
        const atTarget = applyOk(document, { op: 'recordMeasurement', scenario: 's', useCase: 'uc', input: 'level', month: '2025-01', value: target }).document;
        sameToTheCent(
          calcMonthly(atTarget, 's', 'uc', 'calc'),
          new Array(c.months).fill((clamp ? shapeValue(c.shape, 0) : shapeValue(c.shape, p)) / divisor),
          'at the target',
        );
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Split keeps every month; Shapley parts
// ---------------------------------------------------------------------------------------

/** A multilinear formula: a sum of terms coef x prod over the term's metrics of (m_i - R_i), times an optional constant. */
interface Term {
  mask: number;
  coef: number;
  constant: number | null;
}
interface SplitCase {
  n: number;
  P: number[];
  R: number[];
  giveZeroReference: boolean[];
  constants: number[];
  terms: Term[];
  period: 'monthly' | 'annual';
  months: number;
  ramp: number | null;
  z: { value: number; entries: Array<{ offset: number; value: number }> };
}

const inTerm = (t: Term, i: number): boolean => (t.mask & (1 << i)) !== 0;
const factorText = (c: SplitCase, i: number, key: string): string => (c.R[i] === 0 ? key : `(${key} - ${lit(c.R[i]!)})`);

function termText(c: SplitCase, t: Term, keyOf: (i: number) => string): string {
  const factors = Array.from({ length: c.n }, (_, i) => i)
    .filter((i) => inTerm(t, i))
    .map((i) => factorText(c, i, keyOf(i)));
  return [lit(t.coef), ...factors, ...(t.constant === null ? [] : [`k${t.constant}`])].join(' * ');
}
function termValue(c: SplitCase, t: Term, m: readonly number[]): number {
  let v = t.coef * (t.constant === null ? 1 : c.constants[t.constant]!);
  for (let i = 0; i < c.n; i++) if (inTerm(t, i)) v *= m[i]! - c.R[i]!;
  return v;
}
const formulaText = (c: SplitCase): string => c.terms.map((t) => termText(c, t, (i) => `m${i}`)).join(' + ');
const f = (c: SplitCase, m: readonly number[]): number => c.terms.reduce((sum, t) => sum + termValue(c, t, m), 0);

const splitCaseArb: fc.Arbitrary<SplitCase> = fc.integer({ min: 2, max: 4 }).chain((n) =>
  fc
    .record({
      n: fc.constant(n),
      P: fc.array(amount(0.5, 20), { minLength: n, maxLength: n }),
      R: fc.array(fc.oneof(fc.constant(0), amount(-5, 5)), { minLength: n, maxLength: n }),
      giveZeroReference: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      constants: fc.array(amount(0.1, 10), { minLength: 2, maxLength: 2 }),
      terms: fc.array(
        fc.record({
          mask: fc.integer({ min: 1, max: (1 << n) - 1 }),
          coef: amount(0.5, 5).chain((x) => fc.constantFrom(x, -x)),
          constant: fc.constantFrom(null, 0, 1),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      period: fc.constantFrom('monthly' as const, 'annual' as const),
      months: fc.integer({ min: 3, max: 12 }),
      ramp: fc.option(amount(0, 1), { nil: null }),
      z: fc.record({
        value: amount(-100, 100),
        entries: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 11 }), value: amount(-100, 100) }), { maxLength: 3 }),
      }),
    })
    .map((c) => {
      // Every metric appears in some term (a part's metric must be referred to).
      const terms = [...c.terms];
      for (let i = 0; i < n; i++) if (!terms.some((t) => inTerm(t, i))) terms.push({ mask: 1 << i, coef: 1, constant: null });
      return { ...c, terms };
    }),
);

const START = monthIndexOf('2025-01');

function splitDoc(c: SplitCase, extra = ''): BusinessCase {
  const zSeries = Object.fromEntries(c.z.entries.map((e) => [monthTextOf(START + e.offset), e.value]));
  return oneUseCaseDoc(
    {
      id: 's',
      name: 'S',
      kind: 'future',
      start: '2025-01',
      months: c.months,
      ...(c.ramp === null ? {} : { ramp: [{ from: '2025-01', to: '2025-02', factor: c.ramp }] }),
    },
    [
      ...c.P.map((v, i) => ({ key: `m${i}`, label: `Metric ${i}`, unit: 'units', value: v })),
      ...c.constants.map((v, i) => ({ key: `k${i}`, label: `Constant ${i}`, unit: '', value: v })),
      { key: 'z', label: 'Other Driver', unit: '', value: c.z.value, series: zSeries },
    ],
    [
      { id: 'target', name: 'Target', formula: formulaText(c) + extra, period: c.period },
      { id: 'other', name: 'Other', formula: 'z * 10', period: 'monthly' },
    ],
  );
}

/** The use case by hand: (f(P) / divisor + 10 z(m)) x ramp(m). */
function handUseCase(c: SplitCase, doc: BusinessCase): number[] {
  const z = doc.scenarios[0]!.useCases[0]!.inputs.find((i) => i.key === 'z')!;
  const divisor = c.period === 'annual' ? 12 : 1;
  return Array.from({ length: c.months }, (_, i) => (f(c, c.P) / divisor + 10 * carried(z.value, z.series!, START + i)) * rampAt(c, i));
}
const rampAt = (c: SplitCase, i: number): number => (c.ramp !== null && i < 2 ? c.ramp : 1);

const partsOf = (c: SplitCase, formula?: (i: number) => string) =>
  Array.from({ length: c.n }, (_, i) => ({
    id: `part-${i}`,
    name: `Part ${i}`,
    metric: `m${i}`,
    ...(c.R[i] !== 0 || c.giveZeroReference[i] ? { reference: c.R[i] } : {}),
    ...(formula ? { formula: formula(i) } : {}),
  }));

const splitOp = (c: SplitCase, strategy: 'shapley' | 'explicit', formula?: (i: number) => string) => ({
  op: 'splitCalculation',
  scenario: 's',
  useCase: 'uc',
  calculation: 'target',
  strategy,
  parts: partsOf(c, formula),
});

/** The metric values with metric i (or every metric in `atReference`) at its reference. */
const withReference = (c: SplitCase, atReference: (i: number) => boolean): number[] => c.P.map((v, i) => (atReference(i) ? c.R[i]! : v));

function setMetric(doc: BusinessCase, i: number, value: number): BusinessCase {
  const copy = structuredClone(doc);
  copy.scenarios[0]!.useCases[0]!.inputs.find((x) => x.key === `m${i}`)!.value = value;
  return copy;
}

/** What every accepted split must satisfy: parts in place, single-metric formulas, constants added, every month kept. */
function checkSplitShape(c: SplitCase, before: BusinessCase, after: BusinessCase): void {
  const u = after.scenarios[0]!.useCases[0]!;
  const original = before.scenarios[0]!.useCases[0]!;
  expect(u.calculations.map((x) => x.id)).toStrictEqual([...partsOf(c).map((p) => p.id), 'other']);
  u.calculations.slice(0, c.n).forEach((part, i) => {
    expect(part.metric).toBe(`m${i}`);
    expect(part.period).toBe(c.period);
    expect(part.name).toBe(`Part ${i}`);
    const ids = identifiers(part.formula);
    expect(ids.has(`m${i}`), `part ${i} refers to its metric: ${part.formula}`).toBe(true);
    for (let j = 0; j < c.n; j++) if (j !== i) expect(ids.has(`m${j}`), `part ${i} must not refer to m${j}: ${part.formula}`).toBe(false);
  });
  expect(u.inputs.slice(0, original.inputs.length)).toStrictEqual(original.inputs);
  for (const added of u.inputs.slice(original.inputs.length)) expect(added.series, `${added.key} is a constant`).toBeUndefined();
  const hand = handUseCase(c, before);
  sameToTheCent(useCaseMonthly(before, 's', 'uc'), hand, 'use case before (fixture check)');
  sameToTheCent(useCaseMonthly(after, 's', 'uc'), hand, 'use case after the split');
}

describe('splitCalculation keeps every month of the use case to the cent', () => {
  it('shapley on random multilinear formulas over 2-4 metrics: parts are the Shapley values, 0 at their reference, adding up to f(P) - f(R)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(splitCaseArb, (c) => {
        const doc = splitDoc(c);
        const effect = Array.from(
          { length: c.n },
          (_, i) =>
            f(c, c.P) -
            f(
              c,
              withReference(c, (j) => j === i),
            ),
        );
        fc.pre(effect.every((d) => Math.abs(Math.abs(d) - 0.005) > 1e-6));
        if (effect.some((d) => Math.abs(d) < 0.005)) {
          expect(applyRefused(doc, splitOp(c, 'shapley')).message).toMatch(/no effect/);
          return;
        }
        const after = applyOk(doc, splitOp(c, 'shapley')).document;
        accepted++;
        checkSplitShape(c, doc, after);

        const divisor = c.period === 'annual' ? 12 : 1;
        const fR = f(c, c.R);
        const v = (s: ReadonlySet<number>): number =>
          f(
            c,
            withReference(c, (i) => !s.has(i)),
          ) - fR;
        const phi = shapleyByPermutations(c.n, v);
        const partMonths = Array.from({ length: c.n }, (_, i) => calcMonthly(after, 's', 'uc', `part-${i}`));
        partMonths.forEach((months, i) =>
          sameToTheCent(
            months,
            months.map((_, m) => (phi[i]! / divisor) * rampAt(c, m)),
            `part ${i} = phi_${i}`,
          ),
        );
        // The parts add up to f(P) - f(R).
        const sum = partMonths[0]!.map((_, m) => partMonths.reduce((s, p) => s + p[m]!, 0));
        sameToTheCent(
          sum,
          sum.map((_, m) => ((f(c, c.P) - fR) / divisor) * rampAt(c, m)),
          'sum of parts',
        );
        // Each part is 0 with its metric at its reference.
        for (let i = 0; i < c.n; i++) {
          sameToTheCent(calcMonthly(setMetric(after, i, c.R[i]!), 's', 'uc', `part-${i}`), new Array(c.months).fill(0), `part ${i} at its reference`);
        }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 2);
  });

  it('shapley is refused when f(R) is not 0', () => {
    fc.assert(
      fc.property(splitCaseArb, amount(0.01, 1000), fc.boolean(), (c, offset, negative) => {
        const doc = splitDoc(c, ` + ${lit(negative ? -offset : offset)}`);
        expect(applyRefused(doc, splitOp(c, 'shapley')).message).toMatch(/not 0/);
      }),
      { numRuns: 50 },
    );
  });

  it('explicit with hand-derived parts (each term shared among its metrics in random proportions, the other metrics frozen)', () => {
    const weightsArb = fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(splitCaseArb, weightsArb, (c, weights) => {
        // Term t is shared among its metrics i in proportion weights[t][i] / W_t.
        const W = c.terms.map((t, k) =>
          Array.from({ length: c.n }, (_, i) => i)
            .filter((i) => inTerm(t, i))
            .reduce((s, i) => s + weights[k]![i]!, 0),
        );
        const partFormula = (i: number): string =>
          c.terms
            .map((t, k) => ({ t, k }))
            .filter(({ t }) => inTerm(t, i))
            .map(({ t, k }) => `(${weights[k]![i]} / ${W[k]}) * ${termText(c, t, (j) => (j === i ? `m${j}` : `m${j}_frozen`))}`)
            .join(' + ');
        const doc = splitDoc(c);
        const after = applyOk(doc, splitOp(c, 'explicit', partFormula)).document;
        checkSplitShape(c, doc, after);
        const u = after.scenarios[0]!.useCases[0]!;
        u.calculations.slice(0, c.n).forEach((part, i) => expect(part.formula).toBe(partFormula(i)));

        // Frozen inputs hold the metrics' current values.
        for (let j = 0; j < c.n; j++) {
          const frozen = u.inputs.find((x) => x.key === `m${j}_frozen`);
          const needed = c.terms.some((t) => inTerm(t, j) && Array.from({ length: c.n }, (_, i) => i).some((i) => i !== j && inTerm(t, i)));
          if (needed) expect(frozen?.value).toBe(c.P[j]);
        }
        // Each part by hand: sum over its terms of weight x term(P).
        const divisor = c.period === 'annual' ? 12 : 1;
        for (let i = 0; i < c.n; i++) {
          const share = c.terms.reduce((s, t, k) => (inTerm(t, i) ? s + (weights[k]![i]! / W[k]!) * termValue(c, t, c.P) : s), 0);
          sameToTheCent(
            calcMonthly(after, 's', 'uc', `part-${i}`),
            Array.from({ length: c.months }, (_, m) => (share / divisor) * rampAt(c, m)),
            `part ${i}`,
          );
        }
        // Moving one metric moves its part only.
        const moved = setMetric(after, 0, c.P[0]! + 1);
        for (let i = 1; i < c.n; i++) {
          sameToTheCent(calcMonthly(moved, 's', 'uc', `part-${i}`), calcMonthly(after, 's', 'uc', `part-${i}`), `part ${i} after moving m0`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('explicit parts that do not add up are refused', () => {
    fc.assert(
      fc.property(splitCaseArb, amount(1, 100), fc.boolean(), (c, delta, negative) => {
        const equalShare = (i: number): string =>
          c.terms
            .filter((t) => inTerm(t, i))
            .map(
              (t) =>
                `(1 / ${Array.from({ length: c.n }, (_, j) => j).filter((j) => inTerm(t, j)).length}) * ${termText(c, t, (j) => (j === i ? `m${j}` : `m${j}_frozen`))}`,
            )
            .join(' + ');
        const off = (i: number): string => (i === 0 ? `${equalShare(i)} + ${lit(negative ? -delta : delta)}` : equalShare(i));
        const doc = splitDoc(c);
        applyOk(doc, splitOp(c, 'explicit', equalShare)); // the equal split is fine ...
        expect(applyRefused(doc, splitOp(c, 'explicit', off)).message).toMatch(/does not keep/); // ... and off by delta it is not
      }),
      { numRuns: 50 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Refused operations leave the document as it was; no operation mutates its input
// ---------------------------------------------------------------------------------------

const presales = deepFreeze(loadExample('delta-corp-presales.json'));
const realizationOps = JSON.parse(readFileSync(new URL('../../examples/delta-corp-realization.ops.json', import.meta.url), 'utf8')) as unknown[];
const realized = (() => {
  const r = applyOperations(presales, realizationOps, { asOf: '2026-06' });
  if (!r.ok) throw new Error(`the demo operations do not apply: #${r.index} ${r.error.message}`);
  return deepFreeze(r.document);
})();

const pick = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const monthArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.integer({ min: 2024, max: 2028 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  },
  { weight: 1, arbitrary: pick('2025-13', '25-01', '', 'July 2025') },
);
const numberArb = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) },
  { weight: 2, arbitrary: pick(0, 1, 100, 0.5) },
  { weight: 1, arbitrary: pick<unknown>(NaN, Infinity, -Infinity, '12', null, true) },
);
const scenarioArb = pick('rollout-plan', 'realization', 'ghost', '');
const useCaseArb = pick('support-efficiency', 'self-service', 'legacy-tools', 'ghost');
const calcArb = pick('efficiency', 'handle-time', 'deflection', 'licences', 'ghost');
const inputArb = pick(
  'reps',
  'rep_cost',
  'avg_tickets_per_day',
  'efficiency_gain',
  'minutes_saved_per_ticket',
  'working_days',
  'hourly_cost',
  'tickets_per_day',
  'efficiency_gain_target',
  'monthly_tickets',
  'deflection_rate',
  'cost_per_ticket',
  'legacy_license_cost',
  'ghost',
);
const formulaArb = pick(
  'reps * avg_tickets_per_day_frozen * minutes_saved_per_ticket / 60 * working_days * hourly_cost / 2',
  'reps * avg_tickets_per_day * minutes_saved_per_ticket_frozen / 60 * working_days * hourly_cost / 2',
  'reps * rep_cost',
  'avg_tickets_per_day * minutes_saved_per_ticket',
  'ghost * 2',
  '(((',
  '',
);

/** Where an operation points: mostly a real scenario / use case / input / calculation of the docs, sometimes anything from the pools. */
interface Place {
  scenario: string;
  useCase: string;
  input: string;
  input2: string;
  calculation: string;
}
const realPlaces: Place[] = [presales, realized].flatMap((doc) =>
  doc.scenarios.flatMap((s) =>
    s.useCases.flatMap((u) =>
      u.inputs.flatMap((i, k) =>
        u.calculations.map((c) => ({ scenario: s.id, useCase: u.id, input: i.key, input2: u.inputs[(k + 1) % u.inputs.length]!.key, calculation: c.id })),
      ),
    ),
  ),
);
const placeArb: fc.Arbitrary<Place> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...realPlaces) },
  { weight: 1, arbitrary: fc.record({ scenario: scenarioArb, useCase: useCaseArb, input: inputArb, input2: inputArb, calculation: calcArb }) },
);
const at = <T extends object>(fields: fc.Arbitrary<T>, place: (p: Place) => object): fc.Arbitrary<Record<string, unknown>> =>
  fc.tuple(placeArb, fields).map(([p, f]) => ({ ...place(p), ...f }) as Record<string, unknown>);

const operationArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record(
    {
      op: fc.constant('createRealizationScenario'),
      from: scenarioArb,
      id: pick('realization', 'second', 'rollout-plan', 'Bad Id'),
      name: pick('Actuals', ''),
      start: monthArb,
      months: pick<unknown>(1, 12, 24, 0, 121, 2.5, '12'),
    },
    { requiredKeys: ['op', 'from', 'id', 'name', 'start', 'months'] },
  ),
  at(
    fc.record(
      {
        metric: fc.record({ key: pick('tickets_per_day', 'new_metric', 'reps', 'Bad Key'), label: pick('Metric', ''), unit: pick('units', '') }),
        baselineInput: inputArb,
        baseline: numberArb,
        direction: pick('increase', 'decrease', 'sideways'),
        clampNegative: fc.boolean(),
      },
      { requiredKeys: ['metric', 'direction'] },
    ),
    (p) => ({ op: 'convertCalculation', scenario: p.scenario, useCase: p.useCase, calculation: p.calculation, percentInput: p.input }),
  ),
  fc
    .tuple(
      placeArb,
      fc.boolean(),
      fc.record({
        strategy: pick('explicit', 'shapley', 'magic'),
        parts: fc.array(
          fc.record(
            { id: pick('part-a', 'part-b', 'efficiency', 'Bad Id'), name: pick('Part', ''), metric: inputArb, reference: numberArb, formula: formulaArb },
            { requiredKeys: ['id', 'name', 'metric'] },
          ),
          { maxLength: 4 },
        ),
      }),
    )
    .map(([p, placeMetrics, f]) => ({
      op: 'splitCalculation',
      scenario: p.scenario,
      useCase: p.useCase,
      calculation: p.calculation,
      strategy: f.strategy,
      // Sometimes the parts' metrics are two inputs of the use case the split points at.
      parts: placeMetrics
        ? [
            { id: 'part-a', name: 'Part A', metric: p.input },
            { id: 'part-b', name: 'Part B', metric: p.input2 },
          ]
        : f.parts,
    })),
  at(
    fc.record(
      { month: monthArb, value: numberArb, note: pick('note', ''), evidence: pick('https://example.com/x.csv'), source: pick('Zendesk') },
      { requiredKeys: ['month', 'value'] },
    ),
    (p) => ({ op: 'recordMeasurement', scenario: p.scenario, useCase: p.useCase, input: p.input }),
  ),
  at(fc.constant({}), (p) => ({ op: 'enableMonthlyValues', scenario: p.scenario, useCase: p.useCase, input: p.input })),
  at(fc.record({ value: numberArb }), (p) => ({ op: 'setInput', scenario: p.scenario, useCase: p.useCase, input: p.input })),
  fc.record(
    {
      op: fc.constant('addMilestone'),
      scenario: scenarioArb,
      id: pick('teams-onboarded', 'new-one', 'Bad Id'),
      name: pick('Milestone', ''),
      targetMonth: monthArb,
      achievedMonth: monthArb,
      note: pick('n'),
    },
    { requiredKeys: ['op', 'scenario', 'id', 'name'] },
  ),
  fc.record({ op: fc.constant('lockMonths'), scenario: scenarioArb, through: monthArb }),
);

/** Most operations as generated; some with an unknown field, a field taken away or an unknown op. */
const anyOperationArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: operationArb },
  { weight: 1, arbitrary: fc.tuple(operationArb, pick('extra', 'Op', 'scenarioId')).map(([op, key]) => ({ ...op, [key]: 1 })) },
  {
    weight: 1,
    arbitrary: fc.tuple(operationArb, fc.nat()).map(([op, n]) => {
      const keys = Object.keys(op).filter((k) => k !== 'op');
      const copy = { ...op };
      if (keys.length) delete copy[keys[n % keys.length]!];
      return copy;
    }),
  },
  { weight: 1, arbitrary: operationArb.map((op) => ({ ...op, op: 'dropEverything' })) },
  { weight: 1, arbitrary: fc.anything() },
);

const docArb = pick(presales, realized);
const asOfArb = pick('2025-06', '2025-12', '2026-06', '2027-12');
const CODES = ['invalid_document', 'invalid_operation', 'not_found', 'conflict', 'refused', 'evaluation_error', 'invalid_argument'];

describe('operations never touch their input', () => {
  it('any operation, refused or not, leaves the input document deep-equal to before (and frozen inputs are never written to)', () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(docArb, anyOperationArb, asOfArb, (doc, op, asOf) => {
        const before = structuredClone(doc);
        const r = applyOperation(doc, op, { asOf });
        expect(doc).toStrictEqual(before);
        if (!r.ok) {
          refused++;
          expect(CODES).toContain(r.error.code);
          expect(r.error.message.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        // An accepted operation gives a new, valid document, and the same result every time.
        expect(r.value.document).not.toBe(doc);
        const reparsed = parseDocument(structuredClone(r.value.document));
        expect(reparsed.ok, reparsed.ok ? '' : reparsed.error.message).toBe(true);
        const again = applyOperation(doc, op, { asOf });
        expect(again).toStrictEqual(r);
      }),
      { numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(10);
  });

  it('a batch leaves the input as it was; a refused batch names an index inside it', () => {
    fc.assert(
      fc.property(docArb, fc.array(anyOperationArb, { maxLength: 5 }), (doc, ops) => {
        const before = structuredClone(doc);
        const r = applyOperations(doc, ops, { asOf: '2026-06' });
        expect(doc).toStrictEqual(before);
        if (!r.ok) {
          expect(r.index).toBeGreaterThanOrEqual(0);
          expect(r.index).toBeLessThan(ops.length);
          // Everything before the index applies on its own; the operation at the index does not.
          const prefix = applyOperations(doc, ops.slice(0, r.index), { asOf: '2026-06' });
          expect(prefix.ok).toBe(true);
          if (prefix.ok) expect(applyOperation(prefix.document, ops[r.index], { asOf: '2026-06' })).toStrictEqual({ ok: false, error: r.error });
        } else {
          expect(r.previews).toHaveLength(ops.length);
        }
      }),
      { numRuns: 100 },
    );
  });
});

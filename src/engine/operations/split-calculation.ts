import type { BusinessCase, Calculation, Input, Scenario, UseCase } from '../document-schema.ts';
import { fail, ok, type Result } from '../engine-error.ts';
import { evaluateScenario } from '../evaluate-scenario.ts';
import { compileCached, parseCached } from '../formula/formula-cache.ts';
import { FormulaRuntimeError } from '../formula/compile-formula.ts';
import { numberLiteral, replaceReferences } from '../formula/rewrite-formula.ts';
import { referenceNodes } from '../formula/ast.ts';
import { quoteFormula } from '../formula/quote-formula.ts';
import { monthIndex, monthText } from '../month.ts';
import { equalToTheCent } from '../round.ts';
import { formatNumber } from '../format-number.ts';
import type { SplitCalculation } from './operation-schema.ts';
import { findCalculation, findUseCase, useCaseIn } from './locate.ts';
import { copy, type OperationOutcome } from './simple-operations.ts';

type Part = SplitCalculation['parts'][number];

/** A key not yet taken in the use case: `base`, else `base_2`, `base_3`, ... */
function freeKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}

/** The use case's benefit for each month of the scenario's window (sum of its calculations). */
function useCaseMonthly(scenario: Scenario, useCase: UseCase): Result<Float64Array> {
  const ev = evaluateScenario({ ...scenario, useCases: [useCase] });
  if (!ev.ok) return ev;
  const out = new Float64Array(scenario.months);
  for (const c of ev.value.useCases[0]!.calculations) for (let i = 0; i < out.length; i++) out[i] = out[i]! + c.monthly[i]!;
  return ok(out);
}

/** Shapley values of the players 0..n-1 in the game `v` over bitmask coalitions. */
export function shapleyValues(n: number, v: (coalition: number) => number): number[] {
  const fact = [1];
  for (let i = 1; i <= n; i++) fact.push(fact[i - 1]! * i);
  const worth = new Float64Array(1 << n);
  for (let s = 0; s < 1 << n; s++) worth[s] = v(s);
  const phi = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < 1 << n; s++) {
      if (s & (1 << i)) continue;
      let size = 0;
      for (let t = s; t; t &= t - 1) size++;
      const weight = (fact[size]! * fact[n - size - 1]!) / fact[n]!;
      phi[i] = phi[i]! + weight * (worth[s | (1 << i)]! - worth[s]!);
    }
  }
  return phi;
}

/**
 * Operation 3: one calculation becomes two or more, each driven by exactly one metric.
 * `explicit` verifies the formulas the parts bring; `shapley` writes them so each part is
 * its metric's Shapley share of f(P) - f(R) and is 0 at its reference. Either way the split
 * is refused unless every month of the use case is unchanged to the cent.
 */
export function splitCalculation(doc: BusinessCase, op: SplitCalculation): Result<OperationOutcome> {
  const loc = findUseCase(doc, op.scenario, op.useCase);
  if (!loc.ok) return loc;
  const { scenario, useCase } = loc.value;
  const original = findCalculation(useCase, op.calculation);
  if (!original.ok) return original;
  const f = parseCached(original.value.formula);
  if (!f.ok) return fail('invalid_document', f.error.message);

  const inputs = new Map(useCase.inputs.map((i) => [i.key, i]));
  const otherIds = new Set(useCase.calculations.filter((c) => c.id !== op.calculation).map((c) => c.id));
  const seenIds = new Set<string>();
  const seenMetrics = new Set<string>();
  for (const [i, part] of op.parts.entries()) {
    const at = `$.parts[${i}]`;
    if (seenIds.has(part.id) || otherIds.has(part.id)) return fail('conflict', `part id '${part.id}' is already used in use case '${useCase.id}'`, `${at}.id`);
    seenIds.add(part.id);
    if (seenMetrics.has(part.metric)) return fail('refused', `metric '${part.metric}' is given to two parts; each part needs its own metric`, `${at}.metric`);
    seenMetrics.add(part.metric);
    const input = inputs.get(part.metric);
    if (!input) return fail('not_found', `metric '${part.metric}' is not an input of use case '${useCase.id}'`, `${at}.metric`);
    if (!f.refs.includes(part.metric))
      return fail('refused', `the formula of '${original.value.id}' does not refer to '${part.metric}' (formula: ${original.value.formula})`, `${at}.metric`);
    if (input.series && Object.keys(input.series).length > 0) {
      return fail('refused', `metric '${part.metric}' already has measurements; split before you measure`, `${at}.metric`);
    }
    if (op.strategy === 'explicit' && part.formula === undefined)
      return fail('invalid_operation', `part '${part.id}' needs a formula for the explicit strategy`, `${at}.formula`);
  }

  const taken = new Set(inputs.keys());
  const newInputs: Input[] = [];
  const frozen = new Map<string, string>();
  const freezeKey = (metric: string, create: boolean): string => {
    const existing = frozen.get(metric);
    if (existing) return existing;
    const input = inputs.get(metric)!;
    const key = create ? freeKey(`${metric}_frozen`, taken) : `${metric}_frozen`;
    frozen.set(metric, key);
    newInputs.push({ key, label: `${input.label} (frozen at split)`, unit: input.unit, value: input.value });
    return key;
  };
  const metrics = op.parts.map((p) => p.metric);

  let formulas: string[];
  if (op.strategy === 'explicit') {
    const r = explicitFormulas(op.parts, metrics, inputs, freezeKey);
    if (!r.ok) return r;
    formulas = r.value;
  } else {
    const r = shapleyFormulas(original.value, useCase, op.parts, freezeKey, (metric, w) => {
      const key = freeKey(`${metric}_weight`, taken);
      newInputs.push({ key, label: `Split weight: ${inputs.get(metric)!.label}`, unit: '', value: w });
      return key;
    });
    if (!r.ok) return r;
    formulas = r.value;
  }

  const next = copy(doc);
  const target = useCaseIn(next, op.scenario, op.useCase);
  const parts: Calculation[] = op.parts.map((p, i) => ({ id: p.id, name: p.name, formula: formulas[i]!, period: original.value.period, metric: p.metric }));
  const at = target.calculations.findIndex((c) => c.id === op.calculation);
  target.calculations.splice(at, 1, ...parts);
  target.inputs.push(...newInputs);

  const before = useCaseMonthly(scenario, useCase);
  if (!before.ok) return before;
  const after = useCaseMonthly(scenario, target);
  if (!after.ok) return fail('refused', `the split parts cannot be evaluated: ${after.error.message}`);
  for (let i = 0; i < before.value.length; i++) {
    if (!equalToTheCent(before.value[i]!, after.value[i]!)) {
      return fail(
        'refused',
        `the split does not keep the use case's benefit: in ${monthText(monthIndex(scenario.start) + i)} the parts add up to ${formatNumber(after.value[i]!)} instead of ${formatNumber(before.value[i]!)}`,
        '$.parts',
      );
    }
  }
  return ok({
    document: next,
    scenario: op.scenario,
    changes: [
      `calculation '${original.value.name}' (${original.value.formula}) is replaced by ${parts.length} single-metric calculations (${op.strategy}):`,
      ...parts.map((p) => `  ${p.name} (${p.id}), metric ${p.metric}: ${p.formula}`),
      ...newInputs.map((i) => `new constant input ${i.key} = ${i.value} (${i.label})`),
      'every month of the use case keeps its benefit to the cent',
    ],
  });
}

function explicitFormulas(
  parts: readonly Part[],
  metrics: readonly string[],
  inputs: Map<string, Input>,
  freezeKey: (metric: string, create: boolean) => string,
): Result<string[]> {
  const formulas: string[] = [];
  for (const [i, part] of parts.entries()) {
    const at = `$.parts[${i}].formula`;
    const p = parseCached(part.formula!);
    if (!p.ok) return fail('invalid_operation', `part '${part.id}' formula ${quoteFormula(part.formula!)}: ${p.error.message}`, at);
    if (!p.refs.includes(part.metric)) return fail('refused', `part '${part.id}' formula must refer to its metric '${part.metric}'`, at);
    for (const k of p.refs) {
      if (k !== part.metric && metrics.includes(k)) {
        return fail('refused', `part '${part.id}' formula refers to '${k}', the metric of another part; use '${k}_frozen' for its current value`, at);
      }
      if (inputs.has(k)) continue;
      const owner = metrics.find((m) => `${m}_frozen` === k);
      if (owner === undefined || owner === part.metric) {
        const position = referenceNodes(p.ast).find((n) => n.name === k)!.start + 1;
        return fail('refused', `part '${part.id}' formula refers to unknown key '${k}' at position ${position}`, at);
      }
      freezeKey(owner, false);
    }
    formulas.push(part.formula!);
  }
  return ok(formulas);
}

function shapleyFormulas(
  original: Calculation,
  useCase: UseCase,
  parts: readonly Part[],
  freezeKey: (metric: string, create: boolean) => string,
  weightKey: (metric: string, weight: number) => string,
): Result<string[]> {
  const keys = useCase.inputs.map((i) => i.key);
  const fn = compileCached(original.formula, keys);
  const P = useCase.inputs.map((i) => i.value);
  const slots = parts.map((p) => keys.indexOf(p.metric));
  const R = parts.map((p) => p.reference ?? 0);
  const n = parts.length;
  const at = (present: (i: number) => boolean): number => {
    const v = Float64Array.from(P);
    slots.forEach((slot, i) => {
      if (!present(i)) v[slot] = R[i]!;
    });
    return fn(v);
  };
  try {
    const fR = at(() => false);
    if (!equalToTheCent(fR, 0)) {
      return fail(
        'refused',
        `with every metric at its reference the formula yields ${formatNumber(fR)}, not 0; the shapley split needs f(reference) = 0 (set each part's reference to its "no improvement" value)`,
        '$.parts',
      );
    }
    const phi = shapleyValues(n, (s) => at((i) => (s & (1 << i)) !== 0) - fR);
    const fP = at(() => true);
    const formulas: string[] = [];
    for (const [i, part] of parts.entries()) {
      const d = fP - at((j) => j !== i);
      if (equalToTheCent(d, 0))
        return fail('refused', `metric '${part.metric}' has no effect at the current values; it cannot carry a part of the benefit`, `$.parts[${i}].metric`);
      const others = (k: string): string | undefined => (k !== part.metric && parts.some((q) => q.metric === k) ? freezeKey(k, true) : undefined);
      const live = replaceReferences(original.formula, others);
      const atReference = replaceReferences(original.formula, (k) => (k === part.metric ? numberLiteral(R[i]!) : others(k)));
      const w = phi[i]! / d;
      const difference = `(${live}) - (${atReference})`;
      formulas.push(Math.abs(w - 1) < 1e-12 ? difference : `${weightKey(part.metric, w)} * (${difference})`);
    }
    return ok(formulas);
  } catch (e) {
    if (e instanceof FormulaRuntimeError) return fail('refused', `the shapley split cannot evaluate the formula at the references: ${e.message}`, '$.parts');
    throw e;
  }
}

import type { BusinessCase, Scenario, UseCase } from '../document-schema.ts';
import { fail, ok, type Result } from '../engine-error.ts';
import { evaluateScenario } from '../evaluate-scenario.ts';
import { parseCached } from '../formula/formula-cache.ts';
import { replaceReferences } from '../formula/rewrite-formula.ts';
import { monthIndex, monthText } from '../month.ts';
import { equalToTheCent } from '../round.ts';
import { formatNumber } from '../format-number.ts';
import type { ConvertCalculation } from './operation-schema.ts';
import { findCalculation, findInput, findUseCase, useCaseIn } from './locate.ts';
import { copy, type OperationOutcome } from './simple-operations.ts';

/** The monthly benefit of one calculation of a use case over a scenario's window. */
export function calculationMonthly(scenario: Scenario, useCase: UseCase, calculationId: string): Result<number[]> {
  const ev = evaluateScenario({ ...scenario, useCases: [useCase] });
  if (!ev.ok) return ev;
  return ok(ev.value.useCases[0]!.calculations.find((c) => c.calculation.id === calculationId)!.monthly);
}

/**
 * Operation 2, the "baseline x % improvement" conversion: the percentage input is replaced,
 * in this calculation's formula, by the measured improvement of a new time-series metric
 * over a constant baseline, `max(0, (M - B) / B)` (or `(B - M) / B` for a decrease). The
 * original percentage is kept as `<percentInput>_target`. Refused unless, with the metric at
 * its target (B x (1 + p) or B x (1 - p)), every month's benefit is unchanged to the cent.
 */
export function convertCalculation(doc: BusinessCase, op: ConvertCalculation): Result<OperationOutcome> {
  const loc = findUseCase(doc, op.scenario, op.useCase);
  if (!loc.ok) return loc;
  const { scenario, useCase } = loc.value;
  const calc = findCalculation(useCase, op.calculation);
  if (!calc.ok) return calc;
  const keys = new Set(useCase.inputs.map((i) => i.key));
  const M = op.metric.key;
  if (keys.has(M)) return fail('conflict', `metric key '${M}' already exists in use case '${useCase.id}'; choose a new key`, '$.metric.key');

  const percent = findInput(useCase, op.percentInput, 'percentInput');
  if (!percent.ok) return percent;
  if (percent.value.series) return fail('refused', `percentInput '${op.percentInput}' is time-series; it must be a constant input`, '$.percentInput');
  const parsed = parseCached(calc.value.formula);
  if (!parsed.ok || !parsed.refs.includes(op.percentInput)) {
    return fail('refused', `calculation '${calc.value.id}' does not refer to '${op.percentInput}' (formula: ${calc.value.formula})`, '$.percentInput');
  }
  const targetKey = `${op.percentInput}_target`;
  if (keys.has(targetKey)) return fail('conflict', `input '${targetKey}' already exists in use case '${useCase.id}'`, '$.percentInput');
  if (M === targetKey) return fail('conflict', `metric key '${M}' is the key the kept target takes; choose another metric key`, '$.metric.key');

  let B: number;
  let baselineKey: string;
  let newBaseline = false;
  if (op.baselineInput !== undefined) {
    const base = findInput(useCase, op.baselineInput, 'baselineInput');
    if (!base.ok) return base;
    if (base.value.series)
      return fail('refused', `baselineInput '${op.baselineInput}' is time-series; the baseline must be a constant input`, '$.baselineInput');
    if (op.baselineInput === op.percentInput) return fail('refused', 'baselineInput cannot be the percentInput', '$.baselineInput');
    B = base.value.value;
    baselineKey = op.baselineInput;
  } else if (op.baseline !== undefined) {
    B = op.baseline;
    baselineKey = `${M}_baseline`;
    newBaseline = true;
    if (keys.has(baselineKey)) return fail('conflict', `input '${baselineKey}' already exists in use case '${useCase.id}'`, '$.metric.key');
  } else {
    return fail('invalid_operation', 'a baseline is required: give baselineInput (an existing constant input) or baseline (a number)', '$.baseline');
  }
  if (B === 0)
    return fail(
      'refused',
      `the baseline is 0; an improvement relative to a baseline of 0 is undefined`,
      op.baselineInput !== undefined ? '$.baselineInput' : '$.baseline',
    );

  const p = percent.value.value;
  const clamp = op.clampNegative ?? true;
  const improvement = op.direction === 'increase' ? `(${M} - ${baselineKey}) / ${baselineKey}` : `(${baselineKey} - ${M}) / ${baselineKey}`;
  const replacement = clamp ? `max(0, ${improvement})` : `(${improvement})`;
  const formula = replaceReferences(calc.value.formula, (k) => (k === op.percentInput ? replacement : undefined));
  const written = parseCached(formula);
  if (!written.ok) {
    return fail('refused', `the converted formula of calculation '${calc.value.id}' would be refused: ${written.error.message}`, '$.calculation');
  }

  const next = copy(doc);
  const target = useCaseIn(next, op.scenario, op.useCase);
  const label = percent.value.label;
  if (newBaseline) target.inputs.push({ key: baselineKey, label: `Baseline: ${op.metric.label}`, unit: op.metric.unit, value: B });
  target.inputs.push({ key: M, label: op.metric.label, unit: op.metric.unit, value: B, series: {} });
  target.inputs.push({ key: targetKey, label: `Target: ${label}`, unit: 'percent', value: p });
  const c = target.calculations.find((x) => x.id === op.calculation)!;
  c.formula = formula;
  c.metric = M;
  const stillUsed = target.calculations.some((x) => {
    const r = parseCached(x.formula);
    return r.ok && r.refs.includes(op.percentInput);
  });
  if (!stillUsed) target.inputs = target.inputs.filter((i) => i.key !== op.percentInput);

  // The check: with M at its target, every month equals the benefit before, to the cent.
  const targetValue = op.direction === 'increase' ? B * (1 + p) : B * (1 - p);
  const atTarget = copy(target);
  atTarget.inputs.find((i) => i.key === M)!.value = targetValue;
  const before = calculationMonthly(scenario, useCase, op.calculation);
  if (!before.ok) return before;
  const after = calculationMonthly(scenario, atTarget, op.calculation);
  if (!after.ok) return after;
  for (let i = 0; i < before.value.length; i++) {
    if (!equalToTheCent(before.value[i]!, after.value[i]!)) {
      return fail(
        'refused',
        `the conversion does not keep the projected benefit: in ${monthText(monthIndex(scenario.start) + i)}, with ${M} at its target ${formatNumber(targetValue)}, calculation '${c.id}' yields ${formatNumber(after.value[i]!)} instead of ${formatNumber(before.value[i]!)}`,
        '$.calculation',
      );
    }
  }

  const pct = `${formatNumber(p * 100)}%`;
  return ok({
    document: next,
    scenario: op.scenario,
    changes: [
      `calculation '${c.name}' now tracks ${op.metric.label} (${M}) monthly: formula ${calc.value.formula} -> ${formula}`,
      `baseline ${op.metric.label}: ${formatNumber(B)}${op.metric.unit ? ` ${op.metric.unit}` : ''}${newBaseline ? ` (new input ${baselineKey})` : ` (input ${baselineKey})`}; target ${formatNumber(targetValue)} (${op.direction === 'increase' ? '+' : '-'}${pct}), kept as ${targetKey}`,
      ...(stillUsed ? [] : [`input '${op.percentInput}' removed (no formula refers to it any more)`]),
      'until the first measurement the improvement is 0',
    ],
  });
}

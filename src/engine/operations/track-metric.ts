import type { BusinessCase } from '../document-schema.ts';
import { fail, ok, type Result } from '../engine-error.ts';
import { parseCached } from '../formula/formula-cache.ts';
import { formatValue } from '../format-number.ts';
import type { TrackMetric } from './operation-schema.ts';
import { findCalculation, findInput, findUseCase, useCaseIn } from './locate.ts';
import { copy, type OperationOutcome } from './simple-operations.ts';

/**
 * (2) Operation 8: a calculation starts being measured through one of its inputs directly,
 * without a conversion (e.g. a deflection rate). The input becomes time-series (value and
 * entries kept), becomes the calculation's `metric`, and its value before the change is kept
 * as `<input>_target` unless that key exists. Until its first entry the calculation claims
 * nothing.
 */
export function trackMetric(doc: BusinessCase, op: TrackMetric): Result<OperationOutcome> {
  const loc = findUseCase(doc, op.scenario, op.useCase);
  if (!loc.ok) return loc;
  const { useCase } = loc.value;
  const calc = findCalculation(useCase, op.calculation);
  if (!calc.ok) return calc;
  if (calc.value.metric !== undefined) {
    return fail('refused', `calculation '${op.calculation}' already tracks '${calc.value.metric}'; a calculation has one metric`, '$.calculation');
  }
  const input = findInput(useCase, op.input);
  if (!input.ok) return input;
  const parsed = parseCached(calc.value.formula);
  if (!parsed.ok || !parsed.refs.includes(op.input)) {
    return fail('refused', `calculation '${op.calculation}' does not refer to '${op.input}' (formula: ${calc.value.formula})`, '$.input');
  }
  const next = copy(doc);
  const target = useCaseIn(next, op.scenario, op.useCase);
  const inp = target.inputs.find((i) => i.key === op.input)!;
  const targetKey = `${op.input}_target`;
  const keepTarget = !target.inputs.some((i) => i.key === targetKey);
  if (keepTarget) target.inputs.push({ key: targetKey, label: `Target: ${inp.label}`, unit: inp.unit, value: inp.value });
  const entries = Object.keys(inp.series ?? {}).length;
  inp.series = inp.series ?? {};
  target.calculations.find((c) => c.id === op.calculation)!.metric = op.input;
  return ok({
    document: next,
    scenario: op.scenario,
    changes: [
      `calculation '${calc.value.name}' now tracks ${inp.label} (${op.input}) monthly`,
      keepTarget ? `the planned ${formatValue(inp.value, inp.unit)} is kept as ${targetKey}` : `input '${targetKey}' already exists and is kept as it is`,
      entries > 0
        ? `its ${entries} existing monthly value(s) now count as measurements`
        : 'until the first measurement the calculation claims no realized benefit',
    ],
  });
}

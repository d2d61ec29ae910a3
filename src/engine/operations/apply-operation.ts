import type { BusinessCase } from '../document-schema.ts';
import { fail, ok, type EngineError, type Result } from '../engine-error.ts';
import { checkDocument, zodIssueToError } from '../validate-document.ts';
import { summarize, type Summary } from '../summarize.ts';
import { isMonth } from '../month.ts';
import { OPERATION_SCHEMAS, type Operation, type OperationName } from './operation-schema.ts';
import {
  addMilestone,
  annotateMeasurement,
  createRealizationScenario,
  enableMonthlyValues,
  lockMonths,
  recordMeasurement,
  removeMeasurement,
  setInput,
  updateMilestone,
  type OperationOutcome,
} from './simple-operations.ts';
import { trackMetric } from './track-metric.ts';
import { guardLockedMonths } from './lock-guard.ts';
import { convertCalculation } from './convert-calculation.ts';
import { splitCalculation } from './split-calculation.ts';

/** Operations whose effect can reach every month of the window (the preview says the locked months keep their figures). */
const SPANS_MONTHS: ReadonlySet<OperationName> = new Set(['setInput', 'trackMetric', 'convertCalculation', 'splitCalculation', 'enableMonthlyValues']);

/** Headline figures of one scenario, before or after an operation (money rounded to cents). */
export interface Figures {
  total: number;
  realizedToDate: number | null;
  measuredToDate: number | null;
  assumedToDate: number | null;
  useCases: Array<{ id: string; name: string; total: number; realizedToDate: number | null }>;
}

/** What a human sees before approving: what changes and the engine's before/after figures. */
export interface OperationPreview {
  op: OperationName;
  scenario: string;
  asOf: string;
  changes: string[];
  /** Null when the scenario did not exist (or could not be evaluated) before. */
  before: Figures | null;
  after: Figures;
}

/** A successful operation: the new document and its preview. */
export interface Applied {
  document: BusinessCase;
  preview: OperationPreview;
}

/** Context the caller injects: the month "to date" figures are computed as of. */
export interface OperationContext {
  asOf: string;
}

/**
 * Validates an unknown value as an operation: an unknown `op` or unknown field is refused
 * with the field's path.
 */
export function parseOperation(value: unknown): Result<Operation> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('invalid_operation', 'an operation must be a JSON object with an "op" field');
  const name = (value as { op?: unknown }).op;
  if (typeof name !== 'string' || !Object.hasOwn(OPERATION_SCHEMAS, name)) {
    return fail('invalid_operation', `unknown op ${JSON.stringify(name ?? null)}; expected one of ${Object.keys(OPERATION_SCHEMAS).join(', ')}`, '$.op');
  }
  const parsed = OPERATION_SCHEMAS[name as OperationName].safeParse(value, { reportInput: true });
  if (!parsed.success) return { ok: false, error: zodIssueToError(parsed.error, 'invalid_operation') };
  return ok(parsed.data as Operation);
}

function run(doc: BusinessCase, op: Operation): Result<OperationOutcome> {
  switch (op.op) {
    case 'createRealizationScenario':
      return createRealizationScenario(doc, op);
    case 'convertCalculation':
      return convertCalculation(doc, op);
    case 'splitCalculation':
      return splitCalculation(doc, op);
    case 'recordMeasurement':
      return recordMeasurement(doc, op);
    case 'enableMonthlyValues':
      return enableMonthlyValues(doc, op);
    case 'setInput':
      return setInput(doc, op);
    case 'addMilestone':
      return addMilestone(doc, op);
    case 'lockMonths':
      return lockMonths(doc, op);
    case 'updateMilestone':
      return updateMilestone(doc, op);
    case 'removeMeasurement':
      return removeMeasurement(doc, op);
    case 'annotateMeasurement':
      return annotateMeasurement(doc, op);
    case 'trackMetric':
      return trackMetric(doc, op);
  }
}

/** The headline figures of a scenario as of a month; compare is off (figures are the scenario's own). */
export function figuresOf(doc: BusinessCase, scenario: string, asOf: string): Result<Figures> {
  const s = summarize(doc, { scenario, asOf, compare: null });
  if (!s.ok) return s;
  return ok(toFigures(s.value));
}

function toFigures(s: Summary): Figures {
  return {
    total: s.total,
    realizedToDate: s.realizedToDate,
    measuredToDate: s.measuredToDate,
    assumedToDate: s.assumedToDate,
    useCases: s.useCases.map((u) => ({ id: u.id, name: u.name, total: u.total, realizedToDate: u.realizedToDate })),
  };
}

/**
 * Applies one operation: validates it, runs the pure operation on a copy, re-checks the
 * whole document, (2) refuses any change to a locked month's figures (the lock guard;
 * `lockMonths` and `annotateMeasurement` are exempt), and evaluates the changed scenario
 * before and after. A refused
 * operation (or one whose result could not be evaluated, e.g. a division by zero) returns
 * the error and the caller's document is untouched.
 */
export function applyOperation(doc: BusinessCase, operation: unknown, context: OperationContext): Result<Applied> {
  if (!isMonth(context.asOf)) return fail('invalid_argument', `asOf '${context.asOf}' is not a month YYYY-MM`);
  const parsed = parseOperation(operation);
  if (!parsed.ok) return parsed;
  const op = parsed.value;
  const outcome = run(doc, op);
  if (!outcome.ok) return outcome;
  const { document, scenario, changes } = outcome.value;
  const problem = checkDocument(document);
  if (problem) return fail('refused', `the change would make the document invalid: ${problem.message}`, problem.path);
  let lockLine: string | null = null;
  if (op.op !== 'lockMonths' && op.op !== 'annotateMeasurement') {
    const guard = guardLockedMonths(doc, document, scenario, op.op);
    if (!guard.ok) return guard;
    // Said only where an operation reaches across months; a measurement's month rules
    // already keep it out of the locked months.
    if (SPANS_MONTHS.has(op.op)) lockLine = guard.value;
  }
  const after = figuresOf(document, scenario, context.asOf);
  if (!after.ok) return fail('refused', `the change cannot be evaluated: ${after.error.message}`);
  const existed = doc.scenarios.some((s) => s.id === scenario);
  const before = existed ? figuresOf(doc, scenario, context.asOf) : null;
  return ok({
    document,
    preview: {
      op: op.op,
      scenario,
      asOf: context.asOf,
      changes: lockLine ? [...changes, lockLine] : changes,
      before: before?.ok ? before.value : null,
      after: after.value,
    },
  });
}

/**
 * Applies operations in order; stops at the first refusal and reports its index. Nothing
 * of a refused batch is kept.
 */
export function applyOperations(
  doc: BusinessCase,
  operations: readonly unknown[],
  context: OperationContext,
): { ok: true; document: BusinessCase; previews: OperationPreview[] } | { ok: false; index: number; error: EngineError } {
  let current = doc;
  const previews: OperationPreview[] = [];
  for (const [index, op] of operations.entries()) {
    const r = applyOperation(current, op, context);
    if (!r.ok) return { ok: false, index, error: r.error };
    current = r.value.document;
    previews.push(r.value.preview);
  }
  return { ok: true, document: current, previews };
}

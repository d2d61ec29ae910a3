import type { BusinessCase, SeriesEntry } from '../document-schema.ts';
import { entryValue } from '../document-schema.ts';
import { fail, ok, type Result } from '../engine-error.ts';
import { monthIndex, windowEnd } from '../month.ts';
import { formatAmount, formatValue } from '../format-number.ts';
import type {
  AddMilestone,
  CreateRealizationScenario,
  EnableMonthlyValues,
  LockMonths,
  RecordMeasurement,
  SetInput,
} from './operation-schema.ts';
import { findInput, findScenario, findUseCase, inputIn } from './locate.ts';

/**
 * What an operation function returns: the new document (a fresh copy; the input is never
 * touched), the scenario it changed, and human-readable lines saying what changed.
 */
export interface OperationOutcome {
  document: BusinessCase;
  scenario: string;
  changes: string[];
}

/** Deep copy for copy-on-write operations. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}


/** Operation 1: a realization scenario copied from a future scenario. */
export function createRealizationScenario(doc: BusinessCase, op: CreateRealizationScenario): Result<OperationOutcome> {
  const existing = doc.scenarios.find((s) => s.kind === 'realization');
  if (existing) return fail('conflict', `the business case already has a realization scenario ('${existing.id}'); it can have only one`, '$.op');
  const from = findScenario(doc, op.from);
  if (!from.ok) return fail('not_found', from.error.message, '$.from');
  if (from.value.kind !== 'future') return fail('refused', `scenario '${op.from}' is not a future scenario`, '$.from');
  if (doc.scenarios.some((s) => s.id === op.id)) return fail('conflict', `a scenario '${op.id}' already exists`, '$.id');
  const next = copy(doc);
  const useCases = copy(from.value.useCases).map((u) => ({
    ...u,
    inputs: u.inputs.map(({ series: _series, ...input }) => input),
  }));
  next.scenarios.push({
    id: op.id,
    name: op.name,
    kind: 'realization',
    start: op.start,
    months: op.months,
    basedOn: op.from,
    ...(from.value.investment ? { investment: copy(from.value.investment) } : {}),
    useCases,
  });
  const calcs = useCases.reduce((n, u) => n + u.calculations.length, 0);
  return ok({
    document: next,
    scenario: op.id,
    changes: [
      `new realization scenario '${op.name}' (${op.id}), ${op.start} to ${windowEnd(op.start, op.months)} (${op.months} months), based on '${from.value.name}'`,
      `copied ${useCases.length} use case(s) and ${calcs} calculation(s); inputs are constants holding their values`,
    ],
  });
}

/** Checks a month is inside the scenario's window and after its lock. */
function writableMonth(doc: BusinessCase, scenarioId: string, month: string): string | null {
  const s = doc.scenarios.find((x) => x.id === scenarioId)!;
  const m = monthIndex(month);
  const start = monthIndex(s.start);
  if (m < start || m > start + s.months - 1) return `month ${month} is outside scenario '${s.id}' (${s.start} to ${windowEnd(s.start, s.months)})`;
  if (s.lockedThrough !== undefined && m <= monthIndex(s.lockedThrough)) return `month ${month} is locked (scenario '${s.id}' is locked through ${s.lockedThrough})`;
  return null;
}

/** Operation 4: one series entry set (replacing keeps the old value in the store's history). */
export function recordMeasurement(doc: BusinessCase, op: RecordMeasurement): Result<OperationOutcome> {
  const loc = findUseCase(doc, op.scenario, op.useCase);
  if (!loc.ok) return loc;
  const input = findInput(loc.value.useCase, op.input);
  if (!input.ok) return input;
  if (!input.value.series) {
    return fail('refused', `input '${op.input}' is not time-series; enable monthly values on it first (enableMonthlyValues)`, '$.input');
  }
  const problem = writableMonth(doc, op.scenario, op.month);
  if (problem) return fail('refused', problem, '$.month');
  const next = copy(doc);
  const inp = inputIn(next, op.scenario, op.useCase, op.input);
  const previous = inp.series![op.month];
  const entry: SeriesEntry =
    op.note === undefined && op.evidence === undefined && op.source === undefined
      ? op.value
      : {
          value: op.value,
          ...(op.note !== undefined ? { note: op.note } : {}),
          ...(op.evidence !== undefined ? { evidence: op.evidence } : {}),
          ...(op.source !== undefined ? { source: op.source } : {}),
        };
  inp.series = Object.fromEntries(Object.entries({ ...inp.series!, [op.month]: entry }).sort(([a], [b]) => (a < b ? -1 : 1)));
  const what = `${inp.label} (${op.input}) in ${op.month}: ${describeEntry(entry, inp.unit)}`;
  return ok({
    document: next,
    scenario: op.scenario,
    changes: [previous === undefined ? `recorded ${what}` : `replaced ${what} (was ${describeEntry(previous, inp.unit)})`],
  });
}

/**
 * A series entry as the preview names it: the value, then the note, evidence and source it
 * carries, each as a JSON string (so a person's text can neither end its own field nor start
 * a line). An approver sees the proof they approve and what it replaces, and since a stale
 * proposal is re-checked by its preview, a change to any of them since makes it stale.
 */
function describeEntry(entry: SeriesEntry, unit: string): string {
  if (typeof entry === 'number') return formatValue(entry, unit);
  const details = (['note', 'evidence', 'source'] as const).flatMap((field) => (entry[field] !== undefined ? [`${field} ${JSON.stringify(entry[field])}`] : []));
  return [formatValue(entry.value, unit), ...details].join(', ');
}

/** Operation 5: a constant input becomes time-series, its value unchanged, no entries. */
export function enableMonthlyValues(doc: BusinessCase, op: EnableMonthlyValues): Result<OperationOutcome> {
  const loc = findUseCase(doc, op.scenario, op.useCase);
  if (!loc.ok) return loc;
  const input = findInput(loc.value.useCase, op.input);
  if (!input.ok) return input;
  if (input.value.series) return fail('refused', `input '${op.input}' is already time-series`, '$.input');
  const next = copy(doc);
  const inp = inputIn(next, op.scenario, op.useCase, op.input);
  inp.series = {};
  return ok({
    document: next,
    scenario: op.scenario,
    changes: [`${inp.label} (${op.input}) now takes monthly values; until the first one it stays ${formatAmount(inp.value, inp.unit)}`],
  });
}

/** Operation 6: a constant input's value changes. */
export function setInput(doc: BusinessCase, op: SetInput): Result<OperationOutcome> {
  const loc = findUseCase(doc, op.scenario, op.useCase);
  if (!loc.ok) return loc;
  const input = findInput(loc.value.useCase, op.input);
  if (!input.ok) return input;
  if (input.value.series) {
    return fail('refused', `input '${op.input}' is time-series: its values are measurements; record a measurement instead`, '$.input');
  }
  const next = copy(doc);
  const inp = inputIn(next, op.scenario, op.useCase, op.input);
  const was = inp.value;
  inp.value = op.value;
  return ok({ document: next, scenario: op.scenario, changes: [`${inp.label} (${op.input}): ${formatAmount(was, inp.unit)} -> ${formatAmount(op.value, inp.unit)}`] });
}

/** Operation 7a: a milestone is added to a scenario. */
export function addMilestone(doc: BusinessCase, op: AddMilestone): Result<OperationOutcome> {
  const s = findScenario(doc, op.scenario);
  if (!s.ok) return s;
  if ((s.value.milestones ?? []).some((m) => m.id === op.id)) return fail('conflict', `scenario '${op.scenario}' already has a milestone '${op.id}'`, '$.id');
  const next = copy(doc);
  const target = next.scenarios.find((x) => x.id === op.scenario)!;
  const { op: _op, scenario: _scenario, ...milestone } = op;
  target.milestones = [...(target.milestones ?? []), milestone];
  const when = [op.targetMonth && `target ${op.targetMonth}`, op.achievedMonth && `achieved ${op.achievedMonth}`].filter(Boolean).join(', ');
  return ok({ document: next, scenario: op.scenario, changes: [`milestone '${op.name}' (${op.id})${when ? `: ${when}` : ''}`] });
}

/** Operation 7b: months up to `through` are locked; a lock only moves forward. */
export function lockMonths(doc: BusinessCase, op: LockMonths): Result<OperationOutcome> {
  const s = findScenario(doc, op.scenario);
  if (!s.ok) return s;
  const current = s.value.lockedThrough;
  if (current !== undefined && monthIndex(op.through) <= monthIndex(current)) {
    return fail('refused', `scenario '${op.scenario}' is already locked through ${current}; a lock only moves forward`, '$.through');
  }
  const next = copy(doc);
  next.scenarios.find((x) => x.id === op.scenario)!.lockedThrough = op.through;
  return ok({
    document: next,
    scenario: op.scenario,
    changes: [`months through ${op.through} are locked${current ? ` (was through ${current})` : ''}; their measurements can no longer change`],
  });
}

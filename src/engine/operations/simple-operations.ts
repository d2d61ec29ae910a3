import type { BusinessCase, Input, SeriesEntry } from '../document-schema.ts';
import { entryValue } from '../document-schema.ts';
import { fail, ok, type Result } from '../engine-error.ts';
import { monthIndex, monthLabel, windowEnd } from '../month.ts';
import { formatAmount, formatValue } from '../format-number.ts';
import type {
  AddMilestone,
  AnnotateMeasurement,
  CreateRealizationScenario,
  EnableMonthlyValues,
  LockMonths,
  RecordMeasurement,
  RemoveMeasurement,
  SetInput,
  UpdateMilestone,
} from './operation-schema.ts';
import { findInput, findScenario, findUseCase, inputIn, type UseCaseLocation } from './locate.ts';

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
  if (s.lockedThrough !== undefined && m <= monthIndex(s.lockedThrough))
    return `month ${month} is locked (scenario '${s.id}' is locked through ${s.lockedThrough})`;
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
  const inp = input.value;
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
  // Only the path to the changed input is copied; the rest is shared with `doc`, which no
  // operation writes to (the others deep-copy first). A batch of measurements (a CSV import
  // of 1,000 rows) would otherwise copy the whole document once per row.
  const series = sortedSeries({ ...inp.series!, [op.month]: entry });
  const next: BusinessCase = {
    ...doc,
    scenarios: doc.scenarios.map((s) =>
      s.id !== op.scenario
        ? s
        : {
            ...s,
            useCases: s.useCases.map((u) => (u.id !== op.useCase ? u : { ...u, inputs: u.inputs.map((i) => (i.key !== op.input ? i : { ...i, series })) })),
          },
    ),
  };
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
  const details = (['note', 'evidence', 'source'] as const).flatMap((field) =>
    entry[field] !== undefined ? [`${field} ${JSON.stringify(entry[field])}`] : [],
  );
  return [formatValue(entry.value, unit), ...details].join(', ');
}

/** The time-series input an operation names, or the refusal. */
function seriesInput(doc: BusinessCase, op: { scenario: string; useCase: string; input: string }): Result<Input> {
  const loc = findUseCase(doc, op.scenario, op.useCase);
  if (!loc.ok) return loc;
  const input = findInput(loc.value.useCase, op.input);
  if (!input.ok) return input;
  if (!input.value.series) return fail('refused', `input '${op.input}' is not time-series: it has no monthly entries`, '$.input');
  return input;
}

/** (2) Operation 4b: one series entry removed; the input stays time-series. */
export function removeMeasurement(doc: BusinessCase, op: RemoveMeasurement): Result<OperationOutcome> {
  const input = seriesInput(doc, op);
  if (!input.ok) return input;
  const problem = writableMonth(doc, op.scenario, op.month);
  if (problem) return fail('refused', problem, '$.month');
  const entry = input.value.series![op.month];
  if (entry === undefined) return fail('refused', `input '${op.input}' has no entry in ${op.month}${entryMonths(input.value)}`, '$.month');
  const next = copy(doc);
  const inp = inputIn(next, op.scenario, op.useCase, op.input);
  const { [op.month]: _removed, ...rest } = inp.series!;
  inp.series = rest;
  const after = valueAt(inp, op.month);
  return ok({
    document: next,
    scenario: op.scenario,
    changes: [
      `removed ${inp.label} (${op.input}) in ${op.month}: ${describeEntry(entry, inp.unit)}; ${op.month} now takes ${formatValue(after, inp.unit)} (${Object.keys(rest).some((m) => m < op.month) ? 'carried forward' : 'no measurement before it'})`,
    ],
  });
}

/** " (entries: 2025-08, 2025-10)" for a refusal, or "" when there are none. */
function entryMonths(input: Input): string {
  const months = Object.keys(input.series ?? {}).sort();
  return months.length ? ` (entries: ${months.join(', ')})` : ' (it has no entries yet)';
}

/**
 * (2) Operation 4c: the note, evidence or source of an existing entry set, its value kept;
 * a field given as "" is removed. It changes no figure, so locked months allow it.
 */
export function annotateMeasurement(doc: BusinessCase, op: AnnotateMeasurement): Result<OperationOutcome> {
  const input = seriesInput(doc, op);
  if (!input.ok) return input;
  const entry = input.value.series![op.month];
  if (entry === undefined) return fail('refused', `input '${op.input}' has no entry in ${op.month} to annotate${entryMonths(input.value)}`, '$.month');
  const fields = { ...(typeof entry === 'number' ? { value: entry } : entry) } as Exclude<SeriesEntry, number>;
  const said: string[] = [];
  for (const field of ['note', 'evidence', 'source'] as const) {
    const given = op[field];
    if (given === undefined) continue;
    if (given === '') {
      delete fields[field];
      said.push(`${field} removed`);
    } else {
      fields[field] = given;
      said.push(`${field} ${JSON.stringify(given)}`);
    }
  }
  const annotated: SeriesEntry = fields.note === undefined && fields.evidence === undefined && fields.source === undefined ? fields.value : fields;
  const next = copy(doc);
  const inp = inputIn(next, op.scenario, op.useCase, op.input);
  inp.series = { ...inp.series!, [op.month]: annotated };
  return ok({
    document: next,
    scenario: op.scenario,
    changes: [`annotated ${inp.label} (${op.input}) in ${op.month}, value ${formatValue(entryValue(entry), inp.unit)} unchanged: ${said.join(', ')}`],
  });
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

/**
 * Operation 6: an assumption changes. Without `from`, a constant input's value changes in
 * every month. (2) With `from`, the change holds from that month on: the input becomes (or
 * stays) time-series with an entry at `from`; refused on a calculation's metric, whose
 * values are measurements.
 */
export function setInput(doc: BusinessCase, op: SetInput): Result<OperationOutcome> {
  const loc = findUseCase(doc, op.scenario, op.useCase);
  if (!loc.ok) return loc;
  const input = findInput(loc.value.useCase, op.input);
  if (!input.ok) return input;
  if (op.from !== undefined) return setInputFrom(doc, op, loc.value, input.value, op.from);
  if (input.value.series) {
    return fail(
      'refused',
      `input '${op.input}' is time-series: its values change by month; give the month the new value holds from (setInput with from), or record a measurement if it is a metric`,
      '$.input',
    );
  }
  const next = copy(doc);
  const inp = inputIn(next, op.scenario, op.useCase, op.input);
  const was = inp.value;
  inp.value = op.value;
  return ok({
    document: next,
    scenario: op.scenario,
    changes: [`${inp.label} (${op.input}): ${formatAmount(was, inp.unit)} -> ${formatAmount(op.value, inp.unit)} in every month`],
  });
}

function setInputFrom(doc: BusinessCase, op: SetInput, loc: UseCaseLocation, input: Input, from: string): Result<OperationOutcome> {
  const measuredBy = loc.useCase.calculations.find((c) => c.metric === op.input);
  if (measuredBy) {
    return fail(
      'refused',
      `input '${op.input}' is the metric of calculation '${measuredBy.id}': its monthly values are measurements; record a measurement (recordMeasurement) instead`,
      '$.input',
    );
  }
  const problem = writableMonth(doc, op.scenario, from);
  if (problem) return fail('refused', problem, '$.from');
  const next = copy(doc);
  const inp = inputIn(next, op.scenario, op.useCase, op.input);
  const was = valueAt(input, from);
  const replaced = inp.series?.[from];
  inp.series = sortedSeries({ ...(inp.series ?? {}), [from]: op.value });
  const changes = [
    `${inp.label} (${op.input}): ${formatAmount(was, inp.unit)} -> ${formatAmount(op.value, inp.unit)} from ${monthLabel(from)} on; months before ${monthLabel(from)} keep their values`,
  ];
  if (!input.series) changes.push(`${inp.label} (${op.input}) now changes by month (a changing assumption, not a measurement)`);
  if (replaced !== undefined) changes.push(`replaces the value set from ${monthLabel(from)} (was ${formatAmount(entryValue(replaced), inp.unit)})`);
  return ok({ document: next, scenario: op.scenario, changes });
}

/** An input's value in force in a month (entries carry forward; before the first, `value`). */
function valueAt(input: Input, month: string): number {
  let latest: string | undefined;
  for (const m in input.series ?? {}) if (m <= month && (latest === undefined || m > latest)) latest = m;
  return latest === undefined ? input.value : entryValue(input.series![latest]!);
}

/** A series with its months in calendar order (documents read better that way). */
function sortedSeries<T>(series: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(series).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A milestone name as compared for duplicates: without case and surrounding spaces. */
const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Operation 7a: a milestone is added to a scenario; (2) refused when one has the same name. */
export function addMilestone(doc: BusinessCase, op: AddMilestone): Result<OperationOutcome> {
  const s = findScenario(doc, op.scenario);
  if (!s.ok) return s;
  if ((s.value.milestones ?? []).some((m) => m.id === op.id)) return fail('conflict', `scenario '${op.scenario}' already has a milestone '${op.id}'`, '$.id');
  const twin = (s.value.milestones ?? []).find((m) => sameName(m.name, op.name));
  if (twin) {
    return fail('conflict', `scenario '${op.scenario}' already has a milestone named '${twin.name}' (${twin.id}); change it with updateMilestone`, '$.name');
  }
  const next = copy(doc);
  const target = next.scenarios.find((x) => x.id === op.scenario)!;
  const { op: _op, scenario: _scenario, ...milestone } = op;
  target.milestones = [...(target.milestones ?? []), milestone];
  const when = [op.targetMonth && `target ${op.targetMonth}`, op.achievedMonth && `achieved ${op.achievedMonth}`].filter(Boolean).join(', ');
  return ok({ document: next, scenario: op.scenario, changes: [`milestone '${op.name}' (${op.id})${when ? `: ${when}` : ''}`] });
}

/** (2) Operation 7c: the given fields of a milestone set; `null` clears a month or the note. */
export function updateMilestone(doc: BusinessCase, op: UpdateMilestone): Result<OperationOutcome> {
  const s = findScenario(doc, op.scenario);
  if (!s.ok) return s;
  const milestones = s.value.milestones ?? [];
  const current = milestones.find((m) => m.id === op.id);
  if (!current) {
    return fail('not_found', `scenario '${op.scenario}' has no milestone '${op.id}' (milestones: ${milestones.map((m) => m.id).join(', ') || 'none'})`, '$.id');
  }
  if (op.name !== undefined) {
    const twin = milestones.find((m) => m.id !== op.id && sameName(m.name, op.name!));
    if (twin) return fail('conflict', `scenario '${op.scenario}' already has a milestone named '${twin.name}' (${twin.id})`, '$.name');
  }
  const next = copy(doc);
  const milestone = next.scenarios.find((x) => x.id === op.scenario)!.milestones!.find((m) => m.id === op.id)!;
  const said: string[] = [];
  if (op.name !== undefined && op.name !== current.name) said.push(`name '${current.name}' -> '${op.name}'`);
  if (op.name !== undefined) milestone.name = op.name;
  for (const field of ['targetMonth', 'achievedMonth', 'note'] as const) {
    const given = op[field];
    if (given === undefined) continue;
    const was = current[field];
    if (given === null) delete milestone[field];
    else milestone[field] = given;
    const label = field === 'targetMonth' ? 'target' : field === 'achievedMonth' ? 'achieved' : 'note';
    const show = (v: string | undefined | null): string => (v === undefined || v === null ? 'none' : field === 'note' ? JSON.stringify(v) : v);
    said.push(given === null ? `${label} cleared (was ${show(was)})` : `${label} ${show(given)}${was !== undefined ? ` (was ${show(was)})` : ''}`);
  }
  return ok({ document: next, scenario: op.scenario, changes: [`milestone '${milestone.name}' (${op.id}): ${said.join(', ') || 'unchanged'}`] });
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

import type { RecordedValue } from '../../db/store.ts';
import type { MeasurementAction } from './measurement-action.ts';
import { entryValue, type BusinessCase, type RecordMeasurement, type SeriesEntry } from '../engine/index.ts';
import type { DryRunStep } from './dry-run.ts';

const detail = (entry: SeriesEntry, field: 'note' | 'evidence' | 'source'): string | null => (typeof entry === 'number' ? null : (entry[field] ?? null));

interface Where {
  scenario: string;
  useCase: string;
  input: string;
  month: string;
}

const toValue = (action: MeasurementAction, where: Where, entry: SeriesEntry, old: SeriesEntry | undefined): RecordedValue => ({
  action,
  ...where,
  value: entryValue(entry),
  note: detail(entry, 'note'),
  evidence: detail(entry, 'evidence'),
  source: detail(entry, 'source'),
  replacedValue: old === undefined ? null : entryValue(old),
});

const same = (a: SeriesEntry, b: SeriesEntry): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a new or changed entry is, given the operation that made it: `setInput` sets a
 * changing assumption from a month on; a `recordMeasurement` always records (even when only
 * the details differ: someone reported the value again); any other change that keeps the
 * value changed only its note, evidence or source.
 */
function actionOf(op: string | undefined, entry: SeriesEntry, old: SeriesEntry | undefined): MeasurementAction {
  if (op === 'setInput') return 'set';
  if (op === 'recordMeasurement' || old === undefined || entryValue(old) !== entryValue(entry)) return 'recorded';
  return 'annotated';
}

/**
 * The series entries of one scenario that differ between two documents, as history rows: new
 * months and months whose value, note, evidence or source changed (`recorded`, `set` or
 * `annotated`, see `actionOf`), and months whose entry is gone (`removed`, holding the removed
 * entry). This is what the measurement history must receive when `after` replaces `before`
 * through the operation `op`.
 */
export function measurementChanges(before: BusinessCase, after: BusinessCase, scenarioId: string, op?: string): RecordedValue[] {
  const scenario = after.scenarios.find((s) => s.id === scenarioId);
  const previous = before.scenarios.find((s) => s.id === scenarioId);
  const out: RecordedValue[] = [];
  for (const useCase of scenario?.useCases ?? []) {
    const previousUseCase = previous?.useCases.find((u) => u.id === useCase.id);
    for (const input of useCase.inputs) {
      if (!input.series) continue;
      const previousSeries = previousUseCase?.inputs.find((i) => i.key === input.key)?.series ?? {};
      for (const [month, entry] of Object.entries(input.series)) {
        const old = previousSeries[month];
        if (old !== undefined && same(old, entry)) continue;
        out.push(toValue(actionOf(op, entry, old), { scenario: scenarioId, useCase: useCase.id, input: input.key, month }, entry, old));
      }
    }
  }
  // Entries that are gone: a removal keeps the removed value in the history.
  for (const previousUseCase of previous?.useCases ?? []) {
    const useCase = scenario?.useCases.find((u) => u.id === previousUseCase.id);
    for (const previousInput of previousUseCase.inputs) {
      const series = useCase?.inputs.find((i) => i.key === previousInput.key)?.series ?? {};
      for (const [month, old] of Object.entries(previousInput.series ?? {})) {
        if (series[month] !== undefined) continue;
        out.push(toValue('removed', { scenario: scenarioId, useCase: previousUseCase.id, input: previousInput.key, month }, old, old));
      }
    }
  }
  return out;
}

/** Every series entry of a document, as `recorded` history rows (what an imported document brings). */
export function allMeasurements(document: BusinessCase): RecordedValue[] {
  const empty: BusinessCase = { ...document, scenarios: [] };
  return document.scenarios.flatMap((s) => measurementChanges(empty, document, s.id));
}

/**
 * The rows one applied operation writes to the measurement history: every series entry it
 * added, changed or removed. A `recordMeasurement` writes exactly one row, read from its own
 * cell rather than by comparing the whole scenario (a CSV import proposes 1,000 of them), and
 * re-recording exactly the entry already there is recorded too (someone reported that value
 * again; the history says who and when).
 */
export function recordedValues(step: DryRunStep): RecordedValue[] {
  if (step.preview.op !== 'recordMeasurement') return measurementChanges(step.before, step.after, step.preview.scenario, step.preview.op);
  const op = step.operation as RecordMeasurement;
  const cell = (d: BusinessCase): SeriesEntry | undefined =>
    d.scenarios
      .find((s) => s.id === op.scenario)
      ?.useCases.find((u) => u.id === op.useCase)
      ?.inputs.find((i) => i.key === op.input)?.series?.[op.month];
  const entry = cell(step.after);
  return entry === undefined
    ? []
    : [toValue('recorded', { scenario: op.scenario, useCase: op.useCase, input: op.input, month: op.month }, entry, cell(step.before))];
}

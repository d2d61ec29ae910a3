import type { RecordedValue } from '../../db/store.ts';
import { entryValue, type BusinessCase, type RecordMeasurement, type SeriesEntry } from '../engine/index.ts';
import type { DryRunStep } from './dry-run.ts';

const detail = (entry: SeriesEntry, field: 'note' | 'evidence' | 'source'): string | null =>
  typeof entry === 'number' ? null : (entry[field] ?? null);

const toValue = (scenario: string, useCase: string, input: string, month: string, entry: SeriesEntry, old: SeriesEntry | undefined): RecordedValue => ({
  scenario,
  useCase,
  input,
  month,
  value: entryValue(entry),
  note: detail(entry, 'note'),
  evidence: detail(entry, 'evidence'),
  source: detail(entry, 'source'),
  replacedValue: old === undefined ? null : entryValue(old),
});

const same = (a: SeriesEntry, b: SeriesEntry): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The series entries of one scenario that differ between two documents (new months, and
 * months whose value, note, evidence or source changed): what the measurement history must
 * receive when `after` replaces `before`. Operations only ever add or replace entries.
 */
export function measurementChanges(before: BusinessCase, after: BusinessCase, scenarioId: string): RecordedValue[] {
  const scenario = after.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return [];
  const previous = before.scenarios.find((s) => s.id === scenarioId);
  const out: RecordedValue[] = [];
  for (const useCase of scenario.useCases) {
    const previousUseCase = previous?.useCases.find((u) => u.id === useCase.id);
    for (const input of useCase.inputs) {
      if (!input.series) continue;
      const previousSeries = previousUseCase?.inputs.find((i) => i.key === input.key)?.series ?? {};
      for (const [month, entry] of Object.entries(input.series)) {
        const old = previousSeries[month];
        if (old !== undefined && same(old, entry)) continue;
        out.push(toValue(scenario.id, useCase.id, input.key, month, entry, old));
      }
    }
  }
  return out;
}

/** Every series entry of a document, as measurements (what an imported document brings). */
export function allMeasurements(document: BusinessCase): RecordedValue[] {
  const empty: BusinessCase = { ...document, scenarios: [] };
  return document.scenarios.flatMap((s) => measurementChanges(empty, document, s.id));
}

/**
 * The values one applied operation records in the measurement history: every series entry it
 * added or changed; and a `recordMeasurement` that re-records exactly the entry already there
 * is recorded too (someone reported that value again; the history says who and when).
 */
export function recordedValues(step: DryRunStep): RecordedValue[] {
  const changes = measurementChanges(step.before, step.after, step.preview.scenario);
  if (changes.length > 0 || step.preview.op !== 'recordMeasurement') return changes;
  const op = step.operation as RecordMeasurement;
  const entry = step.after.scenarios
    .find((s) => s.id === op.scenario)
    ?.useCases.find((u) => u.id === op.useCase)
    ?.inputs.find((i) => i.key === op.input)?.series?.[op.month];
  return entry === undefined ? [] : [toValue(op.scenario, op.useCase, op.input, op.month, entry, entry)];
}

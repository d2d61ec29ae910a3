import { addMonths, entryValue, type BusinessCase, type Input, type Scenario, type UseCase } from '../engine/index.ts';

/**
 * What a case's realization scenario measures, and when: the scenario itself, the months of
 * its window, the inputs some calculation measures (a calculation's `metric`) and their
 * entries. The web's table and Measurements tab draw from these, and the app's cell and month
 * edits (`proposeCellEdit`, `proposeMonthValues`) decide with them, so both read a document
 * the same way.
 */

/** The realization scenario of a case, or null before one is created. */
export function realizationOf(doc: BusinessCase): Scenario | null {
  return doc.scenarios.find((s) => s.kind === 'realization') ?? null;
}

/** The months of a scenario's window, in order. */
export function windowMonths(s: Pick<Scenario, 'start' | 'months'>): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.months; i++) out.push(addMonths(s.start, i));
  return out;
}

/** The month a page starts on: `month` inside the window, else the window's nearest end. */
export function clampToWindow(month: string, months: readonly string[]): string {
  if (months.length === 0) return month;
  if (month < months[0]!) return months[0]!;
  if (month > months[months.length - 1]!) return months[months.length - 1]!;
  return month;
}

/** The input keys some calculation of the use case measures (its `metric`). */
export function metricKeys(u: UseCase): Set<string> {
  return new Set(u.calculations.flatMap((c) => (c.metric ? [c.metric] : [])));
}

/** A tracked metric of the realization scenario: the input measured for at least one calculation. */
export interface TrackedMetric {
  useCase: UseCase;
  input: Input;
  /** Entries in month order. */
  entries: Array<{ month: string; value: number }>;
}

/** Every tracked metric of a scenario (time-series inputs that are some calculation's `metric`), in document order. */
export function trackedMetrics(scenario: Scenario): TrackedMetric[] {
  return scenario.useCases.flatMap((useCase) => {
    const metrics = metricKeys(useCase);
    return useCase.inputs
      .filter((i) => metrics.has(i.key) && i.series !== undefined)
      .map((input) => ({
        useCase,
        input,
        entries: Object.entries(input.series ?? {})
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([month, e]) => ({ month, value: entryValue(e) })),
      }));
  });
}

import { metricKeys, windowMonths } from '../app/realization-scenario.ts';
import { entryValue, type Input, type Scenario, type SeriesEntry, type UseCase } from '../engine/index.ts';

/** How a month's value of an input came to be, as the table shows it. */
export type CellState = 'measured' | 'carried' | 'base' | 'empty';

/** One cell of the measurement table: an input in a month. */
export interface GridCell {
  month: string;
  state: CellState;
  /** The value in force that month (null: a metric not measured yet). */
  value: number | null;
  /** The entry of this very month (measured cells) or the one carried forward. */
  note: string | null;
  evidence: string | null;
  source: string | null;
  /** The month is at or before the scenario's `lockedThrough`. */
  locked: boolean;
  /** The month is after `asOf`. */
  future: boolean;
}

/** One row: an input that changes by month (a tracked metric or a changing assumption). */
export interface GridRow {
  input: Input;
  /** A calculation's `metric`: its entries are measurements (recordMeasurement); otherwise a changing assumption (setInput from a month). */
  metric: boolean;
  cells: GridCell[];
}

/** The measurement table of one use case: months as columns, inputs as rows. */
export interface MeasurementGrid {
  scenario: Scenario;
  useCase: UseCase;
  months: string[];
  rows: GridRow[];
  /** The use case's constant inputs (the same every month). */
  constants: Input[];
}

/**
 * The table of a use case: every time-series input (metrics first) with, for each month of
 * the window, the value in force and how it came to be: entered that month (`measured`),
 * carried forward from an earlier entry (`carried`), the input's base value before any entry
 * (`base`, a changing assumption) or nothing (`empty`, a metric not measured yet).
 */
export function measurementGrid(scenario: Scenario, useCase: UseCase, asOf: string): MeasurementGrid {
  const months = windowMonths(scenario);
  const metrics = metricKeys(useCase);
  const locked = scenario.lockedThrough ?? '';
  const series = useCase.inputs.filter((i) => i.series !== undefined || metrics.has(i.key));
  series.sort((a, b) => Number(metrics.has(b.key)) - Number(metrics.has(a.key)));
  const rows = series.map((input): GridRow => {
    const metric = metrics.has(input.key);
    const entries = input.series ?? {};
    // Entries before the window carry into it.
    let last: { month: string; entry: SeriesEntry } | null = null;
    for (const m of Object.keys(entries).sort()) if (m < months[0]!) last = { month: m, entry: entries[m]! };
    // One object per cell, written out (no spreads): this is the table's hot loop.
    const cells: GridCell[] = new Array(months.length);
    for (let i = 0; i < months.length; i++) {
      const month = months[i]!;
      const own = entries[month];
      if (own !== undefined) last = { month, entry: own };
      const from = own ?? last?.entry;
      const rich = from !== undefined && typeof from !== 'number' ? from : null;
      cells[i] = {
        month,
        state: own !== undefined ? 'measured' : last ? 'carried' : metric ? 'empty' : 'base',
        value: from !== undefined ? entryValue(from) : metric ? null : input.value,
        note: rich?.note ?? null,
        evidence: rich?.evidence ?? null,
        source: rich?.source ?? null,
        locked: locked !== '' && month <= locked,
        future: month > asOf,
      };
    }
    return { input, metric, cells };
  });
  return { scenario, useCase, months, rows, constants: useCase.inputs.filter((i) => i.series === undefined && !metrics.has(i.key)) };
}

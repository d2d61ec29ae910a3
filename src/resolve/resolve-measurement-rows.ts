import { monthIndex, monthText, windowEnd, type BusinessCase, type Input, type RecordMeasurement, type Scenario, type UseCase } from '../engine/index.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { readCsvNumber, type BadRow, type CsvMeasurement } from './read-measurement-csv.ts';
import { readMonthPhrase } from './read-month-phrase.ts';
import { resolveInput, type LocatedInput } from './resolve-in-document.ts';

/** A measurement of a file, read against a case: the operation that records it and its line. */
export interface MeasurementRow {
  line: number;
  operation: RecordMeasurement;
  input: Input;
  useCase: UseCase;
}

/** The rows of a file read against a case: the operations, and every row that cannot be read. */
export interface ResolvedRows {
  scenario: Scenario | null;
  rows: MeasurementRow[];
  problems: BadRow[];
}

/**
 * A month as a file writes it ("2025-10", "Oct 2025", "October 2025", "10/2025"), through the
 * lexicon's month reader: only a month with its year is a month of a file (a row saying
 * "October" or "last month" would be read differently next year).
 */
export function readCsvMonth(text: string): Outcome<string> {
  const phrase = readMonthPhrase(text);
  if (phrase?.kind === 'month' && phrase.year !== undefined) return succeed(monthText(phrase.year * 12 + phrase.month - 1));
  if (phrase?.kind === 'month') return failWith('invalid_argument', `'${text}' has no year (write "2025-10" or "Oct 2025")`, { field: 'month' });
  return failWith('invalid_argument', `'${text}' is not a month (write "2025-10", "Oct 2025" or "October 2025")`, { field: 'month' });
}

const shown = (c: LocatedInput): string => `${c.input.label} (${c.input.key}) in ${c.useCase.name}`;

const notTracked = (c: LocatedInput): string =>
  `${shown(c)} is not tracked monthly (it holds one value for every month): start tracking it first, then import its measurements`;

/**
 * Reads every measurement of a file against a case's realization scenario: the month (with
 * its year, inside the scenario's window, after its lock), the input (by key or label, an
 * exact name before a fuzzy one, tracked inputs first; an ambiguous or unknown name is a bad
 * row naming the candidates; an input that is not tracked monthly is one too), the value
 * (exactly, through the lexicon, or refused: never truncated) and no second value for the
 * same input and month. Every row is read, so every bad row is named at once.
 */
export function resolveMeasurementRows(
  doc: BusinessCase,
  measurements: readonly CsvMeasurement[],
  decimalComma: boolean,
  metricColumns: readonly { heading: string; line: number }[] = [],
): ResolvedRows {
  const scenario = doc.scenarios.find((s) => s.kind === 'realization') ?? null;
  if (!scenario) {
    return {
      scenario: null,
      rows: [],
      problems: [{ line: 0, reason: `'${doc.name}' has no realization scenario yet: start tracking realized value first, then import measurements` }],
    };
  }
  const start = monthIndex(scenario.start);
  const last = start + scenario.months - 1;
  const locked = scenario.lockedThrough === undefined ? -1 : monthIndex(scenario.lockedThrough);
  const inputs = new Map<string, ReturnType<typeof resolveInput>>();
  const first = new Map<string, number>();
  const rows: MeasurementRow[] = [];
  const problems: BadRow[] = [];
  // A wide file's metric columns are named once, on the header's line, whether or not a row fills them.
  const badHeadings = new Set<string>();
  for (const { heading, line } of metricColumns) {
    const found = resolveInput(scenario, heading, { timeSeriesFirst: true });
    inputs.set(`\u0000${heading}`, found);
    const reason = !found.ok ? found.error.message : !found.value.input.series ? notTracked(found.value) : null;
    if (reason !== null) {
      badHeadings.add(heading);
      problems.push({ line, column: heading, reason, ...(!found.ok && found.error.candidates?.length ? { candidates: [...found.error.candidates] } : {}) });
    }
  }
  for (const m of measurements) {
    const bad = (column: string | undefined, reason: string, candidates?: readonly string[]): void => {
      problems.push({ line: m.line, ...(column !== undefined ? { column } : {}), reason, ...(candidates?.length ? { candidates: [...candidates] } : {}) });
    };
    let ok = true;
    const month = readCsvMonth(m.month.text);
    if (!month.ok) {
      bad(m.month.column, month.error.message);
      ok = false;
    } else {
      const i = monthIndex(month.value);
      if (i < start || i > last) {
        bad(m.month.column, `${month.value} is outside the scenario '${scenario.name}' (${scenario.start} to ${windowEnd(scenario.start, scenario.months)})`);
        ok = false;
      } else if (i <= locked) {
        bad(m.month.column, `${month.value} is locked (the scenario '${scenario.name}' is locked through ${scenario.lockedThrough})`);
        ok = false;
      }
    }
    const cacheKey = `${m.useCase ?? ''}\u0000${m.input.text}`;
    let found = inputs.get(cacheKey);
    if (found === undefined) {
      found = resolveInput(scenario, m.input.text, { timeSeriesFirst: true, ...(m.useCase !== undefined ? { useCase: m.useCase } : {}) });
      inputs.set(cacheKey, found);
    }
    let located: LocatedInput | null = null;
    if (m.useCase === undefined && badHeadings.has(m.input.text)) {
      ok = false; // named on the header's line already
    } else if (!found.ok) {
      bad(m.input.column, found.error.message, found.error.candidates);
      ok = false;
    } else if (!found.value.input.series) {
      bad(m.input.column, notTracked(found.value));
      ok = false;
    } else {
      located = found.value;
    }
    const reading = readCsvNumber(m.value.text, decimalComma);
    let value: number | null = null;
    if (reading === null) {
      bad(m.value.column, `'${m.value.text}' is not a number`);
      ok = false;
    } else if (!reading.ok) {
      bad(m.value.column, `'${m.value.text}' cannot be read as exactly one number: ${reading.reason}`);
      ok = false;
    } else if (reading.percent && located && located.input.unit !== 'percent') {
      bad(m.value.column, `'${m.value.text}' is a percentage, but ${located.input.label} is counted in ${located.input.unit || 'plain numbers'}`);
      ok = false;
    } else {
      value = reading.value;
    }
    if (!ok || !located || value === null || !month.ok) continue;
    const key = `${located.useCase.id}/${located.input.key}/${month.value}`;
    const earlier = first.get(key);
    if (earlier !== undefined) {
      bad(m.input.column, `a second value for ${located.input.label} in ${month.value} (the first is on line ${earlier})`);
      continue;
    }
    first.set(key, m.line);
    const operation: RecordMeasurement = {
      op: 'recordMeasurement',
      scenario: scenario.id,
      useCase: located.useCase.id,
      input: located.input.key,
      month: month.value,
      value,
      ...(m.note !== undefined ? { note: m.note } : {}),
      ...(m.evidence !== undefined ? { evidence: m.evidence } : {}),
      ...(m.source !== undefined ? { source: m.source } : {}),
    };
    rows.push({ line: m.line, operation, input: located.input, useCase: located.useCase });
  }
  return { scenario, rows, problems };
}

import { CsvError, parse } from 'csv-parse/sync';
import { readNumber, type NumberReading } from './read-number.ts';

/**
 * A CSV file of measurements as it was written, before any business case is consulted: which
 * layout it has, the separator and decimal mark it uses, and each cell of each data row with
 * the line it is on. `resolveMeasurementRows` then reads the cells against a case.
 *
 * Two layouts (`docs/measurements-csv.md`):
 * - long: one measurement a row, columns `month`, `input` (a label or key) and `value`, and
 *   optionally `note`, `evidence`, `source` and `use case`;
 * - wide: a `month` column and one column per metric, headed by the metric's label or key
 *   (optional `note`, `evidence`, `source` columns then apply to every value of their row).
 *
 * Spreadsheet exports are read as they come: a byte-order mark, `,`, `;` or tab separators,
 * Windows line ends, quoted cells. A file separated by `;` is an export from a spreadsheet
 * whose decimal mark is the comma, so its numbers are read that way ("1.234,5" is 1234.5).
 * The parsing itself is csv-parse's (quotes, doubled quotes, separators and line breaks
 * inside quotes), never a split on the separator.
 */

/** A column a measurement file may have besides the metrics of a wide file. */
export type MeasurementColumn = 'month' | 'input' | 'value' | 'note' | 'evidence' | 'source' | 'useCase';

/** What a column's heading may be, spaces, case, `_` and `-` aside. */
const HEADINGS: Record<MeasurementColumn, readonly string[]> = {
  month: ['month', 'period'],
  input: ['input', 'metric', 'key', 'label', 'measure', 'measurement', 'inputkey', 'inputlabel', 'metricname'],
  value: ['value', 'measuredvalue', 'actual'],
  note: ['note', 'notes', 'comment', 'comments'],
  evidence: ['evidence', 'proof', 'link'],
  source: ['source'],
  useCase: ['usecase'],
};

/** The columns of a long file, in the order the docs list them. */
export const MEASUREMENT_COLUMNS: readonly string[] = ['month', 'input', 'value', 'note', 'evidence', 'source', 'use case'];

/** At most this many data rows are read from one file (a file of 36 months x 20 metrics is 720). */
export const MAX_CSV_ROWS = 10_000;

/** A cell of a data row: its text (trimmed) and where it is. */
export interface CsvCell {
  text: string;
  /** The column's heading as written. */
  column: string;
}

/** One measurement a data row gives (a wide row gives one per non-empty metric cell). */
export interface CsvMeasurement {
  /** The file's line the row starts on (the header is line 1 when the file starts with it). */
  line: number;
  month: CsvCell;
  /** The metric, as the row (long) or the column heading (wide) names it. */
  input: CsvCell;
  value: CsvCell;
  note?: string;
  evidence?: string;
  source?: string;
  useCase?: string;
}

/** What is wrong with one row (or the header, or the file), for the person who wrote it. */
export interface BadRow {
  /** The line of the file (1 is the first line); 0 for the file as a whole. */
  line: number;
  /** The column's heading, when one cell is at fault. */
  column?: string;
  /** Why the row cannot be read. */
  reason: string;
  /** What a name could mean, when it was ambiguous or unknown. */
  candidates?: string[];
}

/**
 * A file read: its layout, the measurements of its rows and the rows that cannot be read;
 * or, when the file as a whole cannot be (empty, no header, a quote left open, unknown
 * columns), what is wrong with it.
 */
export type CsvReading =
  | {
      ok: true;
      layout: 'long' | 'wide';
      /** The separator found in the header line. */
      delimiter: ',' | ';' | '\t';
      /** Whether numbers are written with a decimal comma (a `;`-separated file). */
      decimalComma: boolean;
      measurements: CsvMeasurement[];
      /** How many data rows the file has (a wide row counts once). */
      rows: number;
      /** A wide file's metric columns: each heading and the header's line (empty for a long file). */
      metricColumns: { heading: string; line: number }[];
      /** The rows that cannot be read, each with its line (the file is refused when there is any). */
      problems: BadRow[];
    }
  | { ok: false; problems: BadRow[] };

/** Bytes as UTF-8 text, or null when they are not UTF-8. */
function decode(data: string | Uint8Array): string | null {
  if (typeof data === 'string') return data;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

/** The separator of the header line: the most frequent of `,`, `;` and tab outside quotes (`,` on a tie). */
function delimiterOf(firstLine: string): ',' | ';' | '\t' {
  const outside = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string): number => outside.split(c).length - 1;
  const [comma, semicolon, tab] = [count(','), count(';'), count('\t')];
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

/** A heading as compared: lower case, without spaces, `_`, `-`, `.` or a BOM. */
function headingKey(heading: string): string {
  return heading.toLowerCase().replace(/[\s_.\-\ufeff]+/g, '');
}

/** The known column a heading names, if any. */
function columnOf(heading: string): MeasurementColumn | undefined {
  const key = headingKey(heading);
  return (Object.keys(HEADINGS) as MeasurementColumn[]).find((c) => HEADINGS[c].includes(key));
}

/**
 * Reads one number of a file: as the lexicon reads it (`readNumber`: exactly or not at all),
 * after, in a decimal-comma file, its dots and spaces taken as thousands separators and its
 * comma as the decimal mark ("1.234,5", "1 234,5", "12,5%"). In such a file a dot that
 * could be either ("1.234": 1234 with a thousands dot, 1.234 with a decimal point) is
 * refused; a dot that can only be a decimal point ("1.5") is read as one.
 */
export function readCsvNumber(text: string, decimalComma: boolean): NumberReading | null {
  if (!decimalComma) return readNumber(text);
  const t = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  const core = /\d[\d., ]*\d|\d/.exec(t);
  if (!core) return readNumber(t);
  const digits = core[0];
  let plain: string;
  if (digits.includes(',')) {
    if (!/^(?:\d{1,3}(?:[. ]\d{3})+|\d+),\d+$/.test(digits)) {
      return {
        ok: false,
        text: t,
        reason: 'its separators can be read in more than one way (in a file separated by ";", write thousands as 1.234 and decimals as 1,5)',
      };
    }
    plain = digits.replace(/[. ]/g, '').replace(',', '.');
  } else if (/^\d{1,3}(?:\.\d{3})+$/.test(digits)) {
    return {
      ok: false,
      text: t,
      reason: `in a file separated by ";" it could be ${digits.replace(/\./g, '')} (a thousands dot) or ${digits} (a decimal point); write ${digits.replace(/\./g, '')} or ${digits.replace('.', ',')}`,
    };
  } else if (/^\d{1,3}(?: \d{3})+$/.test(digits)) {
    plain = digits.replace(/ /g, '');
  } else {
    plain = digits;
  }
  const reading = readNumber(`${t.slice(0, core.index)}${plain}${t.slice(core.index + digits.length)}`);
  if (reading === null) return null;
  return { ...reading, text: t };
}

/** The cells of a record, trimmed, padded to the header's length. */
function cellsOf(record: readonly string[]): string[] {
  return record.map((c) => c.trim());
}

/**
 * Reads a measurement file (text, or bytes that must be UTF-8): the layout from its header,
 * then every data row. Problems of the file as a whole (empty, no header, a quote left open,
 * unknown or repeated columns, no month column) and of each row (a wrong number of cells, a
 * missing month, metric or value) are all collected, each with its line; nothing is resolved
 * against a case here.
 */
export function readMeasurementCsv(file: string | Uint8Array): CsvReading {
  const decoded = decode(file);
  if (decoded === null) return { ok: false, problems: [{ line: 0, reason: 'the file is not UTF-8 text (save it as "CSV UTF-8")' }] };
  const text = decoded.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const firstLine = text.split('\n').find((l) => l.trim() !== '');
  if (firstLine === undefined) return { ok: false, problems: [{ line: 0, reason: 'the file is empty' }] };
  const delimiter = delimiterOf(firstLine);
  const decimalComma = delimiter === ';';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 0;
      return { ok: false, problems: [{ line, reason: `the file is not valid CSV: ${err.message.replace(/^[^:]*:\s*/, '')}` }] };
    }
    throw err;
  }
  // A record's first line: where it ends, less the line breaks inside its quoted cells.
  const rows = records
    .map(({ record, info }) => ({ line: info.lines - record.reduce((n, c) => n + (c.split('\n').length - 1), 0), cells: cellsOf(record) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const header = rows[0];
  if (!header) return { ok: false, problems: [{ line: 0, reason: 'the file is empty' }] };
  const problems: BadRow[] = [];
  const headings = header.cells;
  const columns = headings.map((h) => columnOf(h));
  const seen = new Map<string, number>();
  headings.forEach((h, i) => {
    // A column without a heading and without values (a spreadsheet's trailing separators) is ignored.
    if (h === '' && rows.slice(1).some((r) => (r.cells[i] ?? '') !== ''))
      problems.push({ line: header.line, reason: `column ${i + 1} has values but no heading` });
    const key = columns[i] ?? `metric:${headingKey(h)}`;
    if (h !== '' && seen.has(key)) problems.push({ line: header.line, column: h, reason: `the column '${h}' appears twice in the header` });
    seen.set(key, i);
  });
  const at = (c: MeasurementColumn): number => columns.indexOf(c);
  if (at('month') < 0) {
    problems.push({
      line: header.line,
      reason: `the header has no month column (the columns are ${MEASUREMENT_COLUMNS.join(', ')}; or month and one column per metric)`,
    });
  }
  const long = at('input') >= 0 || at('value') >= 0;
  if (long) {
    if (at('input') < 0) problems.push({ line: header.line, reason: 'the header has a value column but no input column (the metric of each row)' });
    if (at('value') < 0) problems.push({ line: header.line, reason: 'the header has an input column but no value column' });
    headings.forEach((h, i) => {
      if (h !== '' && columns[i] === undefined)
        problems.push({ line: header.line, column: h, reason: `unknown column '${h}' (the columns are ${MEASUREMENT_COLUMNS.join(', ')})` });
    });
  } else if (at('month') >= 0 && headings.every((h, i) => columns[i] !== undefined || h === '')) {
    problems.push({ line: header.line, reason: 'the header has a month column but no metric: add input and value columns, or one column per metric' });
  }
  const data = rows.slice(1);
  if (data.length === 0 && problems.length === 0) problems.push({ line: header.line, reason: 'the file has a header but no rows of measurements' });
  if (data.length > MAX_CSV_ROWS) problems.push({ line: 0, reason: `the file has ${data.length} rows; at most ${MAX_CSV_ROWS} are read at once (split it)` });
  if (problems.length > 0) return { ok: false, problems };

  const cell = (cells: readonly string[], c: MeasurementColumn): string | undefined => {
    const i = at(c);
    return i < 0 ? undefined : cells[i] || undefined;
  };
  const measurements: CsvMeasurement[] = [];
  for (const row of data) {
    if (row.cells.length > headings.length && row.cells.slice(headings.length).some((c) => c !== '')) {
      problems.push({
        line: row.line,
        reason: `the row has ${row.cells.length} cells but the header has ${headings.length} columns (a separator inside a value? quote it)`,
      });
      continue;
    }
    const month = cell(row.cells, 'month');
    if (month === undefined) {
      problems.push({ line: row.line, column: headings[at('month')]!, reason: 'no month' });
      continue;
    }
    const details = {
      ...(cell(row.cells, 'note') !== undefined ? { note: cell(row.cells, 'note')! } : {}),
      ...(cell(row.cells, 'evidence') !== undefined ? { evidence: cell(row.cells, 'evidence')! } : {}),
      ...(cell(row.cells, 'source') !== undefined ? { source: cell(row.cells, 'source')! } : {}),
      ...(cell(row.cells, 'useCase') !== undefined ? { useCase: cell(row.cells, 'useCase')! } : {}),
    };
    const monthCell = { text: month, column: headings[at('month')]! };
    if (long) {
      const input = cell(row.cells, 'input');
      const value = cell(row.cells, 'value');
      if (input === undefined) problems.push({ line: row.line, column: headings[at('input')]!, reason: 'no input named (which metric is this value of?)' });
      if (value === undefined) problems.push({ line: row.line, column: headings[at('value')]!, reason: 'no value' });
      if (input === undefined || value === undefined) continue;
      measurements.push({
        line: row.line,
        month: monthCell,
        input: { text: input, column: headings[at('input')]! },
        value: { text: value, column: headings[at('value')]! },
        ...details,
      });
    } else {
      let any = false;
      headings.forEach((heading, i) => {
        if (columns[i] !== undefined || heading === '') return;
        const value = row.cells[i] ?? '';
        if (value === '') return; // an empty cell: no measurement of that metric this month
        any = true;
        measurements.push({ line: row.line, month: monthCell, input: { text: heading, column: heading }, value: { text: value, column: heading }, ...details });
      });
      if (!any) problems.push({ line: row.line, reason: 'no value in any metric column' });
    }
  }
  const metricColumns = long ? [] : headings.filter((h, i) => columns[i] === undefined && h !== '').map((heading) => ({ heading, line: header.line }));
  return { ok: true, layout: long ? 'long' : 'wide', delimiter, decimalComma, measurements, metricColumns, rows: data.length, problems };
}

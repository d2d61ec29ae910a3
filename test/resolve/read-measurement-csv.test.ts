/**
 * The measurement CSV reader alone (no case): numbers with a decimal comma, months with their
 * year, the separator from the header line, and each row's line. Every expected value is the
 * cell's text read by hand.
 */
import { describe, expect, it } from 'vitest';
import { readCsvNumber, readMeasurementCsv } from '../../src/resolve/read-measurement-csv.ts';
import { readCsvMonth } from '../../src/resolve/resolve-measurement-rows.ts';

const value = (text: string, decimalComma: boolean) => {
  const r = readCsvNumber(text, decimalComma);
  return r === null ? null : r.ok ? r.value : `refused: ${r.reason}`;
};

describe('numbers of a ";" file (decimal comma)', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['12,5', 12.5],
    ['-3,5', -3.5],
    ['12,5%', 0.125],
    ['0,2', 0.2],
    ['1,234', 1.234],
    ['1.5', 1.5],
    ['160', 160],
    ['1 234', 1234],
    ['€1.234,50', 1234.5],
  ])('%s is %s', (text, expected) => {
    expect(value(text, true)).toBe(expected);
  });

  it('a dot that could be thousands or decimals is refused with both readings; so are misplaced separators', () => {
    expect(value('1.234', true)).toBe('refused: in a file separated by ";" it could be 1234 (a thousands dot) or 1.234 (a decimal point); write 1234 or 1,234');
    expect(value('1.23,5', true)).toMatch(/^refused: its separators can be read in more than one way/);
    expect(value('12,3,4', true)).toMatch(/^refused: /);
    expect(value('abc', true)).toBeNull();
  });
});

describe('numbers of a "," file: the lexicon as it is', () => {
  it.each([
    ['1,250', 1250],
    ['12,5', 12.5],
    ['1,250.5', 1250.5],
    ['22%', 0.22],
    ['3.2k', 3200],
  ])('%s is %s', (text, expected) => {
    expect(value(text, false)).toBe(expected);
  });

  it('"1.250,5" is refused, not guessed', () => {
    expect(value('1.250,5', false)).toMatch(/^refused: /);
  });
});

describe('months of a file', () => {
  it.each([
    ['2025-10', '2025-10'],
    ['2025/10', '2025-10'],
    ['10/2025', '2025-10'],
    ['Oct 2025', '2025-10'],
    ['October 2025', '2025-10'],
    ['Oct-25', '2025-10'],
    ['sept. 2026', '2026-09'],
  ])('%s is %s', (text, month) => {
    expect(readCsvMonth(text)).toEqual({ ok: true, value: month });
  });

  it('a month without its year, a relative month and a quarter are refused', () => {
    expect(readCsvMonth('October')).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: `'October' has no year (write "2025-10" or "Oct 2025")`, field: 'month' },
    });
    expect(readCsvMonth('last month')).toMatchObject({ ok: false });
    expect(readCsvMonth('Q1 2026')).toMatchObject({ ok: false });
  });
});

describe('the file', () => {
  it('the separator is read from the header line: a "," file with ";" inside a quoted label stays a "," file', () => {
    const r = readMeasurementCsv('month,"Tickets; all queues"\n2026-04,160\n');
    expect(r.ok && r.delimiter).toBe(',');
    const s = readMeasurementCsv('month;input;value\n2026-04;reps;14\n');
    expect(s.ok && [s.delimiter, s.decimalComma]).toEqual([';', true]);
  });

  it('rows keep their lines across blank lines and quoted line breaks', () => {
    const r = readMeasurementCsv('month,input,value,note\n\n2026-04,reps,14,"a\nb"\n\n2026-05,reps,15,\n');
    if (!r.ok) throw new Error('refused');
    // Line 1 header, line 2 blank, lines 3-4 the first row, line 5 blank, line 6 the second.
    expect(r.measurements.map((m) => [m.line, m.month.text, m.value.text, m.note])).toEqual([
      [3, '2026-04', '14', 'a\nb'],
      [6, '2026-05', '15', undefined],
    ]);
  });

  it('a wide file gives one measurement per filled cell, and lists its metric columns', () => {
    const r = readMeasurementCsv('month,# of Reps,Tickets per Day,source\n2026-04,14,,HR\n2026-05,15,160,\n');
    if (!r.ok) throw new Error('refused');
    expect(r.layout).toBe('wide');
    expect(r.metricColumns.map((c) => c.heading)).toEqual(['# of Reps', 'Tickets per Day']);
    expect(r.measurements.map((m) => [m.line, m.input.text, m.value.text, m.source])).toEqual([
      [2, '# of Reps', '14', 'HR'],
      [3, '# of Reps', '15', undefined],
      [3, 'Tickets per Day', '160', undefined],
    ]);
  });
});

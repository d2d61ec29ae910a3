/**
 * Measurements from a CSV file (issue 13), through the application function every door calls.
 * The case is the demo (examples/delta-corp.json): realization 2025-07 for 24 months (to
 * 2027-06), locked through 2025-12; tracked inputs `reps` (# of Reps, 15 in 2026-06),
 * `tickets_per_day` (Avg. Tickets per Day, 88/115/158 in 2025-08/2025-10/2026-03) and
 * `deflection_rate` (Ticket Deflection Rate, percent, 0.12/0.18/0.22 in 2025-09/2026-01/2026-07);
 * `avg_tickets_per_day` (Avg. Tickets per Day (baseline)) and `minutes_saved_per_ticket` are
 * constants. Every expected value below is read off the CSV text of its test.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { approveProposal } from '../../src/app/approve-proposal.ts';
import { proposeMeasurementsFromCsv, type MeasurementImportError } from '../../src/app/import-measurements.ts';
import { importCase } from '../../src/proposals/index.ts';
import { memoryStore, type TestStore } from '../support/test-store.ts';

const CASE = 'delta-corp-support-automation';
let t: TestStore;

beforeEach(() => {
  t = memoryStore();
  t.clock.set('2026-08-15T12:00:00.000Z');
  const document = JSON.parse(readFileSync('examples/delta-corp.json', 'utf8'));
  const imported = importCase(t.ctx, { document, importedBy: 'admin', workspaceId: 'delta' });
  if (!imported.ok) throw new Error(imported.error.message);
});

const upload = (csv: string | Uint8Array, extra: { thread?: string; source?: string; workspaceId?: string } = {}) =>
  proposeMeasurementsFromCsv(t.ctx, { workspaceId: 'delta', caseId: CASE, csv, actor: 'ana', channel: 'web', ...extra });

function badRows(csv: string | Uint8Array) {
  const before = t.store.listProposals({ caseId: CASE }).length;
  const r = upload(csv);
  if (r.ok) throw new Error('expected the file to be refused');
  expect(r.error.code).toBe('invalid_document');
  // Nothing proposed.
  expect(t.store.listProposals({ caseId: CASE })).toHaveLength(before);
  return (r.error as MeasurementImportError).rows;
}

function seriesOf(input: string) {
  const doc = t.store.getCase(CASE)!.document;
  const realization = doc.scenarios.find((s) => s.kind === 'realization')!;
  return realization.useCases.flatMap((u) => u.inputs).find((i) => i.key === input)!.series!;
}

describe('a CSV file of measurements becomes one proposal', () => {
  it('long layout: label or key, note, evidence and source; nothing changes until approved', () => {
    const csv = [
      'month,input,value,note,evidence,source',
      '2026-04,Avg. Tickets per Day,160,April export,zendesk-2026-04.csv,Zendesk export',
      '2026-04,deflection_rate,21%,,,',
      'Apr 2026,# of Reps,14,,,',
    ].join('\n');
    const r = upload(csv);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.status).toBe('pending');
    expect(r.value.existing).toBe(false);
    expect(r.value.measurements).toBe(3);
    expect(r.value.layout).toBe('long');
    expect(r.value.changes).toHaveLength(3);
    const stored = t.store.getProposal(r.value.proposalId)!;
    // 21% is 0.21; "Apr 2026" is 2026-04; empty note/evidence/source cells add nothing.
    expect(stored.operations).toEqual([
      {
        op: 'recordMeasurement',
        scenario: 'realization',
        useCase: 'support-efficiency',
        input: 'tickets_per_day',
        month: '2026-04',
        value: 160,
        note: 'April export',
        evidence: 'zendesk-2026-04.csv',
        source: 'Zendesk export',
      },
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-04', value: 0.21 },
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', month: '2026-04', value: 14 },
    ]);
    expect(r.value.changes[0]).toContain('Avg. Tickets per Day (tickets_per_day) in 2026-04: 160');
    expect(r.value.changes[0]).toContain('note "April export"');
    // Nothing recorded yet.
    expect(seriesOf('tickets_per_day')['2026-04']).toBeUndefined();
    expect(t.store.getCase(CASE)!.version).toBe(1);
    const approved = approveProposal(t.ctx, { proposalId: r.value.proposalId, approvedBy: 'bo', workspaceId: 'delta' });
    if (!approved.ok) throw new Error(approved.error.message);
    expect(seriesOf('tickets_per_day')['2026-04']).toEqual({ value: 160, note: 'April export', evidence: 'zendesk-2026-04.csv', source: 'Zendesk export' });
    expect(seriesOf('deflection_rate')['2026-04']).toBe(0.21);
    expect(seriesOf('reps')['2026-04']).toBe(14);
  });

  it('wide layout from a spreadsheet export: BOM, ";" separators, decimal commas; an empty cell records nothing', () => {
    const csv = '\ufeffMonth;Avg. Tickets per Day;Ticket Deflection Rate;# of Reps\r\nOctober 2026;1.234,5;19,5%;12\r\nNov 2026;162;0,2;\r\n';
    const r = upload(csv);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.layout).toBe('wide');
    // 1.234,5 is 1234.5; 19,5% is 0.195; 0,2 is 0.2; November's reps cell is empty: 5 values.
    const ops = t.store.getProposal(r.value.proposalId)!.operations as { input: string; month: string; value: number }[];
    expect(ops.map((o) => [o.input, o.month, o.value])).toEqual([
      ['tickets_per_day', '2026-10', 1234.5],
      ['deflection_rate', '2026-10', 0.195],
      ['reps', '2026-10', 12],
      ['tickets_per_day', '2026-11', 162],
      ['deflection_rate', '2026-11', 0.2],
    ]);
  });

  it('the same bytes as UTF-8 with a BOM read the same as the text', () => {
    const text = '\ufeffmonth,input,value\n2026-05,reps,16\n';
    const r = upload(new TextEncoder().encode(text));
    if (!r.ok) throw new Error(r.error.message);
    expect((t.store.getProposal(r.value.proposalId)!.operations[0] as { value: number }).value).toBe(16);
  });

  it('the plausibility warnings of each row come with the proposal', () => {
    // 1,700 tickets a day after 158 in 2026-03: 1700 / 158 = 10.76, so "10x".
    const r = upload('month,input,value\n2026-04,tickets_per_day,"1,700"\n2026-05,reps,16\n');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings).toHaveLength(1);
    expect(r.value.warnings[0]).toContain('1,700 tickets/day is 10x the last measurement (158 tickets/day in 2026-03)');
  });

  it('the file source is recorded where a row names none', () => {
    const r = upload('month,input,value,source\n2026-04,reps,14,\n2026-05,reps,15,HR system\n', { source: 'headcount.csv' });
    if (!r.ok) throw new Error(r.error.message);
    const ops = t.store.getProposal(r.value.proposalId)!.operations as { source?: string }[];
    expect(ops.map((o) => o.source)).toEqual(['headcount.csv', 'HR system']);
  });

  it('the same file again in the same thread returns the pending proposal instead of a twin; another thread proposes anew', () => {
    const csv = 'month,input,value\n2026-04,reps,14\n';
    const a = upload(csv, { thread: 'T1' });
    const b = upload(csv, { thread: 'T1' });
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(b.value.existing).toBe(true);
    expect(b.value.proposalId).toBe(a.value.proposalId);
    const c = upload(csv, { thread: 'T2' });
    if (!c.ok) throw new Error('refused');
    expect(c.value.proposalId).not.toBe(a.value.proposalId);
    // Without a thread (the web page, the command line, HTTP), the same file twice is one proposal too.
    const d = upload(csv);
    const e = upload(csv);
    if (!d.ok || !e.ok) throw new Error('refused');
    expect(e.value.proposalId).toBe(d.value.proposalId);
    expect(t.store.listProposals({ caseId: CASE, status: 'pending' })).toHaveLength(3);
  });

  it("another workspace's case is not found", () => {
    const r = upload('month,input,value\n2026-04,reps,14\n', { workspaceId: 'other' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_found');
  });
});

describe('a file with any bad row proposes nothing and names every bad row', () => {
  it('every bad row, with its line and reason', () => {
    const csv = [
      'month,input,value', // line 1
      '2026-04,Tickets,150', // 2: "Tickets" fits Avg. Tickets per Day and Ticket Deflection Rate
      '2025-11,Avg. Tickets per Day,150', // 3: locked through 2025-12
      '2026-05,Avg. Tickets per Day,"1.250,5"', // 4: separators read two ways
      '2026-05,reps,abc', // 5: not a number
      '2026-06,Ticket Deflection Rate,22', // 6: 22 for a percentage
      '2026-07,# of Reps,12', // 7: fine
      '2026-07,reps,13', // 8: second value for reps in 2026-07
      'October,reps,12', // 9: no year
      '2026-07,Handle Time Saved per Ticket,1', // 10: a constant, not tracked
      '2027-07,reps,3', // 11: after the window (2025-07 + 24 months ends 2027-06)
      '2026-08,reps,12%', // 12: a percentage for a count of reps
    ].join('\n');
    const rows = badRows(csv);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    const at = (line: number) => rows.find((r) => r.line === line)!;
    expect(at(2).candidates).toEqual(
      expect.arrayContaining([expect.stringContaining('Avg. Tickets per Day'), expect.stringContaining('Ticket Deflection Rate')]),
    );
    expect(at(3).reason).toContain('2025-11 is locked');
    expect(at(4).reason).toContain('more than one way');
    expect(at(5).reason).toBe("'abc' is not a number");
    expect(at(6).reason).toContain('Did you mean 22% (0.22)?');
    expect(at(8).reason).toBe('a second value for # of Reps in 2026-07 (the first is on line 7)');
    expect(at(9).reason).toContain('has no year');
    expect(at(10).reason).toContain('is not tracked monthly');
    expect(at(11).reason).toContain('2027-07 is outside');
    expect(at(12).reason).toContain('is a percentage');
  });

  it('the error message lists the rows one per line', () => {
    const r = upload('month,input,value\n2026-04,reps,abc\n2026-05,reps,\n');
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.message).toBe(
      ['nothing was proposed: the file has 2 bad rows', "line 2 (value): 'abc' is not a number", 'line 3 (value): no value'].join('\n'),
    );
  });

  it('exact names before fuzzy ones: the tracked metric by its label, the baseline constant by its own', () => {
    const ok = upload('month,input,value\n2026-04,Avg. Tickets per Day,150\n');
    if (!ok.ok) throw new Error(ok.error.message);
    expect((t.store.getProposal(ok.value.proposalId)!.operations[0] as { input: string }).input).toBe('tickets_per_day');
    const rows = badRows('month,input,value\n2026-04,Avg. Tickets per Day (baseline),150\n');
    expect(rows[0]!.reason).toContain('Avg. Tickets per Day (baseline) (avg_tickets_per_day)');
    expect(rows[0]!.reason).toContain('not tracked monthly');
  });

  it('in a ";" file a dot that could be thousands or decimals is refused; one that can only be a decimal point is read', () => {
    const rows = badRows('month;input;value\n2026-04;reps;1.234\n');
    expect(rows).toEqual([
      {
        line: 2,
        column: 'value',
        reason: `'1.234' cannot be read as exactly one number: in a file separated by ";" it could be 1234 (a thousands dot) or 1.234 (a decimal point); write 1234 or 1,234`,
      },
    ]);
    const r = upload('month;input;value\n2026-04;tickets_per_day;150.5\n');
    if (!r.ok) throw new Error(r.error.message);
    expect((t.store.getProposal(r.value.proposalId)!.operations[0] as { value: number }).value).toBe(150.5);
  });

  it('a number with more digits than can be held exactly is refused, never truncated', () => {
    const rows = badRows('month,input,value\n2026-04,tickets_per_day,150.0000000000000001\n');
    expect(rows[0]!.reason).toContain('more than 15 significant digits');
  });

  it('the file as a whole: empty, header only, unknown columns, no month, not UTF-8, a quote left open', () => {
    expect(badRows('')).toEqual([{ line: 0, reason: 'the file is empty' }]);
    expect(badRows('\ufeff\n\n')).toEqual([{ line: 0, reason: 'the file is empty' }]);
    expect(badRows('month,input,value\n')).toEqual([{ line: 1, reason: 'the file has a header but no rows of measurements' }]);
    expect(badRows('month,input,value,colour\n2026-04,reps,14,red\n')).toEqual([
      { line: 1, column: 'colour', reason: "unknown column 'colour' (the columns are month, input, value, note, evidence, source, use case)" },
    ]);
    expect(badRows('input,value\nreps,14\n')[0]!.reason).toContain('no month column');
    expect(badRows('month,input\n2026-04,reps\n')[0]!.reason).toContain('no value column');
    expect(badRows(new Uint8Array([0x6d, 0x6f, 0x6e, 0x74, 0x68, 0xff, 0x0a]))).toEqual([
      { line: 0, reason: 'the file is not UTF-8 text (save it as "CSV UTF-8")' },
    ]);
    const open = badRows('month,input,value\n2026-04,reps,"14\n');
    expect(open[0]!.reason).toContain('not valid CSV');
  });

  it('a wide file names a bad metric column by its heading on line 1, and a bad cell by line and column', () => {
    const rows = badRows('month,# of Reps,Colour of the sky\n2026-04,14,\n2026-05,x,\n');
    expect(rows.map((r) => [r.line, r.column])).toEqual([
      [1, 'Colour of the sky'],
      [3, '# of Reps'],
    ]);
    expect(rows[0]!.reason).toContain("no input called 'Colour of the sky'");
  });

  it('a row with more cells than the header is named (a separator inside an unquoted value)', () => {
    const rows = badRows('month,input,value\n2026-04,tickets_per_day,1,250\n');
    expect(rows).toEqual([{ line: 2, reason: 'the row has 4 cells but the header has 3 columns (a separator inside a value? quote it)' }]);
  });
});

describe('more of what spreadsheets and people write', () => {
  it("a spreadsheet's trailing separators (columns without heading or values) are ignored; a column with values but no heading is named", () => {
    const r = upload('month;input;value;;\n2026-04;reps;14;;\n');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.measurements).toBe(1);
    expect(badRows('month,input,value,\n2026-04,reps,14,x\n')).toEqual([{ line: 1, reason: 'column 4 has values but no heading' }]);
  });

  it('a tab-separated file, and a use case column to say which use case an input is in', () => {
    const r = upload('month\tuse case\tinput\tvalue\n2026-04\tSelf-Service\tTicket Deflection Rate\t0.25\n');
    if (!r.ok) throw new Error(r.error.message);
    // 0.25 as written; the use case "Self-Service" is self-service.
    expect(t.store.getProposal(r.value.proposalId)!.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-04', value: 0.25 },
    ]);
  });

  it('a quoted cell with a line break: the row is named by the line it starts on', () => {
    // Line 2 holds a note over two lines (2 and 3); the bad value is on the row that starts on line 4.
    const rows = badRows('month,input,value,note\n2026-04,reps,14,"two hires,\nboth in April"\n2026-05,reps,x,\n');
    expect(rows).toEqual([{ line: 4, column: 'value', reason: "'x' is not a number" }]);
  });
});

describe('a file with many bad rows', () => {
  it('the message lists the first 100 bad rows and counts the rest; rows holds every one', () => {
    // 150 rows, each with the value "x": lines 2 to 151.
    const csv = ['month,input,value', ...Array.from({ length: 150 }, () => '2026-04,reps,x')].join('\n');
    const r = upload(csv);
    if (r.ok) throw new Error('expected a refusal');
    const rows = (r.error as MeasurementImportError).rows;
    expect(rows.map((x) => x.line)).toEqual(Array.from({ length: 150 }, (_, i) => i + 2));
    const lines = r.error.message.split('\n');
    expect(lines[0]).toBe('nothing was proposed: the file has 150 bad rows');
    expect(lines).toHaveLength(1 + 100 + 1);
    expect(lines[100]).toBe("line 101 (value): 'x' is not a number");
    expect(lines[101]).toBe('...and 50 more');
  });
});

describe('a case whose id another workspace used first', () => {
  it('is found in its own workspace, and its proposal is stored under its storage key', () => {
    // The same document imported into a second workspace: same id, another storage key.
    const document = JSON.parse(readFileSync('examples/delta-corp.json', 'utf8'));
    const second = importCase(t.ctx, { document, importedBy: 'admin', workspaceId: 'other' });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.key).not.toBe(CASE);
    const r = upload('month,input,value\n2026-04,reps,14\n', { workspaceId: 'other' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.caseId).toBe(CASE);
    expect(t.store.getProposal(r.value.proposalId)!.caseId).toBe(second.value.key);
    // The first workspace's case has no proposal.
    expect(t.store.listProposals({ caseId: CASE })).toEqual([]);
    // The same file again in the second workspace: the twin check looks under the same key.
    const again = upload('month,input,value\n2026-04,reps,14\n', { workspaceId: 'other' });
    expect(again.ok && again.value.existing).toBe(true);
  });
});

/**
 * The web's two forms as application functions: one table cell (`proposeCellEdit`) and a
 * month's values of the tracked metrics (`proposeMonthValues`). The case is the demo
 * (examples/delta-corp.json), read by hand:
 * - realization scenario `realization` ("Value Realization"), 2025-07 for 24 months, so its
 *   window is 2025-07 .. 2027-06; locked through 2025-12;
 * - use case `support-efficiency` ("Increase Support Team Efficiency"): calculation
 *   `efficiency` measures `tickets_per_day` ("Avg. Tickets per Day", 88/115/158 in
 *   2025-08/2025-10/2026-03); `reps` ("# of Reps") has a series (15 from 2026-06) but no
 *   calculation measures it (a changing assumption); `rep_cost` (20000) is a constant;
 * - use case `self-service`: calculation `deflection` measures `deflection_rate` ("Ticket
 *   Deflection Rate", 0.12/0.18/0.22 in 2025-09/2026-01/2026-07).
 * So the tracked metrics are `support-efficiency/tickets_per_day` and
 * `self-service/deflection_rate`. The clock is 2026-08-15.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { proposeCellEdit, type CellEditInput } from '../../src/app/propose-cell-edit.ts';
import { proposeMonthValues, type MonthValuesInput } from '../../src/app/propose-month-values.ts';
import { importCase } from '../../src/proposals/index.ts';
import { memoryStore, type TestStore } from '../support/test-store.ts';

const CASE = 'delta-corp-support-automation';
let t: TestStore;

const demo = () => JSON.parse(readFileSync('examples/delta-corp.json', 'utf8'));

beforeEach(() => {
  t = memoryStore();
  t.clock.set('2026-08-15T12:00:00.000Z');
  const imported = importCase(t.ctx, { document: demo(), importedBy: 'admin', workspaceId: 'delta' });
  if (!imported.ok) throw new Error(imported.error.message);
});

const cell = (edit: Partial<CellEditInput>) =>
  proposeCellEdit(t.ctx, {
    caseId: CASE,
    workspaceId: 'delta',
    useCase: 'support-efficiency',
    input: 'tickets_per_day',
    month: '2026-05',
    value: '160',
    proposedBy: 'dana',
    channel: 'web',
    ...edit,
  });

const monthForm = (form: Partial<MonthValuesInput>) =>
  proposeMonthValues(t.ctx, { caseId: CASE, workspaceId: 'delta', month: '2026-03', values: [], proposedBy: 'dana', channel: 'web', ...form });

const proposals = () => t.store.listProposals({ caseId: t.store.findCaseIn('delta', CASE)!.key });

/** The refusal of a form: its error, and nothing was proposed. */
function refused<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } }) {
  if (r.ok) throw new Error('expected the form to be refused');
  expect(proposals()).toEqual([]);
  return r.error;
}

describe('proposeCellEdit: one cell of the measurement table', () => {
  it("a metric's cell is a recordMeasurement of that month, with the note, evidence and source given (blank ones left out)", () => {
    const r = cell({ value: '160', note: ' May export ', evidence: '   ', source: 'Zendesk export' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.proposal.status).toBe('pending');
    expect(r.value.proposal.proposedBy).toBe('dana');
    expect(r.value.proposal.channel).toBe('web');
    // 160 as typed; the note trimmed; the blank evidence not kept.
    expect(r.value.proposal.operations).toEqual([
      {
        op: 'recordMeasurement',
        scenario: 'realization',
        useCase: 'support-efficiency',
        input: 'tickets_per_day',
        month: '2026-05',
        value: 160,
        note: 'May export',
        source: 'Zendesk export',
      },
    ]);
    // Proposed, not applied: the case still has no 2026-05 entry.
    const series = t.store
      .findCaseIn('delta', CASE)!
      .document.scenarios.find((s) => s.kind === 'realization')!
      .useCases[0]!.inputs.find((i) => i.key === 'tickets_per_day')!.series!;
    expect(series['2026-05']).toBeUndefined();
  });

  it('a percent is read as a fraction: 21% of the deflection rate is 0.21', () => {
    const r = cell({ useCase: 'self-service', input: 'deflection_rate', month: '2026-08', value: '21%' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.proposal.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-08', value: 0.21 },
    ]);
  });

  it("a constant's cell is a setInput from that month on (no note: setInput has no room for one)", () => {
    const r = cell({ input: 'rep_cost', month: '2026-04', value: '22,500', note: 'raise' });
    if (!r.ok) throw new Error(r.error.message);
    // "22,500" is 22500.
    expect(r.value.proposal.operations).toEqual([
      { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'rep_cost', value: 22500, from: '2026-04' },
    ]);
  });

  it('a changing assumption (a series no calculation measures) is a setInput too', () => {
    const r = cell({ input: 'reps', month: '2026-11', value: '20' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.proposal.operations).toEqual([
      { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 20, from: '2026-11' },
    ]);
  });

  it("a month outside the scenario's window is refused naming the month", () => {
    // The window ends 2027-06; 2027-07 is the month after it, 2025-06 the month before.
    for (const month of ['2027-07', '2025-06']) {
      const e = refused(cell({ month }));
      expect(e).toEqual({ code: 'invalid_argument', message: `month '${month}' is not in Value Realization's window`, field: 'month' });
    }
  });

  it('an unreadable value is refused naming the value and the input', () => {
    const e = refused(cell({ value: 'lots' }));
    expect(e).toEqual({
      code: 'invalid_argument',
      message: "value 'lots' for Avg. Tickets per Day is not a number (write e.g. 1250, 12.5 or 42%)",
      field: 'value',
    });
  });

  it('an unknown use case or input is not found, naming it', () => {
    expect(refused(cell({ useCase: 'nope' }))).toEqual({ code: 'not_found', message: "no use case 'nope' in the realization scenario", field: 'useCase' });
    expect(refused(cell({ input: 'nope' }))).toEqual({ code: 'not_found', message: "no input 'nope' in Increase Support Team Efficiency", field: 'input' });
  });

  it("a locked month is the workflow's refusal, returned as it gives it (no form field)", () => {
    // 2025-11 is in the window but at or before lockedThrough 2025-12.
    const e = refused(cell({ month: '2025-11', value: '120' }));
    expect(e.code).toBe('refused');
    expect(e.field).toBeUndefined();
    expect(e.message).toContain('2025-12');
  });

  it("another workspace's case is not found", () => {
    const e = refused(cell({ workspaceId: 'acme' }));
    expect(e.code).toBe('not_found');
  });
});

describe('proposeMonthValues: the Measurements tab, one month', () => {
  const TICKETS = 'support-efficiency/tickets_per_day';
  const DEFLECTION = 'self-service/deflection_rate';

  it('proposes the entered values as one proposal of recordMeasurements', () => {
    const r = monthForm({
      month: '2026-11',
      values: [
        { key: TICKETS, value: '170' },
        { key: DEFLECTION, value: '25%' },
      ],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.measurements).toBe(2);
    expect(proposals()).toHaveLength(1);
    expect(r.value.proposal.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-11', value: 170 },
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-11', value: 0.25 },
    ]);
  });

  it('a value equal to the one recorded that month is skipped; a blank one is not entered', () => {
    // 2026-03 records 158 tickets per day; the deflection rate has no 2026-03 entry (0.18 carried from 2026-01),
    // so 18% is a new measurement there.
    const r = monthForm({
      values: [
        { key: TICKETS, value: '158' },
        { key: DEFLECTION, value: '18%' },
      ],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.measurements).toBe(1);
    expect(r.value.proposal.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-03', value: 0.18 },
    ]);
    const blank = monthForm({
      month: '2026-04',
      values: [
        { key: TICKETS, value: '  ' },
        { key: DEFLECTION, value: '0.2' },
      ],
    });
    if (!blank.ok) throw new Error(blank.error.message);
    expect(blank.value.proposal.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-04', value: 0.2 },
    ]);
  });

  it('with a note, an unchanged value is proposed again to keep the note', () => {
    const r = monthForm({ values: [{ key: TICKETS, value: '158' }], note: ' re-checked ' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.proposal.operations).toEqual([
      {
        op: 'recordMeasurement',
        scenario: 'realization',
        useCase: 'support-efficiency',
        input: 'tickets_per_day',
        month: '2026-03',
        value: 158,
        note: 're-checked',
      },
    ]);
  });

  it('nothing entered or changed proposes nothing', () => {
    const e = refused(
      monthForm({
        values: [
          { key: TICKETS, value: '158' },
          { key: DEFLECTION, value: '' },
        ],
      }),
    );
    expect(e).toEqual({ code: 'invalid_argument', message: 'no value was entered or changed', field: 'values' });
  });

  it('every key that is not a tracked metric and every unreadable value is named, together, and nothing is proposed', () => {
    // reps has a series but no calculation measures it; the good 170 is not proposed either.
    const e = refused(
      monthForm({
        month: '2026-11',
        values: [
          { key: 'support-efficiency/reps', value: '14' },
          { key: TICKETS, value: '170' },
          { key: DEFLECTION, value: 'lots' },
        ],
      }),
    );
    expect(e).toEqual({
      code: 'invalid_argument',
      message: "'support-efficiency/reps' is not a tracked metric; Ticket Deflection Rate: 'lots' is not a number (write e.g. 1250, 12.5 or 42%)",
      field: 'values',
    });
  });

  it('a metric sent twice for the month is refused, naming it, and nothing is proposed (never two values for one month)', () => {
    const e = refused(
      monthForm({
        month: '2026-11',
        values: [
          { key: TICKETS, value: '170' },
          { key: TICKETS, value: '171' },
        ],
      }),
    );
    expect(e).toEqual({ code: 'invalid_argument', message: 'Avg. Tickets per Day is given twice for 2026-11', field: 'values' });
  });

  it("a month outside the scenario's window is refused naming the month", () => {
    const e = refused(monthForm({ month: '2027-07', values: [{ key: TICKETS, value: '170' }] }));
    expect(e).toEqual({ code: 'invalid_argument', message: "month '2027-07' is not in Value Realization's window", field: 'month' });
  });

  it('a case without a realization scenario is refused', () => {
    const doc = demo();
    doc.id = 'delta-plan-only';
    doc.scenarios = doc.scenarios.filter((s: { kind: string }) => s.kind !== 'realization');
    const imported = importCase(t.ctx, { document: doc, importedBy: 'admin', workspaceId: 'delta' });
    if (!imported.ok) throw new Error(imported.error.message);
    const r = monthForm({ caseId: 'delta-plan-only', values: [{ key: TICKETS, value: '170' }] });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error).toEqual({ code: 'refused', message: 'the case has no realization scenario', field: 'caseId' });
    const c = proposeCellEdit(t.ctx, {
      caseId: 'delta-plan-only',
      workspaceId: 'delta',
      useCase: 'support-efficiency',
      input: 'tickets_per_day',
      month: '2026-05',
      value: '160',
      proposedBy: 'dana',
    });
    if (c.ok) throw new Error('expected a refusal');
    expect(c.error).toEqual({ code: 'not_found', message: "no use case 'support-efficiency' in the realization scenario", field: 'useCase' });
  });
});

import { describe, expect, it } from 'vitest';
import { importCase, propose } from '../../src/proposals/index.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { measure, sampleCase, setInput } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

function setup() {
  const t = memoryStore();
  const imported = importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  return t;
}

describe('propose', () => {
  it('dry-runs the operations, stores a pending proposal with the preview, and leaves the case alone', () => {
    const t = setup();
    const caseBefore = t.store.getCase('acme-helpdesk');
    const result = propose(t.ctx, {
      caseId: 'acme-helpdesk',
      operations: [measure('support', 'gain', '2025-03', 0.3), setInput('self-service', 'tickets', 1200)],
      proposedBy: ' ana ',
      channel: 'slack',
      thread: 'C1:1700.1',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.value;
    expect(p).toMatchObject({
      caseId: 'acme-helpdesk',
      baseVersion: 1,
      asOf: '2025-06',
      status: 'pending',
      proposedBy: 'ana',
      channel: 'slack',
      thread: 'C1:1700.1',
      createdAt: '2025-06-15T12:00:00.000Z',
    });
    expect(p.preview.map((x) => [x.op, x.scenario, x.changes])).toEqual([
      ['recordMeasurement', 'actual', ['recorded Efficiency gain (gain) in 2025-03: 30%']],
      ['setInput', 'actual', ['Tickets per month (tickets): 1000 -> 1200 in every month']],
    ]);
    // 10 reps x 60000 x gain / 12: 0.1 in Jan-Feb, 0.3 from March on; through June that is 2x5000 + 4x15000.
    expect(p.preview[0]!.before!.realizedToDate).toBe(30000);
    expect(p.preview[0]!.after.realizedToDate).toBe(70000);
    expect(p.preview[1]!.after.useCases.find((u) => u.id === 'self-service')!.total).toBe(7200);
    expect(t.store.getProposal(p.id)).toEqual(p);
    expect(t.store.getCase('acme-helpdesk')).toEqual(caseBefore);
  });

  it('returns a refused operation as a typed error with its index, and stores nothing', () => {
    const t = setup();
    const before = dumpTables(t.handle.sqlite);
    const result = propose(t.ctx, {
      caseId: 'acme-helpdesk',
      operations: [measure('support', 'gain', '2025-03', 0.3), setInput('support', 'gain', 0.5)],
      proposedBy: 'ana',
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'refused',
        index: 1,
        path: '$.input',
        message:
          "operation 1 (setInput) refused: input 'gain' is time-series: its values change by month; give the month the new value holds from (setInput with from), or record a measurement if it is a metric",
      },
    });
    expect(dumpTables(t.handle.sqlite)).toBe(before);
  });

  it('rejects malformed operations, unknown cases and missing names before the engine runs', () => {
    const t = setup();
    const before = dumpTables(t.handle.sqlite);
    const bad = propose(t.ctx, {
      caseId: 'acme-helpdesk',
      operations: [measure('support', 'gain', '2025-03', 0.3), { op: 'deleteEverything' }],
      proposedBy: 'ana',
    });
    expect(bad.ok === false && bad.error).toMatchObject({ code: 'invalid_operation', index: 1, path: '$.op' });
    const extra = propose(t.ctx, { caseId: 'acme-helpdesk', operations: [{ ...setInput('support', 'reps', 3), sneaky: true }], proposedBy: 'ana' });
    expect(extra.ok === false && extra.error).toMatchObject({ code: 'invalid_operation', index: 0, path: '$.sneaky' });
    const unknown = propose(t.ctx, { caseId: 'globex', operations: [setInput('support', 'reps', 3)], proposedBy: 'ana' });
    // The doors' not-found (with the cases they may see, within their workspace) is the app layer's: test/app.
    expect(unknown).toEqual({ ok: false, error: { code: 'not_found', message: "no business case 'globex'" } });
    expect(propose(t.ctx, { caseId: 'acme-helpdesk', operations: [], proposedBy: 'ana' }).ok).toBe(false);
    expect(propose(t.ctx, { caseId: 'acme-helpdesk', operations: [setInput('support', 'reps', 3)], proposedBy: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(dumpTables(t.handle.sqlite)).toBe(before);
  });
});

/**
 * Business cases and pending proposals saved under the first engine contract keep working
 * under Contract 2: the database is migrated, the case is read as Contract 2 reads it (a
 * calculation without `metric` is assumed), a pending proposal is never applied with the
 * figures it was previewed with (the engine re-checks it: refused with the reason when its
 * effect changed, applied with fresh figures when not), and `trackMetric` is the way back.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import { summarize } from '../../src/engine/index.ts';
import { approve, propose, type ProposalContext } from '../../src/proposals/index.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { createFirstContractDatabase, FIRST_CONTRACT_PROPOSALS, firstContractCase } from '../support/first-contract-database.ts';
import { measure } from '../support/sample-case.ts';
import { memoryStore, tempDir } from '../support/test-store.ts';

const CASE = 'acme-helpdesk';
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function firstContractStore() {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const path = join(tmp.dir, 've.db');
  createFirstContractDatabase(path, '2025-06-14T09:00:00.000Z');
  const handle = openDatabase({ path });
  cleanups.push(() => handle.close());
  const store = createSqliteStore(handle);
  const clock = fakeClock();
  const ctx: ProposalContext = { store, now: clock.now };
  return { store, ctx };
}

const headline = (f: { total: number; realizedToDate: number | null; measuredToDate: number | null; assumedToDate: number | null } | null | undefined) =>
  f && [f.total, f.realizedToDate, f.measuredToDate, f.assumedToDate];

describe('data saved under the first contract', () => {
  it('the case is read as Contract 2 reads it: the calculation without metric is assumed', () => {
    const { store } = firstContractStore();
    const record = store.getCase(CASE)!;
    expect(record.version).toBe(1);
    const summary = summarize(record.document, { asOf: '2025-06', compare: null });
    if (!summary.ok) throw new Error(summary.error.message);
    // Support: 6 x 5000 measured. Self-service: Jan-Feb 500 + Mar-Jun 1000, all assumed now.
    expect([summary.value.realizedToDate, summary.value.measuredToDate, summary.value.assumedToDate]).toEqual([35000, 30000, 5000]);
    expect(summary.value.useCases.find((u) => u.id === 'self-service')!.calculations[0]).toMatchObject({ tracked: false, metric: null, lastMeasured: null });
    // The history rows of that time are kept, as recorded values.
    expect(store.listMeasurements({ caseId: CASE }).map((m) => [m.action, m.input, m.month, m.value, m.recordedBy])).toEqual([
      ['recorded', 'gain', '2025-01', 0.1, 'admin'],
      ['recorded', 'deflection', '2025-03', 0.2, 'admin'],
    ]);
  });

  it('refuses a pending proposal whose effect the first contract previewed differently, saying why', () => {
    const { store, ctx } = firstContractStore();
    const { deflection } = FIRST_CONTRACT_PROPOSALS;
    const result = approve(ctx, { proposalId: deflection.id, approvedBy: 'ben' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('refused');
    // Previewed: +1000 to date, measured. Now the deflection rate is an assumption: +1000 assumed.
    expect(result.error.message).toBe(
      `proposal ${deflection.id} refused: operation 0 (recordMeasurement) no longer does what was previewed: ` +
        'measured to date would change by +0.00 instead of the previewed +1000.00; assumed to date would change by +1000.00 instead of the previewed +0.00. ' +
        'The proposal was previewed under the first engine contract; its figures are computed differently under contract 2 ' +
        '(a calculation is tracked through its metric only, and locked months keep their figures), so its stored preview is not applied: propose it again for a fresh preview.',
    );
    expect(store.getProposal(deflection.id)).toMatchObject({ status: 'refused', decidedBy: 'ben' });
    expect(store.getCase(CASE)!.version).toBe(1);
    expect(store.listAudit(CASE)).toEqual([]);
    expect(store.listMeasurements({ caseId: CASE })).toHaveLength(2);
  });

  it('applies a pending proposal whose effect is unchanged, with the figures the engine computes now', () => {
    const { store, ctx } = firstContractStore();
    const { gain } = FIRST_CONTRACT_PROPOSALS;
    const result = approve(ctx, { proposalId: gain.id, approvedBy: 'ben' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ rechecked: true, alreadyApplied: false, version: 2 });
    // Not the stored preview (realized 34000 -> 64000, all measured) but Contract 2's figures:
    // self-service's 5000 to date is assumed. Support: Apr-Dec 15000 instead of 5000.
    const [entry] = result.value.audit;
    expect(headline(entry!.before)).toEqual([71000, 35000, 30000, 5000]);
    expect(headline(entry!.after)).toEqual([161000, 65000, 60000, 5000]);
    expect(store.getCase(CASE)!.document.scenarios[1]!.useCases[0]!.inputs[2]!.series).toEqual({ '2025-01': 0.1, '2025-04': 0.3 });
    expect(store.listMeasurements({ caseId: CASE, input: 'gain' }).map((m) => [m.action, m.month, m.value, m.recordedBy, m.approvedBy, m.version])).toEqual([
      ['recorded', '2025-01', 0.1, 'admin', null, 1],
      ['recorded', '2025-04', 0.3, 'ana', 'ben', 2],
    ]);
  });

  it('trackMetric is the way back: the deflection rate is measured again, and Jan-Feb claim nothing', () => {
    const { store, ctx } = firstContractStore();
    const made = propose(ctx, {
      caseId: CASE,
      operations: [{ op: 'trackMetric', scenario: 'actual', useCase: 'self-service', calculation: 'deflected', input: 'deflection' }],
      proposedBy: 'ana',
    });
    if (!made.ok) throw new Error(made.error.message);
    const [preview] = made.value.preview;
    expect(preview!.changes).toContain('its 1 existing monthly value(s) now count as measurements');
    // Self-service: Mar-Jun 4 x 1000 measured; Jan-Feb's 2 x 500 no longer claimed.
    expect(headline(preview!.before)).toEqual([71000, 35000, 30000, 5000]);
    expect(headline(preview!.after)).toEqual([71000, 34000, 34000, 0]);
    const applied = approve(ctx, { proposalId: made.value.id, approvedBy: 'ben' });
    expect(applied.ok && applied.value).toMatchObject({ rechecked: false, version: 2 });
    expect(store.getCase(CASE)!.document.scenarios[1]!.useCases[1]!.calculations[0]!.metric).toBe('deflection');
  });

  it("a case whose stored formula is beyond Contract 2's limits is reported as the stored document's fault, with the way to repair it", () => {
    const t = memoryStore();
    const doc = firstContractCase();
    // 22 characters, then 600 x " + 0": 2422 characters, over the 2000 allowed.
    doc.scenarios[1]!.useCases[0]!.calculations[0]!.formula = `reps * rep_cost * gain${' + 0'.repeat(600)}`;
    t.store.ensureWorkspace('default', 'Default', '2025-06-01T00:00:00.000Z');
    t.store.insertCase({ workspaceId: 'default', document: doc, createdBy: 'admin', now: '2025-06-01T00:00:00.000Z' });
    const result = propose(t.ctx, { caseId: CASE, operations: [measure('support', 'gain', '2025-03', 0.3)], proposedBy: 'ana' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('refused');
    expect(result.error.path).toBe('$.scenarios[1].useCases[0].calculations[0].formula');
    expect(result.error.message).toMatch(
      /^business case 'acme-helpdesk' as stored no longer passes the engine's checks: .*formula is 2422 characters long; at most 2000 are allowed\. /,
    );
    expect(result.error.message).toContain('export it (ve export), correct it, and store it back with ve import --replace');
    expect(t.store.listProposals()).toEqual([]);
  });
});

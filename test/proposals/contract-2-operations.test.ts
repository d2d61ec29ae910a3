/**
 * Contract 2's operations through the store's approval path (`:memory:`, real migrations):
 * each is proposed (the engine previews it), approved, audited, and kept in the measurement
 * history when it touches a series entry; the lock guard's refusals reach the proposer intact
 * and a refused proposal is never stored.
 *
 * The sample case (see `sampleCase`): realization 2025-01..2025-12, as of 2025-06.
 * - support: 10 reps x 60000 x gain / 12 = 50000 x gain a month; gain is the metric, 0.1 from
 *   2025-01 (5000 a month, all measured: realized to date 6 x 5000 = 30000);
 * - self-service: 1000 tickets x deflection x 5 a month; deflection is the metric, no entries
 *   yet (it claims nothing; its benefit at the planned 0.1 is 500 a month, 6000 a year).
 * Total 12 x 5000 + 12 x 500 = 66000.
 */
import { describe, expect, it } from 'vitest';
import type { BusinessCase } from '../../src/engine/index.ts';
import { approve, importCase, propose, type ProposalContext } from '../../src/proposals/index.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { measure, sampleCase } from '../support/sample-case.ts';
import { memoryStore, type TestStore } from '../support/test-store.ts';

const CASE = 'acme-helpdesk';

function setup(document: BusinessCase = sampleCase()): TestStore {
  const t = memoryStore();
  const imported = importCase(t.ctx, { document, importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  return t;
}

function proposed(ctx: ProposalContext, operations: unknown[], proposedBy = 'ana') {
  const result = propose(ctx, { caseId: CASE, operations, proposedBy });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function approved(ctx: ProposalContext, proposalId: string, approvedBy = 'ben') {
  const result = approve(ctx, { proposalId, approvedBy });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function input(t: TestStore, useCase: string, key: string) {
  return t.store
    .getCase(CASE)!
    .document.scenarios.find((s) => s.id === 'actual')!
    .useCases.find((u) => u.id === useCase)!
    .inputs.find((i) => i.key === key);
}

const headline = (f: { total: number; realizedToDate: number | null; measuredToDate: number | null; assumedToDate: number | null } | null) =>
  f && [f.total, f.realizedToDate, f.measuredToDate, f.assumedToDate];

/** The sample case with self-service's deflection a constant and its calculation untracked (assumed: 500 a month). */
function untrackedSelfService(): BusinessCase {
  const doc = sampleCase();
  const selfService = doc.scenarios[1]!.useCases[1]!;
  selfService.inputs[1] = { key: 'deflection', label: 'Deflection rate', unit: 'percent', value: 0.1 };
  delete selfService.calculations[0]!.metric;
  return doc;
}

const lock = (through: string) => ({ op: 'lockMonths', scenario: 'actual', through });

describe('Contract 2 operations through propose, approve, audit and history', () => {
  it('setInput from a month: previewed "from Apr 2025 on", applied, audited, and kept in history as a value set', () => {
    const t = setup();
    const op = { op: 'setInput', scenario: 'actual', useCase: 'support', input: 'reps', value: 15, from: '2025-04' };
    const p = proposed(t.ctx, [op]);
    expect(p.preview[0]!.changes).toEqual([
      'Reps (reps): 10 -> 15 from Apr 2025 on; months before Apr 2025 keep their values',
      'Reps (reps) now changes by month (a changing assumption, not a measurement)',
    ]);
    // Jan-Mar 10 reps: 3 x 5000; Apr-Dec 15 reps: 15 x 60000 x 0.1 / 12 = 7500 a month.
    // Total 15000 + 9 x 7500 + 6000 = 88500; to date 15000 + 3 x 7500 = 37500, all measured (gain is the metric).
    expect(headline(p.preview[0]!.before)).toEqual([66000, 30000, 30000, 0]);
    expect(headline(p.preview[0]!.after)).toEqual([88500, 37500, 37500, 0]);

    const result = approved(t.ctx, p.id);
    expect(result).toMatchObject({ version: 2, rechecked: false });
    expect(input(t, 'support', 'reps')).toEqual({ key: 'reps', label: 'Reps', unit: 'reps', value: 10, series: { '2025-04': 15 } });
    expect(t.store.listAudit(CASE).map((a) => [a.op, a.proposedBy, a.approvedBy, a.versionAfter, a.operation])).toEqual([['setInput', 'ana', 'ben', 2, op]]);
    expect(
      t.store
        .listMeasurements({ caseId: CASE, input: 'reps' })
        .map((h) => [h.action, h.month, h.value, h.replacedValue, h.recordedBy, h.approvedBy, h.proposalId, h.version]),
    ).toEqual([['set', '2025-04', 15, null, 'ana', 'ben', p.id, 2]]);

    // Setting the same month again replaces the value; the history keeps both.
    const again = proposed(t.ctx, [{ ...op, value: 14 }], 'cy');
    expect(again.preview[0]!.changes).toContain('replaces the value set from Apr 2025 (was 15)');
    approved(t.ctx, again.id, 'dee');
    const rows = t.store.listMeasurements({ caseId: CASE, input: 'reps' });
    expect(rows.map((h) => [h.action, h.value, h.replacedValue, h.recordedBy, h.approvedBy, h.supersededBy])).toEqual([
      ['set', 15, null, 'ana', 'ben', rows[1]!.id],
      ['set', 14, 15, 'cy', 'dee', null],
    ]);
  });

  it('removeMeasurement: the removed value stays in history, marked removed, with who removed it and when', () => {
    const t = setup();
    const recorded = proposed(t.ctx, [measure('self-service', 'deflection', '2025-03', 0.2)], 'ana');
    approved(t.ctx, recorded.id, 'ben');
    t.clock.advance(3_600_000);
    const removal = proposed(t.ctx, [{ op: 'removeMeasurement', scenario: 'actual', useCase: 'self-service', input: 'deflection', month: '2025-03' }], 'cy');
    expect(removal.preview[0]!.changes).toEqual(['removed Deflection rate (deflection) in 2025-03: 20%; 2025-03 now takes 10% (no measurement before it)']);
    // With 0.2 from March: total 66000 + 10 months x 1000 x 0.1 x 5 = 71000, realized 30000 + 4 x 1000 = 34000.
    // Without it self-service claims nothing again: back to 66000 and 30000.
    expect(headline(removal.preview[0]!.before)).toEqual([71000, 34000, 34000, 0]);
    expect(headline(removal.preview[0]!.after)).toEqual([66000, 30000, 30000, 0]);
    t.clock.advance(60_000);
    const result = approved(t.ctx, removal.id, 'dee');
    expect(result.version).toBe(3);
    expect(input(t, 'self-service', 'deflection')!.series).toEqual({});

    expect(t.store.listAudit(CASE).map((a) => [a.op, a.proposedBy, a.approvedBy, a.versionAfter])).toEqual([
      ['recordMeasurement', 'ana', 'ben', 2],
      ['removeMeasurement', 'cy', 'dee', 3],
    ]);
    const rows = t.store.listMeasurements({ caseId: CASE, input: 'deflection' });
    expect(
      rows.map((h) => [h.action, h.month, h.value, h.replacedValue, h.recordedBy, h.approvedBy, h.proposalId, h.recordedAt, h.version, h.supersededBy]),
    ).toEqual([
      ['recorded', '2025-03', 0.2, null, 'ana', 'ben', recorded.id, '2025-06-15T12:00:00.000Z', 2, rows[1]!.id],
      ['removed', '2025-03', 0.2, 0.2, 'cy', 'dee', removal.id, '2025-06-15T13:01:00.000Z', 3, null],
    ]);

    // Recording the month again supersedes the removal; the new value replaced nothing.
    approved(t.ctx, proposed(t.ctx, [measure('self-service', 'deflection', '2025-03', 0.25)], 'eve').id, 'fay');
    const after = t.store.listMeasurements({ caseId: CASE, input: 'deflection' });
    expect(after.map((h) => [h.action, h.value, h.replacedValue, h.supersededBy])).toEqual([
      ['recorded', 0.2, null, after[1]!.id],
      ['removed', 0.2, 0.2, after[2]!.id],
      ['recorded', 0.25, null, null],
    ]);
  });

  it('annotateMeasurement: allowed in a locked month, changes no figure, and adds a history row with the same value', () => {
    const t = setup();
    approved(t.ctx, proposed(t.ctx, [lock('2025-03')]).id);
    const op = {
      op: 'annotateMeasurement',
      scenario: 'actual',
      useCase: 'support',
      input: 'gain',
      month: '2025-01',
      note: 'Q1 review',
      evidence: 'https://example.com/q1.csv',
    };
    const p = proposed(t.ctx, [op], 'cy');
    expect(p.preview[0]!.changes).toEqual([
      'annotated Efficiency gain (gain) in 2025-01, value 10% unchanged: note "Q1 review", evidence "https://example.com/q1.csv"',
    ]);
    expect(p.preview[0]!.after).toEqual(p.preview[0]!.before);
    expect(approved(t.ctx, p.id, 'dee').version).toBe(3);
    expect(input(t, 'support', 'gain')!.series).toEqual({ '2025-01': { value: 0.1, note: 'Q1 review', evidence: 'https://example.com/q1.csv' } });
    expect(t.store.listAudit(CASE).map((a) => [a.op, a.proposedBy, a.approvedBy, a.changes])).toEqual([
      ['lockMonths', 'ana', 'ben', ['months through 2025-03 are locked; their measurements can no longer change']],
      ['annotateMeasurement', 'cy', 'dee', p.preview[0]!.changes],
    ]);
    const rows = t.store.listMeasurements({ caseId: CASE, input: 'gain' });
    expect(rows.map((h) => [h.action, h.value, h.replacedValue, h.note, h.evidence, h.recordedBy, h.approvedBy, h.version, h.supersededBy])).toEqual([
      ['recorded', 0.1, null, null, null, 'admin', null, 1, rows[1]!.id],
      ['annotated', 0.1, 0.1, 'Q1 review', 'https://example.com/q1.csv', 'cy', 'dee', 3, null],
    ]);
  });

  it('trackMetric: the calculation claims nothing until measured; no history row until a value is recorded', () => {
    const t = setup(untrackedSelfService());
    const op = { op: 'trackMetric', scenario: 'actual', useCase: 'self-service', calculation: 'deflected', input: 'deflection' };
    const p = proposed(t.ctx, [op]);
    expect(p.preview[0]!.changes).toEqual([
      "calculation 'Deflected tickets' now tracks Deflection rate (deflection) monthly",
      'the planned 10% is kept as deflection_target',
      'until the first measurement the calculation claims no realized benefit',
    ]);
    // Before: self-service assumed, 6 x 500 = 3000 to date; after: it claims nothing.
    expect(headline(p.preview[0]!.before)).toEqual([66000, 33000, 30000, 3000]);
    expect(headline(p.preview[0]!.after)).toEqual([66000, 30000, 30000, 0]);
    approved(t.ctx, p.id);
    const doc = t.store.getCase(CASE)!.document;
    const selfService = doc.scenarios[1]!.useCases[1]!;
    expect(selfService.calculations[0]!.metric).toBe('deflection');
    expect(selfService.inputs.map((i) => [i.key, i.value, i.series])).toEqual([
      ['tickets', 1000, undefined],
      ['deflection', 0.1, {}],
      ['cost_per_ticket', 5, undefined],
      ['deflection_target', 0.1, undefined],
    ]);
    expect(t.store.listAudit(CASE).map((a) => [a.op, a.proposedBy, a.approvedBy, a.operation])).toEqual([['trackMetric', 'ana', 'ben', op]]);
    expect(t.store.listMeasurements({ caseId: CASE, input: 'deflection' })).toEqual([]);

    // The first measurement: May and June claim 1000 x 0.2 x 5 = 1000 each.
    const m = proposed(t.ctx, [measure('self-service', 'deflection', '2025-05', 0.2)], 'cy');
    expect(m.preview[0]!.after.realizedToDate).toBe(32000);
    approved(t.ctx, m.id, 'dee');
    expect(t.store.listMeasurements({ caseId: CASE, input: 'deflection' }).map((h) => [h.action, h.month, h.value, h.recordedBy, h.approvedBy])).toEqual([
      ['recorded', '2025-05', 0.2, 'cy', 'dee'],
    ]);
  });

  it('updateMilestone: marks the existing milestone achieved instead of adding a twin', () => {
    const t = setup();
    approved(t.ctx, proposed(t.ctx, [{ op: 'addMilestone', scenario: 'actual', id: 'all-teams', name: 'All teams onboarded', targetMonth: '2025-05' }]).id);
    const twin = propose(t.ctx, {
      caseId: CASE,
      operations: [{ op: 'addMilestone', scenario: 'actual', id: 'teams', name: ' all teams ONBOARDED ' }],
      proposedBy: 'cy',
    });
    expect(twin).toEqual({
      ok: false,
      error: {
        code: 'refused',
        index: 0,
        path: '$.name',
        message:
          "operation 0 (addMilestone) refused: scenario 'actual' already has a milestone named 'All teams onboarded' (all-teams); change it with updateMilestone",
      },
    });
    const op = { op: 'updateMilestone', scenario: 'actual', id: 'all-teams', achievedMonth: '2025-05' };
    const p = proposed(t.ctx, [op], 'cy');
    expect(p.preview[0]!.changes).toEqual(["milestone 'All teams onboarded' (all-teams): achieved 2025-05"]);
    expect(p.preview[0]!.after).toEqual(p.preview[0]!.before);
    expect(approved(t.ctx, p.id, 'dee').version).toBe(3);
    expect(t.store.getCase(CASE)!.document.scenarios[1]!.milestones).toEqual([
      { id: 'all-teams', name: 'All teams onboarded', targetMonth: '2025-05', achievedMonth: '2025-05' },
    ]);
    expect(t.store.listAudit(CASE).map((a) => [a.op, a.proposedBy, a.approvedBy, a.operation])).toEqual([
      ['addMilestone', 'ana', 'ben', { op: 'addMilestone', scenario: 'actual', id: 'all-teams', name: 'All teams onboarded', targetMonth: '2025-05' }],
      ['updateMilestone', 'cy', 'dee', op],
    ]);
    expect(t.store.listMeasurements({ caseId: CASE })).toHaveLength(1); // only the imported gain entry
  });
});

describe('the lock guard through the proposal workflow', () => {
  it('refuses a proposal that would rewrite a locked month, names the month and the operation, and stores nothing', () => {
    const t = setup();
    approved(t.ctx, proposed(t.ctx, [lock('2025-03')]).id);
    const before = dumpTables(t.handle.sqlite);
    const result = propose(t.ctx, {
      caseId: CASE,
      operations: [{ op: 'setInput', scenario: 'actual', useCase: 'support', input: 'reps', value: 12 }],
      proposedBy: 'cy',
    });
    // 12 reps: 12 x 60000 x 0.1 / 12 = 6000 a month instead of 5000, in January already; the
    // month's benefit also holds self-service's 500 (unclaimed, but benefit): 5500 -> 6500.
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'refused',
        index: 0,
        path: '$.op',
        message:
          "operation 0 (setInput) refused: setInput would change locked month 2025-01 (scenario 'actual' is locked through 2025-03): benefit 5,500.00 -> 6,500.00. " +
          'Locked months keep their figures; to change an assumption from a later month on, use setInput with from after 2025-03',
      },
    });
    expect(dumpTables(t.handle.sqlite)).toBe(before);

    // The way the refusal points to: the change from April on, with the locked months named as kept.
    const p = proposed(t.ctx, [{ op: 'setInput', scenario: 'actual', useCase: 'support', input: 'reps', value: 12, from: '2025-04' }], 'cy');
    expect(p.preview[0]!.changes).toContain('locked months through 2025-03 keep their figures (realized 15,000.00 in 2025-01 to 2025-03)');
  });

  it('refuses a trackMetric that would turn locked assumed months into unclaimed ones', () => {
    const t = setup(untrackedSelfService());
    approved(t.ctx, proposed(t.ctx, [lock('2025-03')]).id);
    const result = propose(t.ctx, {
      caseId: CASE,
      operations: [{ op: 'trackMetric', scenario: 'actual', useCase: 'self-service', calculation: 'deflected', input: 'deflection' }],
      proposedBy: 'cy',
    });
    // January realized 5000 (support) + 500 (self-service, assumed); tracked, self-service claims nothing.
    expect(result.ok === false && result.error.message).toBe(
      "operation 0 (trackMetric) refused: trackMetric would change locked month 2025-01 (scenario 'actual' is locked through 2025-03): realized 5,500.00 -> 5,000.00. " +
        'Locked months keep their figures; to change an assumption from a later month on, use setInput with from after 2025-03',
    );
  });

  it('re-checks a proposal made before the lock and refuses it with the month, the operation and what changed since', () => {
    const t = setup();
    const raise = proposed(t.ctx, [{ op: 'setInput', scenario: 'actual', useCase: 'support', input: 'reps', value: 12 }], 'ana');
    approved(t.ctx, proposed(t.ctx, [lock('2025-03')], 'cy').id, 'dee');
    const caseBefore = t.store.getCase(CASE);
    const refused = approve(t.ctx, { proposalId: raise.id, approvedBy: 'ben' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('refused');
    expect(refused.error.message).toContain(
      `proposal ${raise.id} refused: operation 0 (setInput) no longer applies: setInput would change locked month 2025-01 (scenario 'actual' is locked through 2025-03): benefit 5,500.00 -> 6,500.00.`,
    );
    expect(refused.error.message).toContain('version 2: lockMonths proposed by cy, approved by dee');
    expect(t.store.getProposal(raise.id)).toMatchObject({ status: 'refused', decidedBy: 'ben' });
    expect(t.store.getCase(CASE)).toEqual(caseBefore);
  });
});

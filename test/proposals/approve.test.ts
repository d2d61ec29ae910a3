import { describe, expect, it } from 'vitest';
import { approve, importCase, propose, reject, type ProposalContext } from '../../src/proposals/index.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { measure, sampleCase, setInput } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

const CASE = 'acme-helpdesk';

function setup() {
  const t = memoryStore();
  const imported = importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  return t;
}

function proposed(ctx: ProposalContext, operations: unknown[], proposedBy = 'ana'): string {
  const result = propose(ctx, { caseId: CASE, operations, proposedBy });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.id;
}

function series(t: ReturnType<typeof setup>, useCase: string, input: string) {
  const doc = t.store.getCase(CASE)!.document;
  return doc.scenarios
    .find((s) => s.id === 'actual')!
    .useCases.find((u) => u.id === useCase)!
    .inputs.find((i) => i.key === input)!.series;
}

describe('approve', () => {
  it('applies a proposal: new document, version + 1, history, one audit entry per operation with the right people', () => {
    const t = setup();
    const id = proposed(t.ctx, [
      measure('support', 'gain', '2025-03', 0.3, { note: 'Q1 review', source: 'Zendesk' }),
      setInput('self-service', 'tickets', 1200),
    ]);
    t.clock.advance(60_000);
    const result = approve(t.ctx, { proposalId: id, approvedBy: 'ben' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ alreadyApplied: false, rechecked: false, version: 2 });
    expect(result.value.proposal).toMatchObject({ status: 'applied', decidedBy: 'ben', decidedAt: '2025-06-15T12:01:00.000Z', appliedVersion: 2 });
    expect(t.store.getCase(CASE)!.version).toBe(2);
    expect(series(t, 'support', 'gain')).toEqual({ '2025-01': 0.1, '2025-03': { value: 0.3, note: 'Q1 review', source: 'Zendesk' } });

    const audit = t.store.listAudit(CASE);
    expect(audit).toEqual(result.value.audit);
    expect(audit.map((a) => [a.opIndex, a.op, a.proposedBy, a.approvedBy, a.versionBefore, a.versionAfter, a.at, a.asOf])).toEqual([
      [0, 'recordMeasurement', 'ana', 'ben', 1, 2, '2025-06-15T12:01:00.000Z', '2025-06'],
      [1, 'setInput', 'ana', 'ben', 1, 2, '2025-06-15T12:01:00.000Z', '2025-06'],
    ]);
    expect(audit[0]!.operation).toEqual(measure('support', 'gain', '2025-03', 0.3, { note: 'Q1 review', source: 'Zendesk' }));
    expect([audit[0]!.before!.realizedToDate, audit[0]!.after.realizedToDate]).toEqual([30000, 70000]);
    expect(audit[1]!.changes).toEqual(['Tickets per month (tickets): 1000 -> 1200 in every month']);

    const history = t.store.listMeasurements({ caseId: CASE, input: 'gain' });
    expect(history.map((h) => [h.month, h.value, h.note, h.source, h.recordedBy, h.approvedBy, h.proposalId, h.version])).toEqual([
      ['2025-01', 0.1, null, null, 'admin', null, null, 1],
      ['2025-03', 0.3, 'Q1 review', 'Zendesk', 'ana', 'ben', id, 2],
    ]);
  });

  it('replacing a measurement keeps the old value in history', () => {
    const t = setup();
    const first = proposed(t.ctx, [measure('support', 'gain', '2025-03', 0.3)], 'ana');
    expect(approve(t.ctx, { proposalId: first, approvedBy: 'ben' }).ok).toBe(true);
    const second = proposed(t.ctx, [measure('support', 'gain', '2025-03', 0.25, { note: 'corrected export' })], 'cy');
    expect(t.store.getProposal(second)!.preview[0]!.changes).toEqual(['replaced Efficiency gain (gain) in 2025-03: 25%, note "corrected export" (was 30%)']);
    expect(approve(t.ctx, { proposalId: second, approvedBy: 'dee' }).ok).toBe(true);
    expect(series(t, 'support', 'gain')!['2025-03']).toEqual({ value: 0.25, note: 'corrected export' });
    const march = t.store.listMeasurements({ caseId: CASE, scenario: 'actual', useCase: 'support', input: 'gain' }).filter((h) => h.month === '2025-03');
    expect(march.map((h) => [h.value, h.replacedValue, h.recordedBy, h.approvedBy, h.version, h.supersededBy])).toEqual([
      [0.3, null, 'ana', 'ben', 2, march[1]!.id],
      [0.25, 0.3, 'cy', 'dee', 3, null],
    ]);
  });

  it('records a re-recorded identical value in history too (who reported it again, and when)', () => {
    const t = setup();
    const first = proposed(t.ctx, [measure('self-service', 'deflection', '2025-02', 0.2)], 'ana');
    expect(approve(t.ctx, { proposalId: first, approvedBy: 'ben' }).ok).toBe(true);
    const again = proposed(t.ctx, [measure('self-service', 'deflection', '2025-02', 0.2)], 'cy');
    expect(approve(t.ctx, { proposalId: again, approvedBy: 'dee' }).ok).toBe(true);
    const rows = t.store.listMeasurements({ caseId: CASE, input: 'deflection' });
    expect(rows.map((r) => [r.value, r.replacedValue, r.recordedBy, r.supersededBy])).toEqual([
      [0.2, null, 'ana', rows[1]!.id],
      [0.2, 0.2, 'cy', null],
    ]);
  });

  it('re-runs the engine when a proposal carries no stored outcome, checks it against the preview, and applies it at the same version', () => {
    const t = setup();
    const made = propose(t.ctx, { caseId: CASE, operations: [measure('support', 'gain', '2025-03', 0.3)], proposedBy: 'ana' });
    if (!made.ok) throw new Error(made.error.message);
    const bare = t.store.insertProposal({ ...made.value, result: null });
    expect(t.store.getProposalResult(bare.id)).toBeNull();
    expect(t.store.getProposalResult(made.value.id)!.measurements).toEqual([
      {
        action: 'recorded',
        scenario: 'actual',
        useCase: 'support',
        input: 'gain',
        month: '2025-03',
        value: 0.3,
        note: null,
        evidence: null,
        source: null,
        replacedValue: null,
      },
    ]);
    const result = approve(t.ctx, { proposalId: bare.id, approvedBy: 'ben' });
    expect(result.ok && result.value).toMatchObject({ rechecked: true, version: 2 });
    expect(result.ok && result.value.audit[0]!.after).toEqual(made.value.preview[0]!.after);
    expect(series(t, 'support', 'gain')).toEqual({ '2025-01': 0.1, '2025-03': 0.3 });
    expect(t.store.listMeasurements({ caseId: CASE, input: 'gain' }).at(-1)).toMatchObject({ value: 0.3, proposalId: bare.id, approvedBy: 'ben' });
  });

  it('keeps both values when one proposal records the same month twice', () => {
    const t = setup();
    const id = proposed(t.ctx, [measure('self-service', 'deflection', '2025-02', 0.2), measure('self-service', 'deflection', '2025-02', 0.22)]);
    expect(approve(t.ctx, { proposalId: id, approvedBy: 'ben' }).ok).toBe(true);
    const rows = t.store.listMeasurements({ caseId: CASE, input: 'deflection' });
    expect(rows.map((r) => [r.value, r.replacedValue, r.supersededBy])).toEqual([
      [0.2, null, rows[1]!.id],
      [0.22, 0.2, null],
    ]);
    expect(t.store.listAudit(CASE)).toHaveLength(2);
  });

  it('approving twice applies once and returns the earlier result', () => {
    const t = setup();
    const id = proposed(t.ctx, [measure('support', 'gain', '2025-03', 0.3)]);
    const first = approve(t.ctx, { proposalId: id, approvedBy: 'ben' });
    const after = dumpTables(t.handle.sqlite);
    t.clock.advance(1000);
    const second = approve(t.ctx, { proposalId: id, approvedBy: 'eve' });
    expect(second.ok && first.ok).toBe(true);
    if (!second.ok || !first.ok) return;
    expect(second.value).toEqual({ ...first.value, alreadyApplied: true });
    expect(second.value.proposal.decidedBy).toBe('ben');
    expect(dumpTables(t.handle.sqlite)).toBe(after);
    expect(t.store.getCase(CASE)!.version).toBe(2);
    expect(t.store.listAudit(CASE)).toHaveLength(1);
  });

  it('two conflicting proposals: the first applies, the second is refused with a reason naming what changed', () => {
    const t = setup();
    const raise = proposed(t.ctx, [setInput('support', 'rep_cost', 70000)], 'ana');
    const record = proposed(t.ctx, [measure('support', 'gain', '2025-03', 0.3)], 'cy');
    expect(approve(t.ctx, { proposalId: raise, approvedBy: 'ben' }).ok).toBe(true);
    const afterFirst = t.store.getCase(CASE);
    const historyAfterFirst = t.store.listMeasurements({ caseId: CASE });
    const refused = approve(t.ctx, { proposalId: record, approvedBy: 'dee' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('refused');
    expect(refused.error.message).toContain('operation 0 (recordMeasurement) no longer does what was previewed');
    expect(refused.error.message).toContain('total would change by +116666.67 instead of the previewed +100000.00');
    expect(refused.error.message).toContain('The business case is at version 2; the proposal was previewed against version 1');
    expect(refused.error.message).toContain('version 2: setInput proposed by ana, approved by ben (Cost per rep (rep_cost): 60000 -> 70000 in every month)');
    expect(t.store.getProposal(record)).toMatchObject({ status: 'refused', decidedBy: 'dee' });
    expect(t.store.getProposal(record)!.reason).toContain('Cost per rep (rep_cost): 60000 -> 70000');
    // Nothing of the refused proposal reached the case, the history or the audit log.
    expect(t.store.getCase(CASE)).toEqual(afterFirst);
    expect(t.store.listMeasurements({ caseId: CASE })).toEqual(historyAfterFirst);
    expect(t.store.listAudit(CASE).map((a) => a.proposalId)).toEqual([raise]);
    // Approving it again reports the refusal; it stays refused.
    expect(approve(t.ctx, { proposalId: record, approvedBy: 'dee' })).toMatchObject({ ok: false, error: { code: 'not_pending' } });
  });

  it('refuses a stale proposal whose change line would differ (someone recorded the same month first)', () => {
    const t = setup();
    const a = proposed(t.ctx, [measure('self-service', 'deflection', '2025-02', 0.2)], 'ana');
    const b = proposed(t.ctx, [measure('self-service', 'deflection', '2025-02', 0.25)], 'cy');
    expect(approve(t.ctx, { proposalId: a, approvedBy: 'ben' }).ok).toBe(true);
    const refused = approve(t.ctx, { proposalId: b, approvedBy: 'ben' });
    expect(refused.ok === false && refused.error.message).toContain(
      'it would now do "replaced Deflection rate (deflection) in 2025-02: 25% (was 20%)" instead of the previewed "recorded Deflection rate (deflection) in 2025-02: 25%"',
    );
    expect(series(t, 'self-service', 'deflection')).toEqual({ '2025-02': 0.2 });
  });

  it('refuses a stale proposal when only the evidence of the entry it replaces changed since', () => {
    const t = setup();
    const recorded = proposed(t.ctx, [measure('self-service', 'deflection', '2025-02', 0.2, { evidence: 'old.csv' })], 'ana');
    expect(approve(t.ctx, { proposalId: recorded, approvedBy: 'ben' }).ok).toBe(true);
    // A note on the recorded value, sent with the evidence it had (as proposeMeasurements does) ...
    const note = proposed(t.ctx, [measure('self-service', 'deflection', '2025-02', 0.2, { note: 'checked', evidence: 'old.csv' })], 'cy');
    // ... then someone corrects the evidence, same value, same figures.
    const corrected = proposed(t.ctx, [measure('self-service', 'deflection', '2025-02', 0.2, { evidence: 'corrected.csv' })], 'dee');
    expect(approve(t.ctx, { proposalId: corrected, approvedBy: 'ben' }).ok).toBe(true);
    const refused = approve(t.ctx, { proposalId: note, approvedBy: 'ben' });
    expect(refused.ok === false && refused.error.message).toContain('(was 20%, evidence "corrected.csv")');
    expect(series(t, 'self-service', 'deflection')).toEqual({ '2025-02': { value: 0.2, evidence: 'corrected.csv' } });
  });

  it('refuses a stale proposal that no longer applies at all', () => {
    const t = setup();
    const op = { op: 'enableMonthlyValues', scenario: 'actual', useCase: 'self-service', input: 'tickets' };
    const a = proposed(t.ctx, [op], 'ana');
    const b = proposed(t.ctx, [op], 'cy');
    expect(approve(t.ctx, { proposalId: a, approvedBy: 'ben' }).ok).toBe(true);
    const refused = approve(t.ctx, { proposalId: b, approvedBy: 'ben' });
    expect(refused.ok === false && refused.error.message).toMatch(
      /^proposal .+ refused: operation 0 \(enableMonthlyValues\) no longer applies: input 'tickets' is already time-series\. The business case is at version 2/,
    );
  });

  it('re-checks a non-conflicting stale proposal and applies it', () => {
    const t = setup();
    const raise = proposed(t.ctx, [setInput('support', 'rep_cost', 70000)], 'ana');
    const deflect = proposed(t.ctx, [measure('self-service', 'deflection', '2025-02', 0.2)], 'cy');
    expect(approve(t.ctx, { proposalId: raise, approvedBy: 'ben' }).ok).toBe(true);
    const result = approve(t.ctx, { proposalId: deflect, approvedBy: 'dee' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ rechecked: true, alreadyApplied: false, version: 3 });
    const doc = t.store.getCase(CASE)!;
    expect(doc.version).toBe(3);
    expect(series(t, 'self-service', 'deflection')).toEqual({ '2025-02': 0.2 });
    expect(doc.document.scenarios[1]!.useCases[0]!.inputs[1]!.value).toBe(70000);
    // The audit entry holds the figures of the document it was really applied to.
    const [entry] = result.value.audit;
    expect(entry).toMatchObject({ proposedBy: 'cy', approvedBy: 'dee', versionBefore: 2, versionAfter: 3 });
    expect(entry!.before!.total).toBe(76000);
    // Feb-Dec go from the assumed 0.1 to 0.2: 1000 tickets x 0.1 x 5 USD x 11 months.
    expect(entry!.after.total - entry!.before!.total).toBeCloseTo(1000 * 0.1 * 5 * 11, 2);
  });

  it('applies a multi-operation proposal all or nothing on re-check', () => {
    const t = setup();
    const tickets = proposed(t.ctx, [setInput('self-service', 'tickets', 2000)], 'ana');
    const both = proposed(t.ctx, [measure('support', 'gain', '2025-04', 0.2), measure('self-service', 'deflection', '2025-03', 0.3)], 'cy');
    expect(approve(t.ctx, { proposalId: tickets, approvedBy: 'ben' }).ok).toBe(true);
    const before = dumpTables(t.handle.sqlite);
    const refused = approve(t.ctx, { proposalId: both, approvedBy: 'ben' });
    expect(refused.ok === false && refused.error.message).toContain('operation 1 (recordMeasurement) no longer does what was previewed');
    // Only the proposal's status and reason changed: the first (still valid) operation was not applied either.
    const after = JSON.parse(dumpTables(t.handle.sqlite)) as Record<string, unknown[]>;
    const was = JSON.parse(before) as Record<string, unknown[]>;
    expect({ ...after, proposals: [] }).toEqual({ ...was, proposals: [] });
    expect(series(t, 'support', 'gain')).toEqual({ '2025-01': 0.1 });
  });

  it('expires instead of applying a proposal older than the allowed age', () => {
    const t = setup();
    const id = proposed(t.ctx, [setInput('support', 'reps', 12)]);
    t.clock.advance(7 * 86_400_000 + 1);
    const result = approve(t.ctx, { proposalId: id, approvedBy: 'ben' });
    expect(result).toMatchObject({ ok: false, error: { code: 'expired' } });
    expect(result.ok === false && result.error.message).toContain('not decided within 7 days (proposed 2025-06-15T12:00:00.000Z)');
    expect(t.store.getProposal(id)!.status).toBe('expired');
    expect(t.store.getCase(CASE)!.version).toBe(1);
    const shortLived = { ...t.ctx, maxAgeMs: 3_600_000 };
    const other = proposed(shortLived, [setInput('support', 'reps', 12)]);
    t.clock.advance(3_600_000);
    expect(approve(shortLived, { proposalId: other, approvedBy: 'ben' }).ok).toBe(true);
  });

  it('does not apply a rejected or unknown proposal, nor without a name (other workspaces: test/app)', () => {
    const t = setup();
    const id = proposed(t.ctx, [setInput('support', 'reps', 12)]);
    const before = dumpTables(t.handle.sqlite);
    expect(approve(t.ctx, { proposalId: 'nope', approvedBy: 'ben' })).toEqual({ ok: false, error: { code: 'not_found', message: "no proposal 'nope'" } });
    expect(approve(t.ctx, { proposalId: id, approvedBy: ' ' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(dumpTables(t.handle.sqlite)).toBe(before);
    expect(reject(t.ctx, { proposalId: id, rejectedBy: 'cy', reason: 'wrong team size' }).ok).toBe(true);
    const result = approve(t.ctx, { proposalId: id, approvedBy: 'ben' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_pending', message: `proposal ${id} was rejected by cy at 2025-06-15T12:00:00.000Z: wrong team size` },
    });
    expect(t.store.getCase(CASE)!.version).toBe(1);
  });
});

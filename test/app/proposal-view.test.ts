import { describe, expect, it } from 'vitest';
import { approveProposal } from '../../src/app/approve-proposal.ts';
import { proposeChange } from '../../src/app/propose-change.ts';
import { rejectProposal } from '../../src/app/reject-proposal.ts';
import { viewProposal } from '../../src/app/view-proposal.ts';
import { importCase } from '../../src/proposals/index.ts';
import { measure, sampleCase, setInput } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

const CASE = 'acme-helpdesk';

function setup() {
  const t = memoryStore();
  const imported = importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  return t;
}

function proposed(t: ReturnType<typeof setup>, operations: unknown[]) {
  const made = proposeChange(t.ctx, { caseId: CASE, operations, proposedBy: 'ana', channel: 'cli' });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

describe('the proposal view every door renders', () => {
  it('a pending proposal shows its preview: what will change and the figures before and after', () => {
    const t = setup();
    const { proposal, view } = proposed(t, [setInput('support', 'reps', 12)]);
    expect(view).toEqual({
      proposalId: proposal.id,
      caseId: CASE,
      businessCase: 'Acme Helpdesk',
      status: 'pending',
      currency: 'USD',
      scenario: 'actual',
      asOf: '2025-06',
      changes: proposal.preview[0]!.changes,
      before: proposal.preview[0]!.before,
      after: proposal.preview[0]!.after,
      baseVersion: 1,
      proposedBy: 'ana',
      proposedAt: '2025-06-15T12:00:00.000Z',
      decidedBy: null,
      decidedAt: null,
      reason: null,
      warnings: [],
      appliedVersion: null,
      versionBefore: null,
      rechecked: null,
    });
    expect(view.changes).toEqual(['Reps (reps): 10 -> 12 in every month']);
  });

  it('operations on two scenarios show no single "before"', () => {
    const t = setup();
    const { view } = proposed(t, [setInput('support', 'reps', 12), { op: 'setInput', scenario: 'plan', useCase: 'support', input: 'reps', value: 12 }]);
    expect(view.before).toBeNull();
    expect(view.scenario).toBe('plan');
    expect(view.changes).toHaveLength(2);
  });

  it('an approval returns the view of what it applied, the same view the store gives back afterwards', () => {
    const t = setup();
    const { proposal } = proposed(t, [measure('support', 'gain', '2025-03', 0.3), setInput('self-service', 'tickets', 1200)]);
    t.clock.advance(60_000);
    const approved = approveProposal(t.ctx, { proposalId: proposal.id, approvedBy: 'ben' });
    if (!approved.ok) throw new Error(approved.error.message);
    const { view, audit } = approved.value;
    expect(view).toMatchObject({
      status: 'applied',
      decidedBy: 'ben',
      decidedAt: '2025-06-15T12:01:00.000Z',
      appliedVersion: 2,
      versionBefore: 1,
      baseVersion: 1,
      rechecked: false,
      changes: [...audit[0]!.changes, ...audit[1]!.changes],
      before: audit[0]!.before,
      after: audit[1]!.after,
    });
    expect(viewProposal(t.store, proposal.id)).toEqual({ ok: true, value: view });
    // Approving again applies nothing and shows the same application.
    const again = approveProposal(t.ctx, { proposalId: proposal.id, approvedBy: 'cy' });
    expect(again.ok && again.value.alreadyApplied && again.value.view).toEqual(view);
  });

  it('a proposal applied after the case moved on says so: applied to another version than previewed, re-checked', () => {
    const t = setup();
    const first = proposed(t, [setInput('support', 'reps', 12)]).proposal;
    const second = proposed(t, [setInput('self-service', 'tickets', 1200)]).proposal;
    expect(approveProposal(t.ctx, { proposalId: first.id, approvedBy: 'ben' }).ok).toBe(true);
    const late = approveProposal(t.ctx, { proposalId: second.id, approvedBy: 'ben' });
    expect(late.ok && late.value.view).toMatchObject({ baseVersion: 1, versionBefore: 2, appliedVersion: 3, rechecked: true });
    // Read back from the store, the view reads the same from the audit entries of that application only.
    expect(viewProposal(t.store, second.id)).toMatchObject({
      ok: true,
      value: { versionBefore: 2, appliedVersion: 3, rechecked: true, changes: ['Tickets per month (tickets): 1000 -> 1200 in every month'] },
    });
  });

  it('a rejected proposal shows who rejected it and why, and what it would have changed', () => {
    const t = setup();
    const { proposal } = proposed(t, [setInput('support', 'reps', 12)]);
    const rejected = rejectProposal(t.ctx, { proposalId: proposal.id, rejectedBy: 'cy', reason: 'wrong team size' });
    expect(rejected.ok && rejected.value.view).toMatchObject({
      status: 'rejected',
      decidedBy: 'cy',
      reason: 'wrong team size',
      changes: ['Reps (reps): 10 -> 12 in every month'],
      appliedVersion: null,
      rechecked: null,
    });
  });
});

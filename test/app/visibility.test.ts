import { describe, expect, it } from 'vitest';
import { approveProposal } from '../../src/app/approve-proposal.ts';
import { findCase } from '../../src/app/find-case.ts';
import { findProposal } from '../../src/app/find-proposal.ts';
import { pendingProposals } from '../../src/app/pending-proposals.ts';
import { proposeChange } from '../../src/app/propose-change.ts';
import { qbrDraft } from '../../src/app/qbr-draft.ts';
import { rejectProposal } from '../../src/app/reject-proposal.ts';
import { resolveCase } from '../../src/app/resolve-case.ts';
import { viewProposal } from '../../src/app/view-proposal.ts';
import { importCase } from '../../src/proposals/index.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { sampleCase, setInput } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

/** Two workspaces: `acme` holds acme-helpdesk, `globex` holds globex-desk. */
function setup() {
  const t = memoryStore();
  for (const [id, workspaceId] of [
    ['acme-helpdesk', 'acme'],
    ['globex-desk', 'globex'],
  ] as const) {
    const doc = { ...sampleCase(id), name: id === 'globex-desk' ? 'Globex Desk' : 'Acme Helpdesk', customer: id === 'globex-desk' ? 'Globex' : 'Acme' };
    const imported = importCase(t.ctx, { document: doc, workspaceId, importedBy: 'admin' });
    if (!imported.ok) throw new Error(imported.error.message);
  }
  const made = proposeChange(t.ctx, {
    caseId: 'acme-helpdesk',
    workspaceId: 'acme',
    operations: [setInput('support', 'reps', 12)],
    proposedBy: 'ana',
    channel: 'http',
  });
  if (!made.ok) throw new Error(made.error.message);
  return { ...t, id: made.value.proposal.id };
}

describe('the one workspace-visibility rule', () => {
  it("finds a case in its workspace; another workspace's is not found, naming only the cases the door may see", () => {
    const t = setup();
    expect(findCase(t.store, 'acme-helpdesk', 'acme')).toMatchObject({ ok: true, value: { id: 'acme-helpdesk', workspaceId: 'acme' } });
    expect(findCase(t.store, 'acme-helpdesk', 'globex')).toEqual({
      ok: false,
      error: { code: 'not_found', message: "no business case 'acme-helpdesk' (business cases: globex-desk)" },
    });
    expect(findCase(t.store, 'nope', 'empty')).toEqual({
      ok: false,
      error: { code: 'not_found', message: "no business case 'nope' (there are none yet; import one first)" },
    });
    // No workspace (the CLI, run by whoever holds the database): every case.
    expect(findCase(t.store, 'globex-desk').ok).toBe(true);
    expect(findCase(t.store, 'nope')).toEqual({
      ok: false,
      error: { code: 'not_found', message: "no business case 'nope' (business cases: acme-helpdesk, globex-desk)" },
    });
  });

  it("a proposal on another workspace's case is reported exactly like one that does not exist", () => {
    const t = setup();
    expect(findProposal(t.store, t.id, 'acme')).toMatchObject({ ok: true, value: { proposal: { id: t.id }, record: { id: 'acme-helpdesk' } } });
    expect(findProposal(t.store, t.id, 'globex')).toEqual({ ok: false, error: { code: 'not_found', message: `no proposal '${t.id}'` } });
    expect(findProposal(t.store, 'nope', 'acme')).toEqual({ ok: false, error: { code: 'not_found', message: "no proposal 'nope'" } });
    expect(viewProposal(t.store, t.id, 'globex')).toEqual(findProposal(t.store, t.id, 'globex'));
  });

  it('approving, rejecting, proposing and listing from another workspace change and reveal nothing', async () => {
    const t = setup();
    const before = dumpTables(t.handle.sqlite);
    const hidden = { ok: false, error: { code: 'not_found', message: `no proposal '${t.id}'` } };
    expect(approveProposal(t.ctx, { proposalId: t.id, approvedBy: 'olga', workspaceId: 'globex' })).toEqual(hidden);
    expect(rejectProposal(t.ctx, { proposalId: t.id, rejectedBy: 'olga', workspaceId: 'globex' })).toEqual(hidden);
    expect(
      proposeChange(t.ctx, { caseId: 'acme-helpdesk', workspaceId: 'globex', operations: [setInput('support', 'reps', 3)], proposedBy: 'olga' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(pendingProposals(t.ctx, { workspaceId: 'globex' })).toEqual({ ok: true, value: [] });
    expect(pendingProposals(t.ctx, { workspaceId: 'globex', caseId: 'acme-helpdesk' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const draft = await qbrDraft(t.ctx, {
      caseId: 'acme-helpdesk',
      workspaceId: 'globex',
      quarter: '2025-Q1',
      audience: 'finance',
      model: null,
      requestedBy: 'olga',
    });
    expect(draft).toEqual({ ok: false, error: { code: 'not_found', message: "no business case 'acme-helpdesk' (business cases: globex-desk)" } });
    expect(dumpTables(t.handle.sqlite)).toBe(before);
    expect(pendingProposals(t.ctx, { workspaceId: 'acme' })).toMatchObject({ ok: true, value: [{ id: t.id }] });
  });

  it('resolves a case a person names, only within the workspace, with candidates when it cannot', () => {
    const t = setup();
    expect(resolveCase(t.ctx, 'acme', 'acme')).toMatchObject({ ok: true, value: { id: 'acme-helpdesk' } });
    expect(resolveCase(t.ctx, 'acme', undefined)).toMatchObject({ ok: true, value: { id: 'acme-helpdesk' } });
    expect(resolveCase(t.ctx, 'acme', 'globex')).toEqual({
      ok: false,
      error: { code: 'not_found', message: "no business case called 'globex'", candidates: ['Acme Helpdesk (acme-helpdesk)'] },
    });
    expect(resolveCase(t.ctx, 'empty', undefined)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'there are no business cases in this workspace yet' },
    });
  });
  it('lists proposals with the case as people know it: its id and name, not the storage key an id shared by two workspaces gets', () => {
    const t = setup();
    // globex imports a case with the id acme already has: its storage key differs from its id.
    const twin = { ...sampleCase('acme-helpdesk'), name: 'Globex Helpdesk', customer: 'Globex' };
    const imported = importCase(t.ctx, { document: twin, workspaceId: 'globex', importedBy: 'admin' });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.key).not.toBe('acme-helpdesk');
    const made = proposeChange(t.ctx, {
      caseId: 'acme-helpdesk',
      workspaceId: 'globex',
      operations: [setInput('support', 'reps', 9)],
      proposedBy: 'gus',
      channel: 'http',
    });
    if (!made.ok) throw new Error(made.error.message);
    const listed = pendingProposals(t.ctx, { workspaceId: 'globex' });
    expect(listed.ok && listed.value.map((p) => ({ id: p.id, case: p.case, key: p.caseId }))).toEqual([
      { id: made.value.proposal.id, case: { id: 'acme-helpdesk', name: 'Globex Helpdesk' }, key: imported.value.key },
    ]);
    // acme's list is its own proposal on its own case.
    const acme = pendingProposals(t.ctx, { workspaceId: 'acme' });
    expect(acme.ok && acme.value.map((p) => [p.id, p.case.name])).toEqual([[t.id, 'Acme Helpdesk']]);
  });
});

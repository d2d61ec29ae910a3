import { describe, expect, it } from 'vitest';
import { approve, importCase, listPending, propose, reject } from '../../src/proposals/index.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { sampleCase, setInput } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

function setup() {
  const t = memoryStore();
  importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
  const p = propose(t.ctx, { caseId: 'acme-helpdesk', operations: [setInput('support', 'reps', 12)], proposedBy: 'ana' });
  if (!p.ok) throw new Error(p.error.message);
  return { ...t, id: p.value.id };
}

describe('reject', () => {
  it('records who rejected it and why, leaves the case alone, and is idempotent', () => {
    const t = setup();
    const caseBefore = t.store.getCase('acme-helpdesk');
    t.clock.advance(5000);
    const result = reject(t.ctx, { proposalId: t.id, rejectedBy: 'ben', reason: ' wrong team size ' });
    expect(result.ok && result.value).toMatchObject({
      alreadyRejected: false,
      proposal: { status: 'rejected', decidedBy: 'ben', reason: 'wrong team size', decidedAt: '2025-06-15T12:00:05.000Z' },
    });
    expect(t.store.getCase('acme-helpdesk')).toEqual(caseBefore);
    expect(listPending(t.ctx)).toEqual([]);
    const dump = dumpTables(t.handle.sqlite);
    expect(reject(t.ctx, { proposalId: t.id, rejectedBy: 'cy' })).toMatchObject({ ok: true, value: { alreadyRejected: true, proposal: { decidedBy: 'ben' } } });
    expect(dumpTables(t.handle.sqlite)).toBe(dump);
  });

  it('rejects without a reason', () => {
    const t = setup();
    expect(reject(t.ctx, { proposalId: t.id, rejectedBy: 'ben' })).toMatchObject({ ok: true, value: { proposal: { status: 'rejected', reason: null } } });
  });

  it('cannot reject an applied proposal, an unknown one, or without a name', () => {
    const t = setup();
    expect(approve(t.ctx, { proposalId: t.id, approvedBy: 'ben' }).ok).toBe(true);
    const dump = dumpTables(t.handle.sqlite);
    const result = reject(t.ctx, { proposalId: t.id, rejectedBy: 'cy' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_pending', message: `proposal ${t.id} was already applied by ben at 2025-06-15T12:00:00.000Z (version 2); it cannot be rejected` },
    });
    expect(reject(t.ctx, { proposalId: 'nope', rejectedBy: 'cy' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(reject(t.ctx, { proposalId: t.id, rejectedBy: '' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(dumpTables(t.handle.sqlite)).toBe(dump);
  });
});

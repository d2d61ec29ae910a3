import { describe, expect, it } from 'vitest';
import { hashApiToken } from '../../db/sqlite-store.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { sampleCase } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

const T0 = '2025-06-01T00:00:00.000Z';
const T1 = '2025-06-02T00:00:00.000Z';

function withCase() {
  const t = memoryStore();
  t.store.ensureWorkspace('default', 'Default', T0);
  t.store.insertCase({ workspaceId: 'default', document: sampleCase(), createdBy: 'admin', now: T0 });
  return t;
}

describe('SQLite store: business cases', () => {
  it('stores a document at version 1 and lists cases without documents', () => {
    const { store } = withCase();
    const record = store.getCase('acme-helpdesk')!;
    expect(record).toMatchObject({ id: 'acme-helpdesk', workspaceId: 'default', name: 'Acme Helpdesk', customer: 'Acme', version: 1, createdBy: 'admin' });
    expect(record.document).toEqual(sampleCase());
    expect(store.listCases()).toEqual([
      {
        id: 'acme-helpdesk',
        key: 'acme-helpdesk',
        workspaceId: 'default',
        name: 'Acme Helpdesk',
        customer: 'Acme',
        version: 1,
        createdBy: 'admin',
        createdAt: T0,
        updatedAt: T0,
      },
    ]);
    expect(store.listCases('other')).toEqual([]);
    expect(store.getCase('nope')).toBeNull();
  });

  it('updates a document only at the expected version (optimistic concurrency)', () => {
    const { store, handle } = withCase();
    const changed = { ...sampleCase(), name: 'Renamed' };
    const before = dumpTables(handle.sqlite);
    expect(store.updateCaseDocument({ id: 'acme-helpdesk', expectedVersion: 2, document: changed, now: T1 })).toBe(false);
    expect(dumpTables(handle.sqlite)).toBe(before);
    expect(store.updateCaseDocument({ id: 'acme-helpdesk', expectedVersion: 1, document: changed, now: T1 })).toBe(true);
    expect(store.getCase('acme-helpdesk')).toMatchObject({ version: 2, name: 'Renamed', updatedAt: T1 });
    expect(store.updateCaseDocument({ id: 'acme-helpdesk', expectedVersion: 1, document: sampleCase(), now: T1 })).toBe(false);
  });

  it('refuses a second case with the same id', () => {
    const { store } = withCase();
    expect(() => store.insertCase({ workspaceId: 'default', document: sampleCase(), createdBy: 'x', now: T1 })).toThrow(/UNIQUE/);
  });
});

describe('SQLite store: proposals', () => {
  it('decides a proposal once: only a pending one changes', () => {
    const { store } = withCase();
    const p = store.insertProposal({
      caseId: 'acme-helpdesk',
      operations: [{ op: 'x' }],
      baseVersion: 1,
      asOf: '2025-06',
      preview: [],
      proposedBy: 'ana',
      createdAt: T0,
    });
    expect(p).toMatchObject({ status: 'pending', channel: null, thread: null, decidedAt: null, operations: [{ op: 'x' }] });
    expect(store.decideProposal(p.id, { status: 'rejected', decidedBy: 'ben', decidedAt: T1, reason: 'no' })).toBe(true);
    expect(store.decideProposal(p.id, { status: 'applied', decidedBy: 'eve', decidedAt: T1, appliedVersion: 2 })).toBe(false);
    expect(store.getProposal(p.id)).toMatchObject({ status: 'rejected', decidedBy: 'ben', reason: 'no', appliedVersion: null });
  });

  it('lists proposals by case, status and age, oldest first', () => {
    const { store } = withCase();
    const base = { caseId: 'acme-helpdesk', operations: [], baseVersion: 1, asOf: '2025-06', preview: [], proposedBy: 'ana' };
    const late = store.insertProposal({ ...base, createdAt: T1 });
    const early = store.insertProposal({ ...base, createdAt: T0 });
    expect(store.listProposals().map((p) => p.id)).toEqual([early.id, late.id]);
    expect(store.listProposals({ createdBefore: T1 }).map((p) => p.id)).toEqual([early.id]);
    store.decideProposal(early.id, { status: 'expired', decidedBy: null, decidedAt: T1 });
    expect(store.listProposals({ status: 'pending' }).map((p) => p.id)).toEqual([late.id]);
    expect(store.listProposals({ workspaceId: 'default' })).toHaveLength(2);
    expect(store.listProposals({ workspaceId: 'other' })).toHaveLength(0);
    expect(store.listProposals({ caseId: 'other' })).toHaveLength(0);
  });

  it('refuses a proposal for a case that does not exist (foreign key)', () => {
    const { store } = withCase();
    expect(() =>
      store.insertProposal({ caseId: 'ghost', operations: [], baseVersion: 1, asOf: '2025-06', preview: [], proposedBy: 'a', createdAt: T0 }),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('SQLite store: measurement history', () => {
  it('keeps every value and links a replaced value to the one that replaced it', () => {
    const { store } = withCase();
    const row = {
      caseId: 'acme-helpdesk',
      scenario: 'actual',
      useCase: 'support',
      input: 'gain',
      month: '2025-03',
      note: null,
      evidence: null,
      source: null,
      approvedBy: 'ben',
      proposalId: null,
      recordedAt: T0,
    };
    store.insertMeasurements([{ ...row, value: 0.3, recordedBy: 'ana', version: 2, replacedValue: null }]);
    store.insertMeasurements([{ ...row, value: 0.35, recordedBy: 'cy', version: 3, replacedValue: 0.3 }]);
    store.insertMeasurements([{ ...row, month: '2025-04', value: 0.4, recordedBy: 'cy', version: 3, replacedValue: null }]);
    const history = store.listMeasurements({ caseId: 'acme-helpdesk', scenario: 'actual', useCase: 'support', input: 'gain' });
    expect(history.map((h) => [h.month, h.value, h.replacedValue, h.supersededBy, h.recordedBy])).toEqual([
      ['2025-03', 0.3, null, history[1]!.id, 'ana'],
      ['2025-03', 0.35, 0.3, null, 'cy'],
      ['2025-04', 0.4, null, null, 'cy'],
    ]);
    expect(store.listMeasurements({ caseId: 'acme-helpdesk', input: 'deflection' })).toEqual([]);
  });
});

describe('SQLite store: API tokens', () => {
  it('stores only the SHA-256 of a token, finds it by the secret, and honours revocation', () => {
    const { store, handle } = withCase();
    const { record, token } = store.createApiToken({ workspaceId: 'default', name: 'ci', now: T0 });
    expect(token).toMatch(/^ve_[A-Za-z0-9_-]{43}$/);
    const dump = dumpTables(handle.sqlite);
    expect(dump).not.toContain(token);
    expect(dump).toContain(hashApiToken(token));
    expect(hashApiToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(store.findApiToken(token)).toEqual(record);
    expect(store.findApiToken(`${token}x`)).toBeNull();
    expect(store.listApiTokens('default')).toEqual([record]);
    expect(store.revokeApiToken(record.id, T1)).toBe(true);
    expect(store.revokeApiToken(record.id, T1)).toBe(false);
    expect(store.findApiToken(token)).toBeNull();
  });
});

describe('SQLite store: conversations', () => {
  it('keys threads per workspace and returns the latest messages in order', () => {
    const { store } = withCase();
    const thread = store.getOrCreateThread({ workspaceId: 'default', key: 'slack:C1:1700.1', now: T0 });
    expect(store.getOrCreateThread({ workspaceId: 'default', key: 'slack:C1:1700.1', now: T1 })).toEqual(thread);
    store.ensureWorkspace('other', 'Other', T0);
    expect(store.getOrCreateThread({ workspaceId: 'other', key: 'slack:C1:1700.1', now: T0 }).id).not.toBe(thread.id);
    const roles = ['user', 'assistant', 'tool', 'assistant'] as const;
    store.appendMessages({
      threadId: thread.id,
      messages: roles.slice(0, 1).map((role) => ({ role, content: [{ type: 'text', text: 'm0' }] })),
      createdAt: T0,
    });
    store.appendMessages({
      threadId: thread.id,
      messages: roles.slice(1).map((role, i) => ({ role, content: [{ type: 'text', text: `m${i + 1}` }] })),
      createdAt: T1,
    });
    store.appendMessages({ threadId: thread.id, messages: [], createdAt: T0 });
    expect(store.listMessages(thread.id).map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(store.listMessages(thread.id, { limit: 2 }).map((m) => m.content)).toEqual([[{ type: 'text', text: 'm2' }], [{ type: 'text', text: 'm3' }]]);
    expect(store.getOrCreateThread({ workspaceId: 'default', key: 'slack:C1:1700.1', now: T1 }).updatedAt).toBe(T1);
  });
});

describe('SQLite store: transactions', () => {
  it('rolls back everything written inside a transaction that throws', () => {
    const { store, handle } = withCase();
    const before = dumpTables(handle.sqlite);
    expect(() =>
      store.transaction(() => {
        store.updateCaseDocument({ id: 'acme-helpdesk', expectedVersion: 1, document: { ...sampleCase(), name: 'X' }, now: T1 });
        store.insertProposal({ caseId: 'acme-helpdesk', operations: [], baseVersion: 1, asOf: '2025-06', preview: [], proposedBy: 'a', createdAt: T1 });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(dumpTables(handle.sqlite)).toBe(before);
  });
});

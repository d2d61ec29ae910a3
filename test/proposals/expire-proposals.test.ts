import { describe, expect, it } from 'vitest';
import { expireProposals, importCase, listPending, propose } from '../../src/proposals/index.ts';
import { sampleCase, setInput } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

describe('expireProposals and listPending', () => {
  it('expires pending proposals older than the configured age and lists the rest, oldest first', () => {
    const t = memoryStore();
    importCase(t.ctx, { document: sampleCase('one'), importedBy: 'admin' });
    importCase(t.ctx, { document: sampleCase('two'), importedBy: 'admin' });
    const ctx = { ...t.ctx, maxAgeMs: 2 * 86_400_000 };
    const id = (caseId: string) => {
      const p = propose(ctx, { caseId, operations: [setInput('support', 'reps', 11)], proposedBy: 'ana' });
      if (!p.ok) throw new Error(p.error.message);
      return p.value.id;
    };
    const old = id('one');
    t.clock.advance(86_400_000);
    const middle = id('two');
    t.clock.advance(86_400_000);
    const fresh = id('one');
    expect(listPending(ctx).map((p) => p.id)).toEqual([old, middle, fresh]);
    expect(listPending(ctx, { caseId: 'one' }).map((p) => p.id)).toEqual([old, fresh]);
    expect(expireProposals(ctx)).toEqual([]); // exactly two days old is not older than two days
    t.clock.advance(1);
    const expired = expireProposals(ctx);
    expect(expired.map((p) => [p.id, p.status, p.decidedBy, p.reason])).toEqual([
      [old, 'expired', null, 'not decided within 2 days (proposed 2025-06-15T12:00:00.000Z); propose it again to get a fresh preview'],
    ]);
    expect(listPending(ctx).map((p) => p.id)).toEqual([middle, fresh]);
    expect(listPending(ctx, { workspaceId: 'default' })).toHaveLength(2);
    expect(listPending(ctx, { workspaceId: 'elsewhere' })).toHaveLength(0);
    expect(expireProposals(ctx)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { approve, importCase, propose } from '../../src/proposals/index.ts';
import { getOrDraftQbr, resolveQuarter } from '../../src/qbr/index.ts';
import { memoryStore } from '../support/test-store.ts';
import { demoJson } from '../tools/tool-harness.ts';
import { textModel } from './qbr-fixtures.ts';

const CASE = 'delta-corp-support-automation';

function harness() {
  const t = memoryStore();
  t.clock.set('2026-04-10T09:00:00.000Z');
  const imported = importCase(t.ctx, { document: demoJson(), importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  return t;
}

const base = { caseId: CASE, quarter: '2026-Q1', audience: 'finance' as const, model: null, requestedBy: 'dana' };

describe('getOrDraftQbr', () => {
  it('drafts and saves version 1, then serves it until asked for a new version', async () => {
    const t = harness();
    const first = await getOrDraftQbr(t.ctx, base);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ created: true, stale: false, attempts: 1, missingSections: [] });
    expect(first.value.draft).toMatchObject({
      caseId: CASE,
      quarter: '2026-Q1',
      audience: 'finance',
      version: 1,
      caseVersion: 1,
      asOf: '2026-03',
      grounded: true,
      unverified: [],
      writer: 'template',
      createdBy: 'dana',
      createdAt: '2026-04-10T09:00:00.000Z',
    });
    // The saved facts are the ones the draft was rendered from: the engine's, and the story beside them.
    expect(first.value.draft.facts).toMatchObject({ asOf: '2026-03', story: { investment: { atPayback: 63000 } } });
    expect(first.value.draft.markdown).toContain('**Report date:** 2026-04-10 · **Prepared by:** dana');

    const again = await getOrDraftQbr(t.ctx, { ...base, requestedBy: 'eve' });
    expect(again.ok && again.value).toMatchObject({ created: false, stale: false, attempts: 0, draft: { version: 1, createdBy: 'dana' } });

    const fresh = await getOrDraftQbr(t.ctx, { ...base, fresh: true });
    expect(fresh.ok && fresh.value).toMatchObject({ created: true, draft: { version: 2 } });
    expect(t.store.listQbrDrafts({ caseId: CASE }).map((d) => d.version)).toEqual([1, 2]);
    // Other audiences have their own versions.
    const champion = await getOrDraftQbr(t.ctx, { ...base, audience: 'champion' });
    expect(champion.ok && champion.value.draft.version).toBe(1);
  });

  it('says a saved draft is stale once the figures change, and a new version picks the change up', async () => {
    const t = harness();
    await getOrDraftQbr(t.ctx, base);
    // A measurement for February 2026 (tickets per day) changes the quarter's realized value.
    const p = propose(t.ctx, {
      caseId: CASE,
      operations: [{ op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-02', value: 150 }],
      proposedBy: 'dana',
    });
    if (!p.ok) throw new Error(p.error.message);
    // Proposed, not approved: nothing changed yet.
    const pending = await getOrDraftQbr(t.ctx, base);
    expect(pending.ok && pending.value.stale).toBe(false);
    expect(approve(t.ctx, { proposalId: p.value.id, approvedBy: 'sam' }).ok).toBe(true);
    const stale = await getOrDraftQbr(t.ctx, base);
    expect(stale.ok && stale.value).toMatchObject({ created: false, stale: true, draft: { version: 1, caseVersion: 1 } });
    const redrafted = await getOrDraftQbr(t.ctx, { ...base, fresh: true });
    if (!redrafted.ok) throw new Error(redrafted.error.message);
    expect(redrafted.value.draft).toMatchObject({ version: 2, caseVersion: 2, grounded: true });
    expect(redrafted.value.draft.facts.inQuarter.realized).not.toBe(stale.ok && stale.value.draft.facts.inQuarter.realized);
  });

  it('writes with the model it is given, regenerating once, and saves nothing when both drafts break the rules', async () => {
    const t = harness();
    const model = textModel(['# QBR\n\nWe saved 12,345 hours.\n']);
    const r = await getOrDraftQbr(t.ctx, { ...base, model });
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('refused');
    expect(!r.ok && r.error.message).toContain("- line 3, column 10: number '12,345' typed by hand");
    expect(!r.ok && r.error.message).toContain('These sections are missing:\n- Executive summary');
    expect(t.store.listQbrDrafts({ caseId: CASE })).toEqual([]);
  });

  it('refuses what it cannot draft, as values', async () => {
    const t = harness();
    const codes = async (input: Partial<typeof base> & { asOf?: string }) => {
      const r = await getOrDraftQbr(t.ctx, { ...base, ...input });
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(await codes({ caseId: 'acme' })).toMatch(/^not_found: no business case 'acme'/);
    // Another workspace's case: the app layer's rule (test/app/visibility.test.ts).
    expect(await codes({ quarter: 'Q1' })).toBe("invalid_argument: quarter 'Q1' is not YYYY-Qn (e.g. 2026-Q1)");
    expect(await codes({ audience: 'board' as never })).toBe("invalid_argument: audience 'board' is not one of executive-sponsor, finance, champion");
    expect(await codes({ quarter: '2025-Q2' })).toBe(
      "invalid_argument: no month of Q2 2025 is realized: 'Value Realization' runs July 2025 to June 2027 and the figures are as of June 2025",
    );
    expect(await codes({ quarter: '2026-Q3' })).toBe(
      "invalid_argument: no month of Q3 2026 is realized: 'Value Realization' runs July 2025 to June 2027 and the figures are as of April 2026",
    );
    expect(await codes({ asOf: 'March' })).toBe("invalid_argument: as-of 'March' is not a month YYYY-MM");
    expect(t.store.listQbrDrafts({ caseId: CASE })).toEqual([]);
  });
});

describe('resolveQuarter', () => {
  it('reads the ways people name a quarter', () => {
    const q = (text: string | undefined) => {
      const r = resolveQuarter(text, '2026-04');
      return r.ok ? r.value : r.error.message;
    };
    expect(q(undefined)).toBe('2026-Q1');
    expect(q('last quarter')).toBe('2026-Q1');
    expect(q('this quarter')).toBe('2026-Q2');
    expect(q('2026-Q1')).toBe('2026-Q1');
    expect(q('2026-q1')).toBe('2026-Q1');
    expect(q('Q1 2026')).toBe('2026-Q1');
    expect(q('Q4-2025')).toBe('2025-Q4');
    expect(q("q3 '25")).toBe('2025-Q3');
    expect(q('2025 Q3')).toBe('2025-Q3');
    expect(q('Q1')).toBe('2026-Q1');
    // Q3 2026 has not started in April 2026: the latest Q3 is last year's.
    expect(q('Q3')).toBe('2025-Q3');
    expect(q('soon')).toBe('\'soon\' is not a quarter I understand (try "2026-Q1", "Q1 2026" or "last quarter")');
  });
});

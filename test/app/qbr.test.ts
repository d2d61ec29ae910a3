import { describe, expect, it } from 'vitest';
import { qbrDraft } from '../../src/app/qbr-draft.ts';
import { qbrFileName } from '../../src/app/qbr-file-name.ts';
import { renderQbrDeck } from '../../src/app/render-qbr-deck.ts';
import { importCase } from '../../src/proposals/index.ts';
import { sampleCase } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

function setup() {
  const t = memoryStore();
  const imported = importCase(t.ctx, { document: sampleCase(), workspaceId: 'acme', importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  const plan = sampleCase('plan-only');
  plan.scenarios = plan.scenarios.filter((s) => s.kind === 'future');
  const planOnly = importCase(t.ctx, { document: plan, workspaceId: 'acme', importedBy: 'admin' });
  if (!planOnly.ok) throw new Error(planOnly.error.message);
  return t;
}

const ask = { caseId: 'acme-helpdesk', workspaceId: 'acme', quarter: '2025-Q1', audience: 'finance' as const, model: null, requestedBy: 'ana' };

describe('QBR drafts through the app layer', () => {
  it('drafts and saves version 1, then serves the saved one, or a saved version asked for by number', async () => {
    const t = setup();
    const first = await qbrDraft(t.ctx, ask);
    expect(first.ok && first.value.outcome).toMatchObject({
      created: true,
      stale: false,
      draft: { version: 1, caseId: 'acme-helpdesk', quarter: '2025-Q1', audience: 'finance', createdBy: 'ana', writer: 'template' },
    });
    expect(first.ok && first.value.record.id).toBe('acme-helpdesk');
    const again = await qbrDraft(t.ctx, ask);
    expect(again.ok && again.value.outcome).toMatchObject({ created: false, stale: false, draft: { version: 1 } });
    const byNumber = await qbrDraft(t.ctx, { ...ask, version: 1 });
    expect(byNumber.ok && byNumber.value.outcome).toMatchObject({ created: false, stale: false, draft: { version: 1 } });
  });

  it('says the same failure at every door: a missing version names `version`, an unrealized quarter names `quarter`, no realization scenario is refused', async () => {
    const t = setup();
    expect(await qbrDraft(t.ctx, { ...ask, version: 7 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: "no QBR draft v7 for 'acme-helpdesk', 2025-Q1, finance", field: 'version' },
    });
    const unrealized = await qbrDraft(t.ctx, { ...ask, quarter: '2025-Q4' });
    expect(unrealized).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'quarter' } });
    expect(!unrealized.ok && unrealized.error.message).toMatch(/^no month of Q4 2025 is realized/);
    const planOnly = await qbrDraft(t.ctx, { ...ask, caseId: 'plan-only' });
    expect(planOnly).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(t.store.listQbrDrafts({ caseId: 'acme-helpdesk' })).toEqual([]);
  });

  it('one file name and one deck for every door', async () => {
    const t = setup();
    const r = await qbrDraft(t.ctx, ask);
    if (!r.ok) throw new Error(r.error.message);
    const { record, outcome } = r.value;
    expect(qbrFileName(record, outcome.draft, 'pptx')).toBe('acme-helpdesk-2025-Q1-finance-v1.pptx');
    // Named by the case's id, whatever the draft's storage key (another workspace's twin id gets a different key).
    expect(qbrFileName({ id: 'acme-helpdesk' }, { ...outcome.draft, caseId: 'acme-helpdesk@other' } as typeof outcome.draft, 'md')).toBe(
      'acme-helpdesk-2025-Q1-finance-v1.md',
    );
    expect(qbrFileName({ id: 'a b/c' }, { quarter: '2025-Q1', audience: 'executive-sponsor', version: 12 }, 'md')).toBe(
      'a_b_c-2025-Q1-executive-sponsor-v12.md',
    );
    const deck = await renderQbrDeck(record, outcome.draft);
    // A PPTX is a zip archive: it starts with "PK\x03\x04".
    expect([...deck.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});

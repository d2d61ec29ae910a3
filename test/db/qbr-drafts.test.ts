import { describe, expect, it } from 'vitest';
import type { NewQbrDraft } from '../../db/store.ts';
import { qbrFacts } from '../../src/engine/index.ts';
import { dumpTables } from '../support/dump-tables.ts';
import { sampleCase } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

const T0 = '2025-06-01T00:00:00.000Z';
const T1 = '2025-06-02T00:00:00.000Z';

function withCase() {
  const t = memoryStore();
  t.store.ensureWorkspace('default', 'Default', T0);
  t.store.insertCase({ workspaceId: 'default', document: sampleCase(), createdBy: 'admin', now: T0 });
  const facts = qbrFacts(sampleCase(), { quarter: '2025-Q1' });
  if (!facts.ok) throw new Error(facts.error.message);
  const draft = (over: Partial<NewQbrDraft> = {}): NewQbrDraft => ({
    caseId: 'acme-helpdesk',
    quarter: '2025-Q1',
    audience: 'finance',
    caseVersion: 1,
    asOf: '2025-03',
    markdown: '# QBR\n',
    facts: facts.value,
    grounded: true,
    unverified: [],
    writer: 'template',
    createdBy: 'ana',
    createdAt: T0,
    ...over,
  });
  return { ...t, draft, facts: facts.value };
}

describe('SQLite store: QBR drafts', () => {
  it('numbers the versions of each case, quarter and audience from 1 and keeps every version', () => {
    const { store, draft, facts } = withCase();
    const v1 = store.insertQbrDraft(draft());
    const v2 = store.insertQbrDraft(draft({ markdown: '# QBR v2\n', grounded: false, unverified: ['12,345'], writer: 'openai:gpt-5-mini', createdAt: T1 }));
    const champion = store.insertQbrDraft(draft({ audience: 'champion' }));
    const q2 = store.insertQbrDraft(draft({ quarter: '2025-Q2' }));
    expect([v1.version, v2.version, champion.version, q2.version]).toEqual([1, 2, 1, 1]);
    expect(v2).toEqual({
      id: v2.id,
      caseId: 'acme-helpdesk',
      quarter: '2025-Q1',
      audience: 'finance',
      version: 2,
      caseVersion: 1,
      asOf: '2025-03',
      markdown: '# QBR v2\n',
      facts,
      grounded: false,
      unverified: ['12,345'],
      writer: 'openai:gpt-5-mini',
      createdBy: 'ana',
      createdAt: T1,
    });
    // The latest by default, or a given version; null for none.
    expect(store.getQbrDraft({ caseId: 'acme-helpdesk', quarter: '2025-Q1', audience: 'finance' })).toEqual(v2);
    expect(store.getQbrDraft({ caseId: 'acme-helpdesk', quarter: '2025-Q1', audience: 'finance', version: 1 })).toEqual(v1);
    expect(store.getQbrDraft({ caseId: 'acme-helpdesk', quarter: '2025-Q1', audience: 'finance', version: 3 })).toBeNull();
    expect(store.getQbrDraft({ caseId: 'acme-helpdesk', quarter: '2025-Q1', audience: 'executive-sponsor' })).toBeNull();
    // Listings: by quarter, audience, version.
    expect(store.listQbrDrafts({ caseId: 'acme-helpdesk' }).map((d) => [d.quarter, d.audience, d.version])).toEqual([
      ['2025-Q1', 'champion', 1],
      ['2025-Q1', 'finance', 1],
      ['2025-Q1', 'finance', 2],
      ['2025-Q2', 'finance', 1],
    ]);
    expect(store.listQbrDrafts({ caseId: 'acme-helpdesk', quarter: '2025-Q1', audience: 'finance' })).toEqual([v1, v2]);
    expect(store.listQbrDrafts({ caseId: 'other' })).toEqual([]);
  });

  it('keeps the facts JSON exactly (the grounding check reads it back)', () => {
    const { store, draft, facts } = withCase();
    const saved = store.insertQbrDraft(draft());
    expect(store.getQbrDraft({ caseId: 'acme-helpdesk', quarter: '2025-Q1', audience: 'finance', version: saved.version })!.facts).toEqual(facts);
  });

  it('refuses a draft of an unknown case or audience, changing nothing', () => {
    const { store, handle, draft } = withCase();
    const before = dumpTables(handle.sqlite);
    expect(() => store.insertQbrDraft(draft({ caseId: 'nope' }))).toThrow(/FOREIGN KEY/);
    expect(() => store.insertQbrDraft(draft({ audience: 'board' as never }))).toThrow(/CHECK/);
    expect(dumpTables(handle.sqlite)).toBe(before);
  });

  it('changes no business data', () => {
    const { store, draft } = withCase();
    const before = { case: store.getCase('acme-helpdesk'), proposals: store.listProposals(), audit: store.listAudit('acme-helpdesk') };
    store.insertQbrDraft(draft());
    expect({ case: store.getCase('acme-helpdesk'), proposals: store.listProposals(), audit: store.listAudit('acme-helpdesk') }).toEqual(before);
  });

  it('the migration creates the table with its unique version index', () => {
    const { handle } = withCase();
    const indexes = handle.sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'qbr_drafts'").pluck().all();
    expect(indexes).toContain('qbr_drafts_key_version_idx');
    expect(() =>
      handle.sqlite
        .prepare(
          "insert into qbr_drafts (case_id, quarter, audience, version, case_version, as_of, markdown, facts, grounded, unverified, writer, created_by, created_at) values ('acme-helpdesk', '2025-Q1', 'finance', 1, 1, '2025-03', '', '{}', 1, '[]', 't', 'a', 'x'), ('acme-helpdesk', '2025-Q1', 'finance', 1, 1, '2025-03', '', '{}', 1, '[]', 't', 'a', 'x')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });
});

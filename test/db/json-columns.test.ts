/**
 * JSON columns (drizzle `text({ mode: 'json' })`): rows written as JSON text by the earlier
 * store, in a database made by the previous migrations, read back as values; the store
 * writes the same JSON text, and SQL NULL (not the text `null`) for a missing proposal
 * outcome or before-figures.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import type { QbrFacts } from '../../src/engine/index.ts';
import { databaseBefore } from '../support/previous-migrations.ts';
import { sampleCase } from '../support/sample-case.ts';
import { tempDir } from '../support/test-store.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const T0 = '2025-06-01T00:00:00.000Z';
const CASE = 'acme-helpdesk';

describe('JSON columns', () => {
  it('read the JSON text earlier rows hold, and write the same text and SQL NULL', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const path = join(tmp.dir, 've.db');
    const old = databaseBefore(path, '0002_measurement_actions');
    old.prepare('insert into workspaces values (?, ?, ?)').run('default', 'Default', T0);
    old
      .prepare('insert into business_cases values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(CASE, 'default', 'Acme Helpdesk', 'Acme', JSON.stringify(sampleCase()), 2, 'admin', T0, T0);
    const proposal = old.prepare(
      'insert into proposals (id, case_id, operations, base_version, as_of, preview, result, status, proposed_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    proposal.run('p1', CASE, '[{"op":"setInput","key":"reps","value":12}]', 1, '2025-06', '[]', null, 'applied', 'ana', T0);
    proposal.run('p2', CASE, '[]', 2, '2025-06', '[]', '{"engineContract":2,"document":{"id":"x"},"measurements":[]}', 'pending', 'ana', T0);
    const auditColumns =
      'case_id, proposal_id, op_index, op, operation, scenario, proposed_by, approved_by, at, as_of, version_before, version_after, changes, before_figures, after_figures';
    old
      .prepare(`insert into audit_log (${auditColumns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        CASE,
        'p1',
        0,
        'setInput',
        '{"op":"setInput","key":"reps","value":12}',
        'plan',
        'ana',
        'ben',
        T0,
        '2025-06',
        1,
        2,
        '["Reps (reps): 10 -> 12"]',
        null,
        '{"total":1200}',
      );
    old.prepare('insert into threads values (?, ?, ?, ?, ?)').run('t1', 'default', 'k', T0, T0);
    old.prepare('insert into messages (thread_id, role, content, created_at) values (?, ?, ?, ?)').run('t1', 'user', '"hi"', T0);
    old.prepare('insert into messages (thread_id, role, content, created_at) values (?, ?, ?, ?)').run('t1', 'assistant', '[{"type":"text","text":"ok"}]', T0);
    const draftColumns = 'case_id, quarter, audience, version, case_version, as_of, markdown, facts, grounded, unverified, writer, created_by, created_at';
    old
      .prepare(`insert into qbr_drafts (${draftColumns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(CASE, '2025-Q1', 'finance', 1, 2, '2025-03', '# QBR', '{"quarter":"2025-Q1"}', 0, '["12%"]', 'template', 'ana', T0);
    old.close();

    const handle = openDatabase({ path });
    cleanups.push(() => handle.close());
    const store = createSqliteStore(handle, { newId: () => 'p3' });

    // Reading what the earlier store wrote.
    expect(store.getCase(CASE)!.document).toEqual(sampleCase());
    expect(store.getProposal('p1')!.operations).toEqual([{ op: 'setInput', key: 'reps', value: 12 }]);
    expect(store.getProposal('p1')!.preview).toEqual([]);
    expect(store.getProposalResult('p1')).toBeNull();
    expect(store.getProposalResult('p2')).toEqual({ engineContract: 2, document: { id: 'x' }, measurements: [] });
    const [audit] = store.listAudit(CASE);
    expect(audit).toMatchObject({
      operation: { op: 'setInput', key: 'reps', value: 12 },
      changes: ['Reps (reps): 10 -> 12'],
      before: null,
      after: { total: 1200 },
    });
    expect(store.listMessages('t1').map((m) => m.content)).toEqual(['hi', [{ type: 'text', text: 'ok' }]]);
    expect(store.getQbrDraft({ caseId: CASE, quarter: '2025-Q1', audience: 'finance' })).toMatchObject({
      facts: { quarter: '2025-Q1' },
      grounded: false,
      unverified: ['12%'],
    });

    // Writing: the same JSON text, and SQL NULL for null.
    const text = (sql: string, ...params: unknown[]) =>
      handle.sqlite
        .prepare(sql)
        .pluck()
        .get(...params);
    store.insertProposal({
      caseId: CASE,
      operations: [{ op: 'x', n: 1.5 }],
      baseVersion: 2,
      asOf: '2025-06',
      preview: [],
      result: null,
      proposedBy: 'cy',
      createdAt: T0,
    });
    expect(text("select operations from proposals where id = 'p3'")).toBe('[{"op":"x","n":1.5}]');
    expect(text("select preview from proposals where id = 'p3'")).toBe('[]');
    expect(text("select result is null from proposals where id = 'p3'")).toBe(1);
    store.insertAuditEntries([{ ...audit!, opIndex: 1, changes: ['a "quoted" line'], before: null, after: { total: 7 } as never }]);
    expect(text('select changes from audit_log where op_index = 1')).toBe('["a \\"quoted\\" line"]');
    expect(text('select before_figures is null from audit_log where op_index = 1')).toBe(1);
    expect(text('select after_figures from audit_log where op_index = 1')).toBe('{"total":7}');
    store.insertAuditEntries([{ ...audit!, opIndex: 2, before: { total: 6 } as never }]);
    expect(text('select before_figures from audit_log where op_index = 2')).toBe('{"total":6}');
    store.appendMessages({ threadId: 't1', messages: [{ role: 'tool', content: { a: null, b: 'ü' } }], createdAt: T0 });
    expect(text("select content from messages where role = 'tool'")).toBe('{"a":null,"b":"ü"}');
    const facts = { quarter: '2025-Q1' } as unknown as QbrFacts;
    store.insertQbrDraft({
      caseId: CASE,
      quarter: '2025-Q1',
      audience: 'finance',
      caseVersion: 2,
      asOf: '2025-03',
      markdown: '# QBR',
      facts,
      grounded: true,
      unverified: [],
      writer: 'template',
      createdBy: 'ana',
      createdAt: T0,
    });
    expect(text('select unverified from qbr_drafts where version = 2')).toBe('[]');
    expect(text('select facts from qbr_drafts where version = 2')).toBe('{"quarter":"2025-Q1"}');
    const renamed = { ...sampleCase(), name: 'Renamed' };
    expect(store.updateCaseDocument({ id: CASE, expectedVersion: 2, document: renamed, now: T0 })).toBe(true);
    expect(text('select document from business_cases')).toBe(JSON.stringify(renamed));
    expect(store.getCase(CASE)!.document).toEqual(renamed);
  });
});

/**
 * Migration 0004 (business case ids unique per workspace, issue 14) on a database made by the
 * previous migrations: existing cases keep their storage key and get it as their id, so their
 * proposals still point at them; afterwards a second workspace can store a case under an id
 * the first uses (under the storage key `<id>@<workspace>`), and the same id twice in one
 * workspace is refused by the database itself.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import { importCase } from '../../src/proposals/index.ts';
import { databaseBefore } from '../support/previous-migrations.ts';
import { sampleCase } from '../support/sample-case.ts';
import { tempDir } from '../support/test-store.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const T0 = '2025-06-01T00:00:00.000Z';

describe('migration 0004_case_ids_per_workspace', () => {
  it('fills case_id from the id, keeps proposals linked, then lets another workspace reuse the id', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const path = join(tmp.dir, 've.db');
    const old = databaseBefore(path, '0004_case_ids_per_workspace');
    const columns = (db: typeof old) => db.prepare("select name from pragma_table_info('business_cases')").pluck().all();
    expect(columns(old)).not.toContain('case_id');
    old.prepare('insert into workspaces values (?, ?, ?)').run('default', 'Default', T0);
    old.prepare('insert into workspaces values (?, ?, ?)').run('acme', 'Acme', T0);
    const insertCase = old.prepare('insert into business_cases values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    insertCase.run('acme-helpdesk', 'default', 'Acme Helpdesk', 'Acme', JSON.stringify(sampleCase()), 1, 'admin', T0, T0);
    insertCase.run('other-case', 'acme', 'Other', 'Acme', JSON.stringify(sampleCase('other-case')), 1, 'admin', T0, T0);
    old
      .prepare(
        "insert into proposals (id, case_id, operations, base_version, as_of, preview, status, proposed_by, created_at) values ('p1', 'acme-helpdesk', '[]', 1, '2025-06', '[]', 'pending', 'ana', ?)",
      )
      .run(T0);
    old.close();

    const handle = openDatabase({ path });
    cleanups.push(() => handle.close());
    expect(columns(handle.sqlite)).toContain('case_id');
    expect(handle.sqlite.prepare('select id, case_id, workspace_id from business_cases order by id').all()).toEqual([
      { id: 'acme-helpdesk', case_id: 'acme-helpdesk', workspace_id: 'default' },
      { id: 'other-case', case_id: 'other-case', workspace_id: 'acme' },
    ]);
    const store = createSqliteStore(handle);
    const proposal = store.getProposal('p1')!;
    expect(store.getCase(proposal.caseId)).toMatchObject({ id: 'acme-helpdesk', key: 'acme-helpdesk', workspaceId: 'default' });
    expect(store.findCaseIn('default', 'acme-helpdesk')?.key).toBe('acme-helpdesk');
    expect(store.findCaseIn('acme', 'acme-helpdesk')).toBeNull();

    // Workspace acme now stores its own acme-helpdesk; default's is untouched.
    const ctx = { store, now: () => new Date('2026-01-10T00:00:00Z') };
    const theirs = importCase(ctx, { document: { ...sampleCase(), name: 'Theirs' }, workspaceId: 'acme', importedBy: 'admin' });
    expect(theirs.ok && theirs.value).toMatchObject({ id: 'acme-helpdesk', key: 'acme-helpdesk@acme', workspaceId: 'acme', name: 'Theirs' });
    expect(store.findCaseIn('default', 'acme-helpdesk')?.name).toBe('Acme Helpdesk');
    expect(store.findCasesById('acme-helpdesk').map((c) => c.workspaceId)).toEqual(['acme', 'default']);
    // Its imported values are in its own history; default's case (stored raw above, with no history) has none.
    expect(store.listMeasurements({ caseId: 'acme-helpdesk@acme' }).length).toBeGreaterThan(0);
    expect(store.listMeasurements({ caseId: 'acme-helpdesk' })).toEqual([]);

    // The same id twice in one workspace: refused by the import, and by the unique index.
    const twice = importCase(ctx, { document: sampleCase(), workspaceId: 'acme', importedBy: 'admin' });
    expect(twice.ok ? null : twice.error.code).toBe('conflict');
    expect(() =>
      handle.sqlite
        .prepare(
          'insert into business_cases (id, workspace_id, case_id, name, customer, document, version, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
        )
        .run('x-key', 'acme', 'acme-helpdesk', 'X', 'X', '{}', 'admin', T0, T0),
    ).toThrow(/UNIQUE constraint failed: business_cases.workspace_id, business_cases.case_id/);
    expect(handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(handle.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

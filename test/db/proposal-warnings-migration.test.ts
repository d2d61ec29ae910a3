/**
 * Migration 0003 (plausibility warnings stored with each proposal) on a database made by the
 * previous migrations: a proposal stored before it reads back with no warnings, and the store
 * writes and reads a new proposal's warnings.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import { databaseBefore } from '../support/previous-migrations.ts';
import { sampleCase } from '../support/sample-case.ts';
import { tempDir } from '../support/test-store.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const T0 = '2025-06-01T00:00:00.000Z';

describe('migration 0003_proposal_warnings', () => {
  it('adds `warnings` ([] for proposals stored before it); new proposals keep theirs', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const path = join(tmp.dir, 've.db');
    const old = databaseBefore(path, '0003_proposal_warnings');
    const columns = (db: typeof old) => db.prepare("select name from pragma_table_info('proposals')").pluck().all();
    expect(columns(old)).not.toContain('warnings');
    old.prepare('insert into workspaces values (?, ?, ?)').run('default', 'Default', T0);
    old
      .prepare('insert into business_cases values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run('acme-helpdesk', 'default', 'Acme Helpdesk', 'Acme', JSON.stringify(sampleCase()), 1, 'admin', T0, T0);
    old
      .prepare(
        "insert into proposals (id, case_id, operations, base_version, as_of, preview, status, proposed_by, created_at) values ('p1', 'acme-helpdesk', '[]', 1, '2025-06', '[]', 'pending', 'ana', ?)",
      )
      .run(T0);
    old.close();

    const handle = openDatabase({ path });
    cleanups.push(() => handle.close());
    expect(columns(handle.sqlite)).toContain('warnings');
    expect(handle.sqlite.prepare("select warnings from proposals where id = 'p1'").pluck().get()).toBe('[]');
    const store = createSqliteStore(handle);
    expect(store.getProposal('p1')!.warnings).toEqual([]);

    const added = store.insertProposal({
      caseId: 'acme-helpdesk',
      operations: [],
      baseVersion: 1,
      asOf: '2025-06',
      preview: [],
      warnings: ['Tickets per month: -5 tickets is a negative count.'],
      proposedBy: 'ana',
      createdAt: T0,
    });
    expect(store.getProposal(added.id)!.warnings).toEqual(['Tickets per month: -5 tickets is a negative count.']);
    expect(handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

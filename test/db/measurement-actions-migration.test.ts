/**
 * Migration 0002 (a history row says what it records) on a database made by the previous
 * migrations: every existing row survives as it was, as `recorded`, and the store reads and
 * writes the new column.
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

describe('migration 0002_measurement_actions', () => {
  it('adds `action` to a database made by the previous migrations, keeping every row', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const path = join(tmp.dir, 've.db');
    const old = databaseBefore(path, '0002_measurement_actions');
    const columns = (db: typeof old) => db.prepare("select name from pragma_table_info('measurement_history')").pluck().all();
    expect(columns(old)).not.toContain('action');
    old.prepare('insert into workspaces values (?, ?, ?)').run('default', 'Default', T0);
    old
      .prepare('insert into business_cases values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run('acme-helpdesk', 'default', 'Acme Helpdesk', 'Acme', JSON.stringify(sampleCase()), 3, 'admin', T0, T0);
    old
      .prepare(
        "insert into proposals (id, case_id, operations, base_version, as_of, preview, status, proposed_by, created_at) values ('p1', 'acme-helpdesk', '[]', 1, '2025-06', '[]', 'applied', 'ana', ?)",
      )
      .run(T0);
    const row = old.prepare(
      'insert into measurement_history (case_id, scenario, use_case, input, month, value, note, evidence, source, recorded_by, approved_by, proposal_id, recorded_at, version, replaced_value, superseded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    row.run('acme-helpdesk', 'actual', 'support', 'gain', '2025-01', 0.1, null, null, null, 'admin', null, null, T0, 1, null, null);
    row.run('acme-helpdesk', 'actual', 'support', 'gain', '2025-03', 0.3, 'Q1 review', 'q1.csv', 'Zendesk', 'ana', 'ben', 'p1', T0, 2, null, 3);
    row.run('acme-helpdesk', 'actual', 'support', 'gain', '2025-03', 0.25, null, null, null, 'cy', 'dee', null, T0, 3, 0.3, null);
    const rowsBefore = old.prepare('select * from measurement_history order by id').all();
    old.close();

    const handle = openDatabase({ path });
    cleanups.push(() => handle.close());
    expect(columns(handle.sqlite)).toContain('action');
    expect(handle.sqlite.prepare('select * from measurement_history order by id').all()).toEqual(
      (rowsBefore as Array<Record<string, unknown>>).map((r) => ({ ...r, action: 'recorded' })),
    );
    // Every committed migration, 0002 and those after it.
    expect(handle.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(6);
    expect(handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(handle.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(() => handle.sqlite.prepare("update measurement_history set action = 'deleted' where id = 1").run()).toThrow(/CHECK/);

    // The store reads the old rows and writes new ones with their action.
    const store = createSqliteStore(handle);
    expect(store.getCase('acme-helpdesk')!.version).toBe(3);
    store.insertMeasurements([
      {
        action: 'removed',
        caseId: 'acme-helpdesk',
        scenario: 'actual',
        useCase: 'support',
        input: 'gain',
        month: '2025-03',
        value: 0.25,
        note: null,
        evidence: null,
        source: null,
        replacedValue: 0.25,
        recordedBy: 'eve',
        approvedBy: 'fay',
        proposalId: null,
        recordedAt: T0,
        version: 4,
      },
    ]);
    expect(store.listMeasurements({ caseId: 'acme-helpdesk' }).map((m) => [m.id, m.action, m.month, m.value, m.recordedBy, m.supersededBy])).toEqual([
      [1, 'recorded', '2025-01', 0.1, 'admin', null],
      [2, 'recorded', '2025-03', 0.3, 'ana', 3],
      [3, 'recorded', '2025-03', 0.25, 'cy', 4],
      [4, 'removed', '2025-03', 0.25, 'eve', null],
    ]);

    // Opening again applies nothing more.
    handle.close();
    cleanups.pop();
    const again = openDatabase({ path });
    cleanups.push(() => again.close());
    expect(again.sqlite.prepare('select count(*) from measurement_history').pluck().get()).toBe(4);
    expect(again.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(6);
  });
});

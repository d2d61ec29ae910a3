/**
 * The migration bookkeeping table: `id INTEGER PRIMARY KEY` on a new database, and a
 * database made with the old `id SERIAL PRIMARY KEY` table (every id NULL) upgraded in place,
 * keeping every recorded migration, in order, and applying nothing twice.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
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
function path(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, 've.db');
}

const T0 = '2025-06-01T00:00:00.000Z';
/** The committed migrations' folder timestamps (`db/migrations/meta/_journal.json`, `when`). */
const WHEN = [1795437034253, 1795437955871, 1796195357489, 1796202428476, 1796207573481, 1796208171336];

function idColumn(sqlite: Database.Database): { type: string; pk: number } {
  return sqlite.prepare("select type, pk from pragma_table_info('__drizzle_migrations') where name = 'id'").get() as { type: string; pk: number };
}
type MigrationRow = { id: number | null; hash: string; created_at: number };
const rows = (sqlite: Database.Database) => sqlite.prepare('select id, hash, created_at from __drizzle_migrations order by rowid').all() as MigrationRow[];

describe('the migrations table', () => {
  it('is created with an INTEGER PRIMARY KEY: SQLite numbers the rows', () => {
    const h = openDatabase({ path: ':memory:' });
    expect(idColumn(h.sqlite)).toEqual({ type: 'INTEGER', pk: 1 });
    expect(rows(h.sqlite).map((r) => [r.id, r.created_at])).toEqual([
      [1, WHEN[0]],
      [2, WHEN[1]],
      [3, WHEN[2]],
      [4, WHEN[3]],
      [5, WHEN[4]],
      [6, WHEN[5]],
    ]);
    h.close();
  });

  it('upgrades an old SERIAL table in place, keeping its rows, and still applies the migrations it lacks', () => {
    const file = path();
    const old = databaseBefore(file, '0002_measurement_actions');
    expect(idColumn(old)).toEqual({ type: 'SERIAL', pk: 1 });
    const before = rows(old);
    // What SERIAL meant in SQLite: not the rowid, so no id at all.
    expect(before.map((r) => [r.id, r.created_at])).toEqual([
      [null, WHEN[0]],
      [null, WHEN[1]],
    ]);
    old.prepare('insert into workspaces values (?, ?, ?)').run('default', 'Default', T0);
    old.close();

    const h = openDatabase({ path: file });
    cleanups.push(() => h.close());
    expect(idColumn(h.sqlite)).toEqual({ type: 'INTEGER', pk: 1 });
    const after = rows(h.sqlite);
    expect(after.slice(0, 2)).toEqual(before.map((r, i) => ({ ...r, id: i + 1 })));
    expect(after.map((r) => [r.id, r.created_at])).toEqual([
      [1, WHEN[0]],
      [2, WHEN[1]],
      [3, WHEN[2]],
      [4, WHEN[3]],
      [5, WHEN[4]],
      [6, WHEN[5]],
    ]);
    // 0002 was applied (the column it adds is there), the data of the time kept.
    expect(h.sqlite.prepare("select count(*) from pragma_table_info('measurement_history') where name = 'action'").pluck().get()).toBe(1);
    expect(h.sqlite.prepare('select name from workspaces').pluck().all()).toEqual(['Default']);
    expect(h.sqlite.prepare("select count(*) from sqlite_master where name like '__drizzle_migrations%'").pluck().get()).toBe(1);
    expect(h.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('upgrades a fully migrated SERIAL table without applying anything again, and the store works on it', () => {
    const file = path();
    // Every migration up to the last one applied under the old table: databaseBefore the
    // last tag, then the last one the way the old code did it (SERIAL kept).
    const old = databaseBefore(file, '0002_measurement_actions');
    old.close();
    const first = openDatabase({ path: file });
    first.sqlite.exec('drop table __drizzle_migrations');
    first.sqlite.exec('create table "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
    const insert = first.sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)');
    for (const [i, when] of WHEN.entries()) insert.run(`hash-${i}`, when);
    first.close();

    const h = openDatabase({ path: file });
    cleanups.push(() => h.close());
    expect(rows(h.sqlite)).toEqual([
      { id: 1, hash: 'hash-0', created_at: WHEN[0] },
      { id: 2, hash: 'hash-1', created_at: WHEN[1] },
      { id: 3, hash: 'hash-2', created_at: WHEN[2] },
      { id: 4, hash: 'hash-3', created_at: WHEN[3] },
      { id: 5, hash: 'hash-4', created_at: WHEN[4] },
      { id: 6, hash: 'hash-5', created_at: WHEN[5] },
    ]);
    const store = createSqliteStore(h);
    store.ensureWorkspace('default', 'Default', T0);
    store.insertCase({ workspaceId: 'default', document: sampleCase(), createdBy: 'admin', now: T0 });
    expect(store.getCase('acme-helpdesk')!.document).toEqual(sampleCase());

    // Reopening changes nothing more.
    h.close();
    cleanups.pop();
    const again = openDatabase({ path: file });
    cleanups.push(() => again.close());
    expect(rows(again.sqlite).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps working when an old build (SERIAL, create-if-missing) records a migration in the new table', () => {
    const h = openDatabase({ path: ':memory:' });
    h.sqlite.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
    h.sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('later', 1790000000000);
    expect(idColumn(h.sqlite)).toEqual({ type: 'INTEGER', pk: 1 });
    expect(rows(h.sqlite).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    h.close();
  });
});

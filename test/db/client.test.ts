import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configuredDbPath, DEFAULT_DB_PATH, MIGRATIONS_FOLDER, openDatabase } from '../../db/client.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import { tempDir } from '../support/test-store.ts';
import { sampleCase } from '../support/sample-case.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const TABLES = [
  'api_tokens',
  'audit_log',
  'business_cases',
  'measurement_history',
  'messages',
  'proposals',
  'qbr_drafts',
  'slack_events',
  'threads',
  'workspaces',
];

describe('openDatabase', () => {
  it('applies the committed migrations to :memory: and enforces foreign keys', () => {
    const h = openDatabase({ path: ':memory:' });
    const tables = h.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all();
    expect(tables).toEqual(['__drizzle_migrations', ...TABLES]);
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => h.sqlite.prepare("insert into business_cases values ('x', 'no-such-workspace', 'n', 'c', '{}', 1, 'a', 't', 't', 'x')").run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => h.sqlite.prepare("insert into workspaces values ('w', 'w', 't')").run()).not.toThrow();
    expect(() => h.sqlite.prepare("insert into business_cases values ('x', 'w', 'n', 'c', '{}', 0, 'a', 't', 't', 'x')").run()).toThrow(/CHECK/);
    h.close();
  });

  it('opens a file database in WAL mode with synchronous FULL, creating its folder', () => {
    const path = join(dir(), 'nested', 'deeper', 've.db');
    const h = openDatabase({ path });
    expect(existsSync(path)).toBe(true);
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(h.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    h.close();
  });

  it('keeps committed data across a close and reopen, and migrates only once', () => {
    const path = join(dir(), 've.db');
    const first = openDatabase({ path });
    const store = createSqliteStore(first);
    store.ensureWorkspace('default', 'Default', '2025-06-01T00:00:00.000Z');
    store.insertCase({ workspaceId: 'default', document: sampleCase(), createdBy: 'admin', now: '2025-06-01T00:00:00.000Z' });
    first.close();
    const second = openDatabase({ path });
    expect(createSqliteStore(second).getCase('acme-helpdesk')?.document).toEqual(sampleCase());
    // One row per committed migration: reopening applied none again.
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(second.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
    second.close();
  });

  it('takes its path from VE_DB, else the default', () => {
    expect(configuredDbPath({ VE_DB: '/tmp/x.db' })).toBe('/tmp/x.db');
    expect(configuredDbPath({ VE_DB: '  ' })).toBe(DEFAULT_DB_PATH);
    expect(configuredDbPath({})).toBe('./data/value-engineer.db');
  });
});

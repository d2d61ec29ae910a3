import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../../db/client.ts';

/**
 * A file database as an installation had it before the migration `tag` existed: only the
 * committed migrations before it applied, with drizzle's bookkeeping (the same table and rows
 * `openDatabase` writes), so opening it with `openDatabase` applies `tag` and what follows.
 * Returns the raw connection for the test to fill in rows of that time; the caller closes it.
 */
export function databaseBefore(path: string, tag: string): Database.Database {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  if (upTo < 0) throw new Error(`no migration '${tag}' in the journal`);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('foreign_keys = ON');
  sqlite.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  const insert = sqlite.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)');
  for (const migration of readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).slice(0, upTo)) {
    for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
    insert.run(migration.hash, migration.folderMillis);
  }
  return sqlite;
}

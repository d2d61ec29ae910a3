import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { projectPath } from '../src/project-root.ts';
import * as schema from './schema.ts';

/** Where the database lives when `VE_DB` is not set. */
export const DEFAULT_DB_PATH = './data/value-engineer.db';

/** The committed drizzle-kit migrations, applied at start-up. */
export const MIGRATIONS_FOLDER = projectPath('db', 'migrations');

/**
 * How long a connection waits for another one's write lock before giving up (ms), by default:
 * a command-line process may wait (an approval while a server writes). better-sqlite3 waits
 * synchronously, so a server must not: see `SERVER_BUSY_TIMEOUT_MS`.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * The busy timeout `ve serve` opens the database with (ms; `VE_BUSY_TIMEOUT_MS` overrides).
 * better-sqlite3 waits for a lock synchronously, blocking the event loop: with 10 s, one
 * request waiting for a lock another process holds (a long `ve import`) froze every other
 * request, `/healthz` included, for 10 s. With 250 ms a write that cannot get the lock fails
 * fast as `unavailable` (503 with `Retry-After`), and everything else keeps answering.
 * Ordinary contention (another process's approval holds the lock for milliseconds) still waits.
 */
export const SERVER_BUSY_TIMEOUT_MS = 250;

/** The busy timeout from `VE_BUSY_TIMEOUT_MS` (whole milliseconds, 0 to 600000), else `fallback`; anything else is an error naming it. */
export function configuredBusyTimeoutMs(env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = env.VE_BUSY_TIMEOUT_MS?.trim();
  if (!raw) return fallback;
  const ms = Number(raw);
  if (!/^\d+$/.test(raw) || ms > 600_000) throw new Error(`VE_BUSY_TIMEOUT_MS '${raw}' must be whole milliseconds from 0 to 600000`);
  return ms;
}

/** The drizzle database over better-sqlite3, with the schema. */
export type Db = BetterSQLite3Database<typeof schema>;

/** An open database: the drizzle handle, the raw better-sqlite3 connection, and `close`. */
export interface DatabaseHandle {
  db: Db;
  sqlite: Database.Database;
  /** The path it was opened at (`:memory:` for an in-memory database). */
  path: string;
  close(): void;
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** File path or `:memory:`; default `VE_DB`, else `./data/value-engineer.db`. */
  path?: string;
  /** How long to wait for another connection's write lock (ms); default `VE_BUSY_TIMEOUT_MS`, else `BUSY_TIMEOUT_MS`. */
  busyTimeoutMs?: number;
}

/** The database path the process is configured with: `VE_DB`, else the default. */
export function configuredDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.VE_DB?.trim();
  return fromEnv ? fromEnv : DEFAULT_DB_PATH;
}

/**
 * Opens (creating if needed) the SQLite database and brings its schema up to date.
 *
 * Pragmas (see `docs/store.md`): WAL journal (readers never block the writer; not for
 * `:memory:`, which has no file), `synchronous = FULL` (every commit is fsynced: an approval
 * that was acknowledged survives a power cut, not only a crash), `foreign_keys = ON`, and a
 * busy timeout so a second process waits for the write lock instead of failing.
 */
export function openDatabase(options: OpenDatabaseOptions = {}): DatabaseHandle {
  const path = options.path ?? configuredDbPath();
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? configuredBusyTimeoutMs(process.env, BUSY_TIMEOUT_MS);
  const sqlite = new Database(path, { timeout: busyTimeoutMs });
  try {
    applyPragmas(sqlite, memory, busyTimeoutMs);
    const db = drizzle(sqlite, { schema });
    migrateExclusively(sqlite);
    return { db, sqlite, path: memory ? ':memory:' : path, close: () => sqlite.close() };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/** The durability and concurrency pragmas every connection runs with (also used by the benchmark's floor). */
export function applyPragmas(sqlite: Database.Database, memory = sqlite.memory, busyTimeoutMs = BUSY_TIMEOUT_MS): void {
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  if (!memory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
}

/** drizzle's migration bookkeeping table. */
const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Applies the committed drizzle-kit migrations (same files and bookkeeping table as
 * drizzle's migrator) inside one `BEGIN IMMEDIATE` transaction, so two processes opening a
 * fresh file at once serialize: the second waits for the write lock, then finds every
 * migration recorded and applies none. (drizzle's own migrator reads the table before it
 * takes the lock, so both processes could try the same migration.)
 */
function migrateExclusively(sqlite: Database.Database): void {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  // Up to date (the usual start): no write lock needed, so a process can open the database
  // while another holds the lock (a long `ve import`); the check is repeated under the lock.
  if (upToDate(sqlite, migrations)) return;
  sqlite
    .transaction(() => {
      createMigrationsTable(sqlite);
      const last = sqlite.prepare(`SELECT created_at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`).pluck().get() as number | string | undefined;
      const insert = sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`);
      for (const migration of migrations) {
        if (last !== undefined && Number(last) >= migration.folderMillis) continue;
        for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
        insert.run(migration.hash, migration.folderMillis);
      }
    })
    .immediate();
}

/**
 * Creates the bookkeeping table with `id INTEGER PRIMARY KEY` (SQLite's auto-assigned rowid),
 * or upgrades one made with the `id SERIAL PRIMARY KEY` that drizzle's migrator writes for
 * every dialect. SQLite has no SERIAL: such a column has NUMERIC affinity, is not the rowid,
 * and every row's id is NULL. The upgrade copies the rows in their order (ids 1, 2, ...) into
 * the new table; hash and created_at, all that any migrator reads or writes, are kept as they
 * are. It runs inside the migration transaction, so a second process waits, then finds the
 * new table. drizzle's migrator and older builds of this one still work on the new table:
 * they create it only if it is missing and insert only hash and created_at.
 */
function createMigrationsTable(sqlite: Database.Database): void {
  const create = (name: string): void => {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "${name}" (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
  };
  const idType = sqlite.prepare(`SELECT type FROM pragma_table_info('${MIGRATIONS_TABLE}') WHERE name = 'id'`).pluck().get() as string | undefined;
  if (idType === undefined) {
    create(MIGRATIONS_TABLE);
    return;
  }
  if (idType.toUpperCase() === 'INTEGER') return;
  const upgrading = `${MIGRATIONS_TABLE}_upgrade`;
  create(upgrading);
  sqlite.exec(`INSERT INTO "${upgrading}" (hash, created_at) SELECT hash, created_at FROM "${MIGRATIONS_TABLE}" ORDER BY rowid`);
  sqlite.exec(`DROP TABLE "${MIGRATIONS_TABLE}"`);
  sqlite.exec(`ALTER TABLE "${upgrading}" RENAME TO "${MIGRATIONS_TABLE}"`);
}

/** True when the bookkeeping table records the last committed migration (read without a lock; WAL readers never wait). */
function upToDate(sqlite: Database.Database, migrations: ReturnType<typeof readMigrationFiles>): boolean {
  const last = migrations[migrations.length - 1];
  if (!last) return true;
  const id = sqlite.prepare(`SELECT type FROM pragma_table_info('${MIGRATIONS_TABLE}') WHERE name = 'id'`).pluck().get() as string | undefined;
  // A missing table, or the old SERIAL one (to be upgraded), needs the locked path.
  if (id === undefined || id.toUpperCase() !== 'INTEGER') return false;
  const recorded = sqlite.prepare(`SELECT created_at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`).pluck().get() as number | string | undefined;
  return recorded !== undefined && Number(recorded) >= last.folderMillis;
}

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

/** Where the database lives when `VE_DB` is not set. */
export const DEFAULT_DB_PATH = './data/value-engineer.db';

/** The committed drizzle-kit migrations, applied at start-up. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** How long a connection waits for another one's write lock before giving up (ms). */
export const BUSY_TIMEOUT_MS = 10_000;

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
  const sqlite = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    applyPragmas(sqlite, memory);
    const db = drizzle(sqlite, { schema });
    migrateWithRetry(db);
    return { db, sqlite, path: memory ? ':memory:' : path, close: () => sqlite.close() };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/** The durability and concurrency pragmas every connection runs with (also used by the benchmark's floor). */
export function applyPragmas(sqlite: Database.Database, memory = sqlite.memory): void {
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!memory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
}

/**
 * drizzle's migrator reads the last applied migration before it takes the write lock, so two
 * processes starting on a fresh file can both decide to migrate; the loser fails on
 * "table already exists" after the winner committed. Running it again then finds the
 * migrations applied and does nothing.
 */
function migrateWithRetry(db: Db): void {
  for (let attempt = 1; ; attempt++) {
    try {
      migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

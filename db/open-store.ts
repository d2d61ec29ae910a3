import { openDatabase, type OpenDatabaseOptions } from './client.ts';
import { createSqliteStore, type SqliteStoreOptions } from './sqlite-store.ts';
import type { Store } from './store.ts';

/**
 * Opens the database (path from the options, else `VE_DB`, else the default), applies the
 * migrations, and returns the store over it: what the doors call at start-up.
 */
export function openStore(options: OpenDatabaseOptions & SqliteStoreOptions = {}): Store {
  return createSqliteStore(openDatabase(options), options);
}

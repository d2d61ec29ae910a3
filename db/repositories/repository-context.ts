import type { Db } from '../client.ts';

/** What every repository is built over: the database, the store's transaction, and the id generator. */
export interface RepositoryContext {
  /** The drizzle database (schema included). */
  db: Db;
  /** The store's write transaction (`BEGIN IMMEDIATE`); nested calls join the outer one. */
  transaction<T>(fn: () => T): T;
  /** Id generator for proposals, tokens and threads. */
  newId: () => string;
}

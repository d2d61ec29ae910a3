/**
 * The store an agent case runs against: a fresh `:memory:` SQLite database with the real
 * migrations (`openDatabase` + `createSqliteStore`, as the product opens it), a clock fixed
 * in the case's month, and ids counted from 1 instead of random UUIDs. Fixed time and ids
 * make every request a case sends to a model the same from run to run, which is what lets a
 * recorded run replay.
 */
import { openDatabase } from '../../db/client.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import type { Store } from '../../db/store.ts';
import type Database from 'better-sqlite3';
import type { ProposalContext } from '../../src/proposals/index.ts';

/** An open eval store. */
export interface EvalStore {
  store: Store;
  /** The raw connection, for the business-data snapshot. */
  sqlite: Database.Database;
  /** The proposal context over the store and the fixed clock. */
  ctx: ProposalContext;
  close(): void;
}

/** The instant the clock shows for a case month: the 15th, noon UTC. */
export function clockTime(month: string): Date {
  return new Date(`${month}-15T12:00:00.000Z`);
}

/** Deterministic UUID-shaped ids: 00000000-0000-4000-8000-000000000001, …002, … */
export function countingIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** Opens a fresh in-memory store with the clock fixed in `month`. */
export function openEvalStore(month: string): EvalStore {
  const handle = openDatabase({ path: ':memory:' });
  const store = createSqliteStore(handle, { newId: countingIds() });
  const at = clockTime(month);
  return { store, sqlite: handle.sqlite, ctx: { store, now: () => new Date(at) }, close: () => handle.close() };
}

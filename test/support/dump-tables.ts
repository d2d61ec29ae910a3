import type Database from 'better-sqlite3';

/**
 * Every row of every application table (not drizzle's migration bookkeeping), in rowid
 * order, as one JSON string: compare two dumps to prove an operation changed nothing.
 */
export function dumpTables(sqlite: Database.Database): string {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .pluck()
    .all() as string[];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) dump[table] = sqlite.prepare(`select * from "${table}" order by rowid`).all();
  return JSON.stringify(dump);
}

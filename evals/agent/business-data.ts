/**
 * What "nothing changed before approval" compares: a snapshot of the business data, read
 * straight from SQLite (so a change made by any path is seen, not only one made through the
 * store's functions). Business data is the business cases (document and version), the
 * measurement history, the audit log, the workspaces and API tokens, and every decision on a
 * proposal. Not business data: pending proposals (proposing is what the agent may do),
 * conversation threads and messages, and QBR drafts (a draft changes no figure).
 */
import type Database from 'better-sqlite3';

/** The tables whose every row is business data. */
const BUSINESS_TABLES = ['business_cases', 'measurement_history', 'audit_log', 'workspaces', 'api_tokens'] as const;

/** Rows per table, each row as JSON, in rowid order. */
export type BusinessSnapshot = Record<string, string[]>;

/** Reads the business data. Throws when a table it expects is missing (the schema moved on). */
export function snapshotBusinessData(sqlite: Database.Database): BusinessSnapshot {
  const tables = new Set(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
  const snapshot: BusinessSnapshot = {};
  for (const table of BUSINESS_TABLES) {
    if (!tables.has(table)) throw new Error(`the business-data snapshot expects a table '${table}'`);
    snapshot[table] = (sqlite.prepare(`select * from "${table}" order by rowid`).all() as unknown[]).map((r) => JSON.stringify(r));
  }
  snapshot['proposal decisions'] = (
    sqlite
      .prepare("select id, status, decided_by, decided_at, applied_version, reason from proposals where status <> 'pending' order by rowid")
      .all() as unknown[]
  ).map((r) => JSON.stringify(r));
  return snapshot;
}

/** What differs between two snapshots, one line per table that changed (empty: nothing). */
export function diffBusinessData(before: BusinessSnapshot, after: BusinessSnapshot): string[] {
  const out: string[] = [];
  for (const table of Object.keys(before)) {
    const b = before[table] ?? [];
    const a = after[table] ?? [];
    if (b.length === a.length && b.every((row, i) => row === a[i])) continue;
    const was = new Set(b);
    const now = new Set(a);
    const added = a.filter((r) => !was.has(r)).length;
    const removed = b.filter((r) => !now.has(r)).length;
    const first = a.find((r) => !was.has(r));
    out.push(`${table}: ${added} row(s) new or changed, ${removed} row(s) gone or changed${first ? ` (e.g. ${first.slice(0, 200)})` : ''}`);
  }
  return out;
}

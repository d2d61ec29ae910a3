import { sql, type Column, type SQL } from 'drizzle-orm';

/**
 * Named placeholders for prepared statements (drizzle `.prepare()`), which are built once and
 * bound on every call.
 *
 * - `p(name)` in `.values()` and conditions is bound through its column's encoder: a JSON
 *   column (`text({ mode: 'json' })`) gets the value's JSON text.
 * - `.set()` only types SQL expressions, so `setRaw` binds a text or number value as it is,
 *   and `setEncoded` binds through a column's encoder like `p`.
 * - drizzle encodes a placeholder's `null` too (a JSON column would store the text `null`),
 *   so a nullable JSON column goes through `nullableJson`, which keeps SQL NULL.
 */
export const placeholders = {
  /** A placeholder bound through the column it is compared with or inserted into. */
  p: sql.placeholder,
  /** A placeholder in `.set()`, bound as is. */
  setRaw: (name: string): SQL => sql`${sql.placeholder(name)}`,
  /** A placeholder in `.set()`, bound through `column`'s encoder. */
  setEncoded: (name: string, column: Column): SQL => sql`${sql.param(sql.placeholder(name), column as never)}`,
  /** A placeholder for a nullable JSON column: the value's JSON text, or SQL NULL for `null`. */
  nullableJson: (name: string, column: Column): SQL => sql`nullif(${sql.param(sql.placeholder(name), column as never)}, 'null')`,
};

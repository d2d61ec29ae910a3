/**
 * One error path (issue 14), at the command line: a store failure (the database locked by
 * another process past the busy timeout, here 50 ms from `VE_BUSY_TIMEOUT_MS`) ends with the
 * catalogue's wording and a reference, the details logged on standard error under that
 * reference, and the catalogue's exit code; nothing is stored.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open-store.ts';
import { importCase } from '../../src/proposals/index.ts';
import { runVe } from '../support/run-ve.ts';
import { sampleCase } from '../support/sample-case.ts';
import { tempDir } from '../support/test-store.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('the CLI door', () => {
  it('a locked database: exit 1, "unavailable (reference ...)", the details under the same reference', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const db = join(tmp.dir, 've.db');
    const store = openStore({ path: db });
    importCase({ store, now: () => new Date('2026-01-01T00:00:00Z') }, { document: sampleCase(), importedBy: 'admin' });
    store.close();
    const file = join(tmp.dir, 'new.json');
    writeFileSync(file, JSON.stringify(sampleCase('new-case')));

    const other = new Database(db);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');

    const started = performance.now();
    const r = await runVe(db, ['import', file, '--by', 'admin'], { VE_BUSY_TIMEOUT_MS: '50' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    const [logLine, said] = lines as [string, string];
    expect(said).toMatch(/^ve: the service is unavailable \(reference ([0-9a-f]{8})\); try again later$/);
    const reference = /reference ([0-9a-f]{8})/.exec(said)![1]!;
    expect(logLine).toBe(`ve: failed (reference ${reference}): SqliteError: database is locked`);

    other.exec('ROLLBACK');
    const after = openStore({ path: db });
    expect(after.listCases().map((c) => c.id)).toEqual(['acme-helpdesk']);
    after.close();
  });
});

describe('a JSON file starting with a byte-order mark', () => {
  it('is read as JSON (the BOM skipped), not refused', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const db = join(tmp.dir, 've.db');
    const file = join(tmp.dir, 'bom.json');
    writeFileSync(file, `\uFEFF${JSON.stringify(sampleCase('bom-case'))}`);
    const r = await runVe(db, ['import', file, '--by', 'admin']);
    expect(r).toMatchObject({ code: 0, out: 'imported bom-case (Acme Helpdesk) into workspace default at version 1\n' });
  });
});

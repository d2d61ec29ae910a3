/**
 * `ve measurements import FILE.csv --case ID` through `main` on a file database (issue 13).
 * The case is the demo (examples/delta-corp.json): realization 2025-07 to 2027-06, locked
 * through 2025-12; `reps` (# of Reps) and `tickets_per_day` (Avg. Tickets per Day) are tracked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open-store.ts';
import { runVe } from '../support/run-ve.ts';
import { tempDir } from '../support/test-store.ts';

const CASE = 'delta-corp-support-automation';
const tmp = tempDir('ve-csv-');
afterAll(tmp.cleanup);
let n = 0;

async function freshDb(): Promise<string> {
  const db = join(tmp.dir, `db${n++}`, 've.db');
  // Any store command seeds the demo case into an empty database.
  const r = await runVe(db, ['proposals']);
  expect(r.code).toBe(0);
  return db;
}

function file(name: string, text: string): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return path;
}

describe('ve measurements import', () => {
  it('proposes the whole file as one pending proposal, prints every change and how to approve; approving records the values', async () => {
    const db = await freshDb();
    const csv = file('april.csv', 'month,input,value,note\n2026-04,# of Reps,14,two hires\nApr 2026,Avg. Tickets per Day,162,\n');
    const r = await runVe(db, ['measurements', 'import', csv, '--case', CASE, '--by', 'ana']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const id = /^proposal (\S+) \[pending\]/.exec(r.out)![1]!;
    expect(r.out).toContain(`proposal ${id} [pending] on ${CASE}: 2 measurement(s) from april.csv (long layout)`);
    // The rows name no source, so the file's name is each entry's source.
    expect(r.out).toContain('# of Reps (reps) in 2026-04: 14 reps, note "two hires", source "april.csv"');
    expect(r.out).toContain('Avg. Tickets per Day (tickets_per_day) in 2026-04: 162 tickets/day, source "april.csv"');
    expect(r.out).toContain(`approve with: ve approve ${id} --by NAME`);
    const store = openStore({ path: db });
    expect(store.listProposals({ caseId: CASE, status: 'pending' })).toHaveLength(1);
    store.close();
    const approved = await runVe(db, ['approve', id, '--by', 'bo']);
    expect(approved.code).toBe(0);
    const after = openStore({ path: db });
    const doc = after.getCase(CASE)!.document;
    after.close();
    const reps = doc.scenarios[1]!.useCases[0]!.inputs.find((i) => i.key === 'reps')!;
    expect(reps.series!['2026-04']).toEqual({ value: 14, note: 'two hires', source: 'april.csv' });
  });

  it('a file with bad rows proposes nothing, prints every bad row with its line, and exits 2', async () => {
    const db = await freshDb();
    const csv = file('bad.csv', 'month,input,value\n2026-04,reps,14\n2025-11,reps,12\n2026-05,reps,lots\n');
    const r = await runVe(db, ['measurements', 'import', csv, '--case', CASE]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('nothing was proposed: the file has 2 bad rows');
    expect(r.err).toContain("line 3 (month): 2025-11 is locked (the scenario 'Value Realization' is locked through 2025-12)");
    expect(r.err).toContain("line 4 (value): 'lots' is not a number");
    const store = openStore({ path: db });
    expect(store.listProposals({ caseId: CASE })).toEqual([]);
    store.close();
  });

  it('a missing file is a usage error naming it; an unknown case names the cases there are', async () => {
    const db = await freshDb();
    const missing = await runVe(db, ['measurements', 'import', join(tmp.dir, 'nope.csv'), '--case', CASE]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.csv: no such file');
    const csv = file('one.csv', 'month,input,value\n2026-04,reps,14\n');
    const unknown = await runVe(db, ['measurements', 'import', csv, '--case', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(`no business case 'nope' (business cases: ${CASE})`);
  });

  it('--json prints the proposal view with the layout and count', async () => {
    const db = await freshDb();
    const csv = file('wide.csv', '\ufeffMonth;# of Reps;Avg. Tickets per Day\n2026-05;16;170,5\n');
    const r = await runVe(db, ['measurements', 'import', csv, '--case', CASE, '--json']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.out);
    expect(view).toMatchObject({ status: 'pending', layout: 'wide', measurements: 2, existing: false, caseId: CASE });
    // 170,5 with ";" separators is 170.5.
    expect(view.changes[1]).toContain('in 2026-05: 170.5 tickets/day');
  });
});

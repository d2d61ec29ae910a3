/**
 * `ve qbr check DRAFT.md --case ID --quarter Q`, run as the built `ve` (bin/ve.mjs, dist/): every
 * problem with FILE:LINE:COLUMN on stdout, exit 1 when there is one, 0 when clean, 2 for bad
 * input. The demo case is seeded into the new database on first start; its 2026-Q1 facts (see
 * test/qbr/check-claims.test.ts): ROI to date 41%, projected ROI 326%, $58,887 measured and
 * $30,000 assumed to date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnVe } from '../support/spawn-ve.ts';
import { tempDir } from '../support/test-store.ts';

const tmp = tempDir('ve-qbr-check-');
afterAll(tmp.cleanup);
const db = join(tmp.dir, 've.db');
const CASE = 'delta-corp-support-automation';

function draft(name: string, text: string): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return path;
}

async function ve(args: string[]) {
  const p = spawnVe(args, { VE_DB: db });
  const { code } = await p.exited;
  return { code, out: p.stdout(), err: p.stderr() };
}

describe('ve qbr check', () => {
  it('prints each problem with line and column and exits 1; exits 0 for a clean draft', async () => {
    const bad = draft(
      'bad.md',
      '# QBR\n\nThe return on investment to date is 326%.\nRealized value to date is $88,887: $30,000 measured and $58,887 resting on assumptions.\n',
    );
    const r = await ve(['qbr', 'check', bad, '--case', CASE, '--quarter', '2026-Q1']);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    // Line 3: "The return on investment to date is " is 36 characters; line 4: "Realized value to date is $88,887: " is 35, then "$30,000 measured and " 21.
    expect(lines.map((l) => l.slice(bad.length + 1).split(': ')[0])).toEqual(['3:37', '4:36', '4:57']);
    expect(lines[0]).toContain('326%: claims ROI to date');
    expect(r.err).toMatch(/3 problems \(checked against delta-corp-support-automation, 2026-Q1, as of 2026-03\)/);

    const good = draft('good.md', 'The return on investment to date is 41%; $58,887 measured and $30,000 resting on assumptions to date.\n');
    const ok = await ve(['qbr', 'check', good, '--case', CASE, '--quarter', 'Q1 2026']);
    expect({ code: ok.code, out: ok.out }).toEqual({ code: 0, out: '' });
    expect(ok.err).toMatch(/no problems/);
  });

  it('exits 2 with a clear error for an unknown case, a quarter with nothing to report or an unreadable file', async () => {
    const good = draft('any.md', 'Realized value to date is $88,887.\n');
    const unknown = await ve(['qbr', 'check', good, '--case', 'nope', '--quarter', '2026-Q1']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no business case 'nope'/);
    const early = await ve(['qbr', 'check', good, '--case', CASE, '--quarter', '2024-Q1']);
    expect(early.code).toBe(2);
    expect(early.err).toMatch(/Q1 2024/);
    const badQuarter = await ve(['qbr', 'check', good, '--case', CASE, '--quarter', 'soon']);
    expect(badQuarter.code).toBe(2);
    expect(badQuarter.err).toMatch(/'soon' is not a quarter/);
    const missing = await ve(['qbr', 'check', join(tmp.dir, 'missing.md'), '--case', CASE, '--quarter', '2026-Q1']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*missing\.md: ENOENT/);
  });
});

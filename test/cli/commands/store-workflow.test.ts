/**
 * The store commands end to end through `main` on a file database (`VE_DB` in a temp dir):
 * import, export, propose, approve (twice), reject, proposals, audit, history.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/open-store.ts';
import { measure, sampleCase, setInput } from '../../support/sample-case.ts';
import { runVe } from '../../support/run-ve.ts';
import { tempDir } from '../../support/test-store.ts';

const tmp = tempDir('ve-cli-store-');
afterAll(tmp.cleanup);
let n = 0;
function file(content: unknown): string {
  const path = join(tmp.dir, `f${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
function freshDb(): string {
  return join(tmp.dir, `db${n++}`, 've.db');
}
const idOf = (out: string): string => /^proposal (\S+) \[pending\]/.exec(out)![1]!;

describe('ve store commands', () => {
  it('seeds the demo into a new database, imports a case and exports it as it was imported', async () => {
    const db = freshDb();
    const imported = await runVe(db, ['import', file(sampleCase()), '--workspace', 'acme', '--by', 'admin']);
    expect(imported).toEqual({ code: 0, out: 'imported acme-helpdesk (Acme Helpdesk) into workspace acme at version 1\n', err: '' });
    const exported = await runVe(db, ['export', 'acme-helpdesk']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toEqual(sampleCase());
    const store = openStore({ path: db });
    expect(store.listCases().map((c) => [c.id, c.workspaceId, c.createdBy])).toEqual([
      ['acme-helpdesk', 'acme', 'admin'],
      ['delta-corp-support-automation', 'default', 'seed'],
    ]);
    store.close();
    // Ids are unique per workspace: the same id in workspace default is a case of its own...
    expect(await runVe(db, ['import', file({ ...sampleCase(), name: 'Default copy' })])).toMatchObject({ code: 0 });
    // ...and twice in acme is the conflict.
    expect(await runVe(db, ['import', file(sampleCase()), '--workspace', 'acme'])).toMatchObject({
      code: 1,
      err: expect.stringContaining("a business case 'acme-helpdesk' already exists in workspace 'acme'"),
    });
    // An id used in two workspaces is asked about; <workspace>:<id> names one.
    const ambiguous = await runVe(db, ['export', 'acme-helpdesk']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain(
      "business case 'acme-helpdesk' exists in several workspaces; name one as <workspace>:<id> (acme:acme-helpdesk, default:acme-helpdesk)",
    );
    expect(JSON.parse((await runVe(db, ['export', 'default:acme-helpdesk'])).out).name).toBe('Default copy');
    expect(JSON.parse((await runVe(db, ['export', 'acme:acme-helpdesk'])).out).name).toBe('Acme Helpdesk');
  });

  it('proposes (printing id and preview), approves once, and shows audit and history', async () => {
    const db = freshDb();
    await runVe(db, ['import', file(sampleCase()), '--by', 'admin']);
    const proposed = await runVe(db, ['propose', 'acme-helpdesk', file([measure('support', 'gain', '2025-03', 0.3, { source: 'Zendesk' })]), '--by', 'ana']);
    expect(proposed.code).toBe(0);
    const id = idOf(proposed.out);
    expect(proposed.out).toContain('  1. recordMeasurement on scenario \'actual\'\n     recorded Efficiency gain (gain) in 2025-03: 30%, source "Zendesk"\n');
    expect(proposed.out).toContain('total: 66,000.00 -> 166,000.00 (+100,000.00)');
    expect(proposed.out).toContain(`approve with: ve approve ${id} --by NAME`);

    const pending = await runVe(db, ['proposals', '--case', 'acme-helpdesk']);
    expect(pending.out).toContain(`proposal ${id} [pending] on acme-helpdesk (version 1`);

    const approved = await runVe(db, ['approve', id, '--by', 'ben']);
    expect(approved.code).toBe(0);
    expect(approved.out).toMatch(new RegExp(`^applied proposal ${id} to acme-helpdesk: version 1 -> 2, approved by ben\n`));
    const again = await runVe(db, ['approve', id, '--by', 'eve']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(new RegExp(`^proposal ${id} was already applied by ben at \\S+ \\(version 2\\); nothing changed`));

    // Replace the value: the history keeps both.
    const fix = await runVe(db, ['propose', 'acme-helpdesk', file(measure('support', 'gain', '2025-03', 0.25, { note: 'corrected' })), '--by', 'cy']);
    expect(fix.out).toContain('replaced Efficiency gain (gain) in 2025-03: 25%, note "corrected" (was 30%, source "Zendesk")');
    expect((await runVe(db, ['approve', idOf(fix.out), '--by', 'dee'])).code).toBe(0);

    const history = await runVe(db, ['history', 'acme-helpdesk', 'actual', 'support', 'gain', '--json']);
    expect(
      JSON.parse(history.out).map((h: { month: string; value: number; recordedBy: string; approvedBy: string | null; supersededBy: number | null }) => [
        h.month,
        h.value,
        h.recordedBy,
        h.approvedBy,
        h.supersededBy !== null,
      ]),
    ).toEqual([
      ['2025-01', 0.1, 'admin', null, false],
      ['2025-03', 0.3, 'ana', 'ben', true],
      ['2025-03', 0.25, 'cy', 'dee', false],
    ]);
    const text = await runVe(db, ['history', 'acme-helpdesk', 'actual', 'support', 'gain']);
    expect(text.out).toMatch(/2025-03 {2}0\.3 {2}replaced \(by #\d+\) {2}recorded by ana, approved by ben/);
    expect(text.out).toMatch(/2025-03 {2}0\.25 \(replaced 0\.3\) {2}current {2}recorded by cy, approved by dee .* note: corrected/);

    const audit = await runVe(db, ['audit', 'acme-helpdesk', '--json']);
    expect(
      JSON.parse(audit.out).map((a: { op: string; proposedBy: string; approvedBy: string; versionAfter: number }) => [
        a.op,
        a.proposedBy,
        a.approvedBy,
        a.versionAfter,
      ]),
    ).toEqual([
      ['recordMeasurement', 'ana', 'ben', 2],
      ['recordMeasurement', 'cy', 'dee', 3],
    ]);
    expect((await runVe(db, ['audit', 'acme-helpdesk'])).out).toMatch(/^version 2 {2}\S+ {2}recordMeasurement on 'actual' {2}proposed by ana, approved by ben/);
    expect((await runVe(db, ['proposals'])).out).toBe('no pending proposals\n');
    expect((await runVe(db, ['proposals', '--all'])).out).toContain(`[applied] on acme-helpdesk`);
  });

  it('refuses the second of two conflicting proposals with the reason, and rejects with a reason', async () => {
    const db = freshDb();
    await runVe(db, ['import', file(sampleCase()), '--by', 'admin']);
    const a = idOf((await runVe(db, ['propose', 'acme-helpdesk', file([setInput('support', 'rep_cost', 70000)]), '--by', 'ana'])).out);
    const b = idOf((await runVe(db, ['propose', 'acme-helpdesk', file([measure('support', 'gain', '2025-03', 0.3)]), '--by', 'cy'])).out);
    const c = idOf((await runVe(db, ['propose', 'acme-helpdesk', file([setInput('self-service', 'tickets', 900)]), '--by', 'cy'])).out);
    expect((await runVe(db, ['approve', a, '--by', 'ben'])).code).toBe(0);
    const refused = await runVe(db, ['approve', b, '--by', 'ben']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`ve: proposal ${b} refused: operation 0 (recordMeasurement) no longer does what was previewed`);
    expect(refused.err).toContain('version 2: setInput proposed by ana, approved by ben (Cost per rep (rep_cost): 60000 -> 70000 in every month)');
    const rejected = await runVe(db, ['reject', c, '--by', 'ben', '--reason', 'ticket volume is seasonal']);
    expect(rejected).toEqual({ code: 0, out: `rejected proposal ${c} on acme-helpdesk: ticket volume is seasonal\n`, err: '' });
    expect(await runVe(db, ['approve', c, '--by', 'ben'])).toMatchObject({ code: 1, err: expect.stringContaining(`proposal ${c} was rejected by ben`) });
    expect((await runVe(db, ['reject', c, '--by', 'eve'])).out).toContain('was already rejected by ben');
  });

  it('expires proposals older than VE_PROPOSAL_MAX_AGE_DAYS when listing', async () => {
    const db = freshDb();
    await runVe(db, ['import', file(sampleCase()), '--by', 'admin']);
    const store = openStore({ path: db });
    const old = store.insertProposal({
      caseId: 'acme-helpdesk',
      operations: [setInput('support', 'reps', 11)],
      baseVersion: 1,
      asOf: '2025-06',
      preview: [],
      proposedBy: 'ana',
      createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    });
    store.close();
    expect((await runVe(db, ['proposals'], { VE_PROPOSAL_MAX_AGE_DAYS: '5' })).out).toContain(`proposal ${old.id} [pending]`);
    const listed = await runVe(db, ['proposals'], { VE_PROPOSAL_MAX_AGE_DAYS: '2' });
    expect(listed.out).toBe('expired 1 proposal(s) nobody decided in time\nno pending proposals\n');
    expect((await runVe(db, ['approve', old.id, '--by', 'ben'])).err).toContain(`proposal ${old.id} was expired at`);
  });
});

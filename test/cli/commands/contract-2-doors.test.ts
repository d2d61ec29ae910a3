/**
 * Contract 2 through the terminal (`main`, a file database at `VE_DB`): every new operation
 * is proposed with `ve propose`, applied with `ve approve`, audited by `ve audit`; `ve
 * history` shows a removed value with who removed it; the lock guard's refusal reaches
 * `ve propose` intact (exit 1, the month and the operation named, nothing stored); a
 * proposal previewed under the first contract is re-checked by `ve approve`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/open-store.ts';
import { createFirstContractDatabase, FIRST_CONTRACT_PROPOSALS } from '../../support/first-contract-database.ts';
import { runVe } from '../../support/run-ve.ts';
import { measure, sampleCase } from '../../support/sample-case.ts';
import { tempDir } from '../../support/test-store.ts';

const tmp = tempDir('ve-cli-contract-2-');
afterAll(tmp.cleanup);
let n = 0;
function file(content: unknown): string {
  const path = join(tmp.dir, `f${n++}.json`);
  writeFileSync(path, JSON.stringify(content));
  return path;
}
function freshDb(): string {
  return join(tmp.dir, `db${n++}`, 've.db');
}
const idOf = (out: string): string => /^proposal (\S+) \[pending\]/.exec(out)![1]!;

/** Proposes by `by`, approves by `approver`; both must succeed. Returns the proposal's output. */
async function proposeAndApprove(db: string, operation: unknown, by: string, approver: string): Promise<string> {
  const proposed = await runVe(db, ['propose', 'acme-helpdesk', file(operation), '--by', by]);
  expect(proposed.err).toBe('');
  expect(proposed.code).toBe(0);
  const approved = await runVe(db, ['approve', idOf(proposed.out), '--by', approver]);
  expect(approved.err).toBe('');
  expect(approved.code).toBe(0);
  return proposed.out;
}

describe('Contract 2 operations through ve propose / approve / audit / history', () => {
  it('proposes, applies and audits every new operation; history shows a removal with who removed it', async () => {
    const db = freshDb();
    const doc = sampleCase();
    // Self-service untracked, its deflection rate a constant: trackMetric has something to do.
    const selfService = doc.scenarios[1]!.useCases[1]!;
    selfService.inputs[1] = { key: 'deflection', label: 'Deflection rate', unit: 'percent', value: 0.1 };
    delete selfService.calculations[0]!.metric;
    expect((await runVe(db, ['import', file(doc), '--by', 'admin'])).code).toBe(0);

    const tracked = await proposeAndApprove(
      db,
      { op: 'trackMetric', scenario: 'actual', useCase: 'self-service', calculation: 'deflected', input: 'deflection' },
      'ana',
      'ben',
    );
    expect(tracked).toContain("  1. trackMetric on scenario 'actual'\n     calculation 'Deflected tickets' now tracks Deflection rate (deflection) monthly\n");
    const from = await proposeAndApprove(
      db,
      { op: 'setInput', scenario: 'actual', useCase: 'support', input: 'reps', value: 15, from: '2025-04' },
      'ana',
      'ben',
    );
    expect(from).toContain('     Reps (reps): 10 -> 15 from Apr 2025 on; months before Apr 2025 keep their values\n');
    await proposeAndApprove(db, measure('self-service', 'deflection', '2025-03', 0.2), 'ana', 'ben');
    await proposeAndApprove(
      db,
      { op: 'annotateMeasurement', scenario: 'actual', useCase: 'self-service', input: 'deflection', month: '2025-03', source: 'Zendesk' },
      'cy',
      'dee',
    );
    const removed = await proposeAndApprove(
      db,
      { op: 'removeMeasurement', scenario: 'actual', useCase: 'self-service', input: 'deflection', month: '2025-03' },
      'cy',
      'dee',
    );
    expect(removed).toContain(
      '     removed Deflection rate (deflection) in 2025-03: 20%, source "Zendesk"; 2025-03 now takes 10% (no measurement before it)\n',
    );
    await proposeAndApprove(db, { op: 'addMilestone', scenario: 'actual', id: 'all-teams', name: 'All teams onboarded' }, 'ana', 'ben');
    const milestone = await proposeAndApprove(db, { op: 'updateMilestone', scenario: 'actual', id: 'all-teams', achievedMonth: '2025-05' }, 'ana', 'ben');
    expect(milestone).toContain("     milestone 'All teams onboarded' (all-teams): achieved 2025-05\n");

    const audit = JSON.parse((await runVe(db, ['audit', 'acme-helpdesk', '--json'])).out) as Array<{
      op: string;
      proposedBy: string;
      approvedBy: string;
      versionAfter: number;
    }>;
    expect(audit.map((a) => [a.op, a.proposedBy, a.approvedBy, a.versionAfter])).toEqual([
      ['trackMetric', 'ana', 'ben', 2],
      ['setInput', 'ana', 'ben', 3],
      ['recordMeasurement', 'ana', 'ben', 4],
      ['annotateMeasurement', 'cy', 'dee', 5],
      ['removeMeasurement', 'cy', 'dee', 6],
      ['addMilestone', 'ana', 'ben', 7],
      ['updateMilestone', 'ana', 'ben', 8],
    ]);

    const history = await runVe(db, ['history', 'acme-helpdesk', 'actual', 'self-service', 'deflection']);
    const lines = history.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^#\d+ {2}2025-03 {2}0\.2 {2}details changed \(by #\d+\) {2}recorded by ana, approved by ben at \S+, version 4$/);
    expect(lines[1]).toMatch(/^#\d+ {2}2025-03 {2}0\.2 {2}removed \(by #\d+\) {2}details changed by cy, approved by dee at \S+, version 5 {2}source: Zendesk$/);
    expect(lines[2]).toMatch(/^#\d+ {2}2025-03 {2}0\.2 {2}removed by cy, approved by dee at \S+, version 6 {2}source: Zendesk$/);
    const json = JSON.parse((await runVe(db, ['history', 'acme-helpdesk', 'actual', 'self-service', 'deflection', '--json'])).out) as Array<{
      action: string;
      recordedBy: string;
      approvedBy: string;
    }>;
    expect(json.map((h) => [h.action, h.recordedBy, h.approvedBy])).toEqual([
      ['recorded', 'ana', 'ben'],
      ['annotated', 'cy', 'dee'],
      ['removed', 'cy', 'dee'],
    ]);
    const reps = await runVe(db, ['history', 'acme-helpdesk', 'actual', 'support', 'reps']);
    expect(reps.out).toMatch(/^#\d+ {2}2025-04 {2}15 {2}current {2}set from this month on by ana, approved by ben at \S+, version 3\n$/);
  });

  it('ve propose shows the lock guard refusal with the month and the operation, exits 1 and stores nothing', async () => {
    const db = freshDb();
    await runVe(db, ['import', file(sampleCase()), '--by', 'admin']);
    await proposeAndApprove(db, { op: 'lockMonths', scenario: 'actual', through: '2025-03' }, 'ana', 'ben');
    const refused = await runVe(db, [
      'propose',
      'acme-helpdesk',
      file({ op: 'setInput', scenario: 'actual', useCase: 'support', input: 'reps', value: 12 }),
      '--by',
      'cy',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    // January: 12 x 60000 x 0.1 / 12 = 6000 instead of 5000, plus self-service's 500.
    expect(refused.err).toBe(
      "ve: operation 0 (setInput) refused: setInput would change locked month 2025-01 (scenario 'actual' is locked through 2025-03): benefit 5,500.00 -> 6,500.00. " +
        'Locked months keep their figures; to change an assumption from a later month on, use setInput with from after 2025-03 (at $.op)\n',
    );
    expect((await runVe(db, ['proposals', '--case', 'acme-helpdesk', '--all'])).out).not.toContain('[pending]');
  });
});

describe('ve approve on proposals previewed under the first contract', () => {
  it('refuses the one whose effect changed with the reason, and applies the other after the engine re-checked it', async () => {
    const db = freshDb();
    createFirstContractDatabase(db, new Date(Date.now() - 3_600_000).toISOString());
    const { deflection, gain } = FIRST_CONTRACT_PROPOSALS;
    const refused = await runVe(db, ['approve', deflection.id, '--by', 'ben']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `ve: proposal ${deflection.id} refused: operation 0 (recordMeasurement) no longer does what was previewed: measured to date would change by +0.00 instead of the previewed +1000.00`,
    );
    expect(refused.err).toContain('The proposal was previewed under the first engine contract');
    const applied = await runVe(db, ['approve', gain.id, '--by', 'ben']);
    expect(applied.err).toBe('');
    expect(applied.out).toMatch(
      new RegExp(
        `^applied proposal ${gain.id} to acme-helpdesk: version 1 -> 2, approved by ben \\(previewed under an earlier engine contract; the engine re-checked it: same effect as previewed\\)\n`,
      ),
    );
    const store = openStore({ path: db });
    try {
      expect(store.listProposals().map((p) => [p.id, p.status])).toEqual([
        [deflection.id, 'refused'],
        [gain.id, 'applied'],
      ]);
    } finally {
      store.close();
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '../../db/client.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import { importCase, propose } from '../../src/proposals/index.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { measure, sampleCase } from '../support/sample-case.ts';
import { spawnWorker } from '../support/spawn-worker.ts';
import { tempDir } from '../support/test-store.ts';

const NOW = '2025-06-15T12:00:00.000Z';
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function dbPath(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, 've.db');
}

describe('approval across OS processes on one file database', () => {
  it('two processes opening a fresh database at once both migrate it safely', async () => {
    const db = dbPath();
    const workers = [spawnWorker({ mode: 'open', db }), spawnWorker({ mode: 'open', db })];
    const exits = await Promise.all(workers.map((w) => w.exited));
    expect(
      exits.map((e) => e.code),
      workers.map((w) => w.stderr()).join('\n'),
    ).toEqual([0, 0]);
    expect(workers.map((w) => w.lines)).toEqual([['opened'], ['opened']]);
    const h = openDatabase({ path: db });
    // Each committed migration applied exactly once.
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(h.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
    h.close();
  });

  it('the same proposals approved concurrently by two processes are each applied exactly once', async () => {
    const db = dbPath();
    const h = openDatabase({ path: db });
    const ctx = { store: createSqliteStore(h), now: fakeClock(NOW).now };
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      importCase(ctx, { document: sampleCase(`case-${i}`), importedBy: 'admin' });
      const p = propose(ctx, { caseId: `case-${i}`, operations: [measure('support', 'gain', '2025-03', 0.3)], proposedBy: 'ana' });
      if (!p.ok) throw new Error(p.error.message);
      ids.push(p.value.id);
    }
    h.close();

    const startAt = Date.now() + 1500;
    const workers = [
      spawnWorker({ mode: 'approve', db, by: 'ben', ids, startAt, now: NOW, pauseMs: 3 }),
      spawnWorker({ mode: 'approve', db, by: 'eve', ids, startAt, now: NOW, pauseMs: 3 }),
    ];
    const exits = await Promise.all(workers.map((w) => w.exited));
    expect(
      exits.map((e) => e.code),
      workers.map((w) => w.stderr()).join('\n'),
    ).toEqual([0, 0]);
    const results = workers.map((w) => w.lines.map((l) => JSON.parse(l) as { id: string; ok: boolean; alreadyApplied: boolean }));
    expect(results.every((r) => r.length === ids.length && r.every((x) => x.ok))).toBe(true);

    const reopened = openDatabase({ path: db });
    const store = createSqliteStore(reopened);
    for (const [i, id] of ids.entries()) {
      const firsts = results.map((r) => r.find((x) => x.id === id)!).filter((x) => !x.alreadyApplied);
      expect(firsts, `proposal ${i}`).toHaveLength(1);
      const winner = results[0]!.find((x) => x.id === id)!.alreadyApplied ? 'eve' : 'ben';
      expect(store.getProposal(id)).toMatchObject({ status: 'applied', decidedBy: winner, appliedVersion: 2 });
      expect(store.getCase(`case-${i}`)!.version).toBe(2);
      expect(store.listAudit(`case-${i}`).map((a) => [a.proposalId, a.approvedBy])).toEqual([[id, winner]]);
      expect(store.listMeasurements({ caseId: `case-${i}`, input: 'gain' }).filter((m) => m.proposalId === id)).toHaveLength(1);
    }
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('a process killed with SIGKILL while approvals stream in loses no acknowledged approval and leaves none half-applied', async () => {
    const db = dbPath();
    const h = openDatabase({ path: db });
    importCase({ store: createSqliteStore(h), now: fakeClock(NOW).now }, { document: sampleCase(), importedBy: 'admin' });
    h.close();

    const acknowledged = new Map<string, number>();
    // Kill twice, at different depths; the second worker starts on the database the first left behind.
    for (const [round, killAfter] of [7, 23].entries()) {
      const worker = spawnWorker({ mode: 'stream', db, caseId: 'acme-helpdesk', by: 'ben', now: NOW, round: round + 1 });
      await worker.waitFor((lines) => lines.length >= killAfter);
      worker.child.kill('SIGKILL');
      const exit = await worker.exited;
      expect(exit.signal).toBe('SIGKILL');
      for (const line of worker.lines) {
        const [word, id, version] = line.split(' ');
        expect(word).toBe('applied');
        acknowledged.set(id!, Number(version));
      }
    }

    const reopened = openDatabase({ path: db });
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const store = createSqliteStore(reopened);
    const all = store.listProposals({ caseId: 'acme-helpdesk' });
    const applied = all.filter((p) => p.status === 'applied');
    // Every approval that returned success is there, with the version it reported.
    for (const [id, version] of acknowledged) expect(store.getProposal(id)).toMatchObject({ status: 'applied', appliedVersion: version });
    expect(applied.length).toBeGreaterThanOrEqual(acknowledged.size);
    // Nothing half-applied: versions are contiguous, each applied proposal has its two audit
    // entries and its history row, anything else has none.
    const current = store.getCase('acme-helpdesk')!;
    expect(current.version).toBe(1 + applied.length);
    expect(applied.map((p) => p.appliedVersion).sort((a, b) => a! - b!)).toEqual(applied.map((_, i) => i + 2));
    const audit = store.listAudit('acme-helpdesk');
    const history = store.listMeasurements({ caseId: 'acme-helpdesk', input: 'deflection' });
    for (const p of all) {
      const entries = audit.filter((a) => a.proposalId === p.id);
      const rows = history.filter((m) => m.proposalId === p.id);
      if (p.status === 'applied') {
        expect(entries.map((e) => [e.opIndex, e.versionAfter])).toEqual([
          [0, p.appliedVersion],
          [1, p.appliedVersion],
        ]);
        expect(rows).toHaveLength(1);
      } else {
        expect(p.status).toBe('pending');
        expect(entries).toEqual([]);
        expect(rows).toEqual([]);
      }
    }
    // The document is the one the last applied proposal produced.
    const last = applied.find((p) => p.appliedVersion === current.version)!;
    const reps = current.document.scenarios[1]!.useCases[0]!.inputs[0]!;
    expect(reps.value).toBe((last.operations[0] as { value: number }).value);
    reopened.close();
  });
});

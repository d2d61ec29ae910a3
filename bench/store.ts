/**
 * The store benchmark (`npm run bench` runs it after the engine's): approvals per second and
 * recorded measurements per second on a file database in a temp dir, with the p50/p99
 * latency of one approval, against a bare better-sqlite3 insert loop with the same
 * durability pragmas (WAL, synchronous = FULL) in the same run as the floor.
 *
 * An approval is one write transaction: read the proposal and the case, run the engine on the
 * document, write the new document, history rows, audit entries and the decision, commit
 * (one fsync). The floor is the cheapest durable write there is: one tiny row per commit; a
 * second floor writes a row the size of the document (what an approval must at least write).
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { applyPragmas } from '../db/client.ts';
import { openStore } from '../db/open-store.ts';
import { approve, importCase, propose, type ProposalContext } from '../src/proposals/index.ts';

const DEMO = fileURLToPath(new URL('../examples/delta-corp.json', import.meta.url));
const CASE = 'delta-corp-support-automation';
/** The demo's realization window runs 2025-07 to 2027-06, locked through 2025-12. */
const MONTHS = Array.from({ length: 18 }, (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

interface Options {
  /** Rounds; each round times `approvals` approvals, `batches` batched proposals and `floorRows` rows of each floor, interleaved so all see the same disk conditions. */
  rounds: number;
  approvals: number;
  batches: number;
  /** Measurements per batched proposal. */
  batch: number;
  floorRows: number;
}

const DEFAULTS: Options = { rounds: 12, approvals: 50, batches: 2, batch: 50, floorRows: 50 };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function measurement(i: number) {
  return {
    op: 'recordMeasurement',
    scenario: 'realization',
    useCase: 'self-service',
    input: 'deflection_rate',
    month: MONTHS[i % MONTHS.length]!,
    value: 0.1 + (i % 97) / 1000,
    source: 'bench',
  };
}

function mustPropose(ctx: ProposalContext, operations: unknown[]): string {
  const p = propose(ctx, { caseId: CASE, operations, proposedBy: 'bench' });
  if (!p.ok) throw new Error(`bench proposal refused: ${p.error.message}`);
  return p.value.id;
}

function mustApprove(ctx: ProposalContext, id: string): void {
  const a = approve(ctx, { proposalId: id, approvedBy: 'bench' });
  if (!a.ok) throw new Error(`bench approval refused: ${a.error.message}`);
}

/** A bare better-sqlite3 table on its own file database with the store's pragmas: the floor. */
function openFloor(dir: string, name: string, payload: string): { insert: (rows: number) => number; close: () => void } {
  const db = new Database(join(dir, `${name}.db`));
  applyPragmas(db, false);
  db.exec('create table t (id integer primary key, payload text not null)');
  const statement = db.prepare('insert into t (payload) values (?)');
  for (let i = 0; i < 20; i++) statement.run(payload);
  return {
    /** Inserts `rows` rows, one commit each; returns the milliseconds it took. */
    insert: (rows) => {
      const start = performance.now();
      for (let i = 0; i < rows; i++) statement.run(payload);
      return performance.now() - start;
    },
    close: () => db.close(),
  };
}

/**
 * Runs the store benchmark and returns a printable report. Takes well under 30 s on a disk
 * where an fsync costs a few milliseconds.
 */
export async function runStoreBench(options: Partial<Options> = {}): Promise<string> {
  const o = { ...DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 've-store-bench-'));
  try {
    const store = openStore({ path: join(dir, 'store.db') });
    // A clock inside the demo's window, so every month measured here is "to date".
    const ctx: ProposalContext = { store, now: () => new Date('2027-07-15T12:00:00.000Z') };
    const imported = importCase(ctx, { document: JSON.parse(readFileSync(DEMO, 'utf8')), importedBy: 'bench' });
    if (!imported.ok) throw new Error(`cannot import the demo: ${imported.error.message}`);
    const documentBytes = JSON.stringify(imported.value.document).length;

    for (let i = 0; i < 20; i++) mustApprove(ctx, mustPropose(ctx, [measurement(i)]));
    const floorSmall = openFloor(dir, 'floor-small', 'x'.repeat(64));
    const floorDoc = openFloor(dir, 'floor-document', 'x'.repeat(documentBytes));

    const latencies: number[] = [];
    let proposeMs = 0;
    let batchMs = 0;
    let floorSmallMs = 0;
    let floorDocMs = 0;
    let n = 0;
    for (let round = 0; round < o.rounds; round++) {
      // 1. Approvals, timed one by one (each proposal made just before, so none is stale).
      for (let i = 0; i < o.approvals; i++, n++) {
        const t0 = performance.now();
        const id = mustPropose(ctx, [measurement(n)]);
        const t1 = performance.now();
        mustApprove(ctx, id);
        latencies.push(performance.now() - t1);
        proposeMs += t1 - t0;
      }
      // 2. Measurements recorded in batches: one proposal of `batch` measurements, then its approval.
      const t2 = performance.now();
      for (let b = 0; b < o.batches; b++) {
        const ops = Array.from({ length: o.batch }, (_, k) => measurement(n + k + 7));
        n += o.batch;
        mustApprove(ctx, mustPropose(ctx, ops));
      }
      batchMs += performance.now() - t2;
      // 3. The floors, on the same disk in the same moment.
      floorSmallMs += floorSmall.insert(o.floorRows);
      floorDocMs += floorDoc.insert(o.floorRows);
    }
    floorSmall.close();
    floorDoc.close();
    const history = store.listMeasurements({ caseId: CASE, input: 'deflection_rate' }).length;
    store.close();

    const approvals = o.rounds * o.approvals;
    const approveMs = latencies.reduce((a, b) => a + b, 0);
    latencies.sort((a, b) => a - b);
    const approvalsPerSecond = approvals / (approveMs / 1000);
    const singleMeasurementsPerSecond = approvals / ((approveMs + proposeMs) / 1000);
    const batchedMeasurementsPerSecond = (o.rounds * o.batches * o.batch) / (batchMs / 1000);
    const floorRate = (ms: number): number => (o.rounds * o.floorRows) / (ms / 1000);
    const floorSmallRate = floorRate(floorSmallMs);
    const floorDocRate = floorRate(floorDocMs);

    const ratio = (floor: number, rate: number): string => `${(floor / rate).toFixed(2)}x`;
    const goal = floorSmallRate / approvalsPerSecond <= 5 ? 'within' : 'NOT within';
    return [
      `Store benchmark (file database in a temp dir; WAL, synchronous=FULL, one transaction per approval; store and floor interleaved in ${o.rounds} rounds)`,
      `  demo document: ${fmt(documentBytes)} bytes of JSON; ${fmt(history)} measurement-history rows at the end`,
      `  approvals:                  ${fmt(approvalsPerSecond, 1)}/s  (n=${approvals}; latency p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${latencies[latencies.length - 1]!.toFixed(2)} ms)`,
      `  measurements, 1 per proposal (propose + approve): ${fmt(singleMeasurementsPerSecond, 1)}/s`,
      `  measurements, ${o.batch} per proposal (propose + approve): ${fmt(batchedMeasurementsPerSecond, 1)}/s`,
      `  floor: bare better-sqlite3 insert, one commit per row, ${fmt(64)}-byte row:   ${fmt(floorSmallRate, 1)}/s`,
      `  floor: bare better-sqlite3 insert, one commit per row, ${fmt(documentBytes)}-byte row: ${fmt(floorDocRate, 1)}/s`,
      `  ratio floor/approvals: ${ratio(floorSmallRate, approvalsPerSecond)} (tiny row), ${ratio(floorDocRate, approvalsPerSecond)} (document-sized row); goal <= 5x: ${goal}`,
      `  ratio floor/single-measurement proposals: ${ratio(floorSmallRate, singleMeasurementsPerSecond)} (tiny row)`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly: `node --import tsx bench/store.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await runStoreBench());
}

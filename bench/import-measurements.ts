/**
 * The measurement CSV benchmark (issue 13: "a 1,000-row CSV proposed in under 1 s"; `npm run
 * bench` runs it, `--no-csv` skips it). A generated case has a realization scenario of 60
 * months and 4 use cases of 5 tracked metrics each; the file holds 1,000 of its 1,200
 * (month, metric) cells, in the long layout, named by label. Timed, each on a fresh
 * in-memory store with the case imported (outside the timing):
 *
 * - the whole import, `proposeMeasurementsFromCsv`: read, resolve, check, preview every
 *   operation through the engine, store ONE pending proposal (goal: under 1 s);
 * - baseline A, reading the file alone (`readMeasurementCsv`: csv-parse and the layout);
 * - baseline B, the same import of a one-row file.
 *
 * Rounds alternate the three, so load from other processes hits each alike; medians are
 * reported, in ms and as ratios to the baselines measured in the same run.
 */
import { openDatabase } from '../db/client.ts';
import { createSqliteStore } from '../db/sqlite-store.ts';
import { proposeMeasurementsFromCsv } from '../src/app/import-measurements.ts';
import type { BusinessCase } from '../src/engine/index.ts';
import { importCase, type ProposalContext } from '../src/proposals/index.ts';
import { readMeasurementCsv } from '../src/resolve/read-measurement-csv.ts';
import { median } from './measure.ts';

const CASE = 'csv-bench';
const USE_CASES = 4;
const METRICS = 5;
const MONTHS = 60;
const START = 2024; // 2024-01, 60 months to 2028-12

/** The generated case: a plan and a realization scenario, every metric of the realization tracked. */
export function benchCase(): BusinessCase {
  const useCases = (tracked: boolean) =>
    Array.from({ length: USE_CASES }, (_, u) => ({
      id: `use-case-${u + 1}`,
      name: `Use Case ${u + 1}`,
      inputs: Array.from({ length: METRICS }, (_, m) => ({
        key: `metric_${u + 1}_${m + 1}`,
        label: `Metric ${u + 1}.${m + 1} per Month`,
        unit: 'units',
        value: 100 + m,
        ...(tracked ? { series: {} } : {}),
      })),
      calculations: [
        {
          id: `benefit-${u + 1}`,
          name: `Benefit ${u + 1}`,
          formula: Array.from({ length: METRICS }, (_, m) => `metric_${u + 1}_${m + 1}`).join(' + '),
          period: 'monthly' as const,
        },
      ],
    }));
  return {
    version: 1,
    id: CASE,
    name: 'CSV Bench',
    customer: 'Bench',
    currency: 'USD',
    scenarios: [
      { id: 'plan', name: 'Plan', kind: 'future', start: `${START}-01`, months: MONTHS, useCases: useCases(false) },
      { id: 'actual', name: 'Actual', kind: 'realization', start: `${START}-01`, months: MONTHS, basedOn: 'plan', useCases: useCases(true) },
    ],
  };
}

/** A long-layout file of `rows` measurements: month after month, every metric of the month, named by label. */
export function benchCsv(rows: number): string {
  const lines = ['month,input,value,note'];
  for (let i = 0; i < rows; i++) {
    const cell = i % (USE_CASES * METRICS);
    const month = Math.floor(i / (USE_CASES * METRICS));
    const u = Math.floor(cell / METRICS) + 1;
    const m = (cell % METRICS) + 1;
    const ym = `${START + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    lines.push(`${ym},Metric ${u}.${m} per Month,${100 + m + (i % 7)},row ${i + 2}`);
  }
  return `${lines.join('\n')}\n`;
}

function freshContext(): ProposalContext {
  const store = createSqliteStore(openDatabase({ path: ':memory:' }));
  const ctx: ProposalContext = { store, now: () => new Date('2029-01-15T12:00:00Z') };
  const imported = importCase(ctx, { document: benchCase(), importedBy: 'bench' });
  if (!imported.ok) throw new Error(imported.error.message);
  return ctx;
}

/** CPU time of the process (user + system, all threads), ms. */
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

let lastCpu = 0;

function timeImport(csv: string, expected: number): number {
  const ctx = freshContext();
  const c0 = cpuNow();
  const t0 = performance.now();
  const r = proposeMeasurementsFromCsv(ctx, { caseId: CASE, csv, actor: 'bench', channel: 'bench' });
  const ms = performance.now() - t0;
  lastCpu = cpuNow() - c0;
  if (!r.ok) throw new Error(r.error.message);
  if (r.value.measurements !== expected || r.value.changes.length !== expected) throw new Error(`expected ${expected} changes, got ${r.value.changes.length}`);
  return ms;
}

function timeRead(csv: string, expected: number): number {
  const t0 = performance.now();
  const r = readMeasurementCsv(csv);
  const ms = performance.now() - t0;
  if (!r.ok || r.measurements.length !== expected) throw new Error('the bench file did not read');
  return ms;
}

/** Runs the benchmark and returns its report. */
export async function runCsvBench(options: { rounds?: number; rows?: number } = {}): Promise<string> {
  const rounds = options.rounds ?? 7;
  const rows = options.rows ?? 1000;
  const big = benchCsv(rows);
  const one = benchCsv(1);
  // Warm-up: one of each, not counted.
  timeImport(big, rows);
  timeRead(big, rows);
  timeImport(one, 1);
  const full: number[] = [];
  const fullCpu: number[] = [];
  const read: number[] = [];
  const single: number[] = [];
  for (let r = 0; r < rounds; r++) {
    full.push(timeImport(big, rows));
    fullCpu.push(lastCpu);
    read.push(timeRead(big, rows));
    single.push(timeImport(one, 1));
  }
  const f = median(full);
  const a = median(read);
  const b = median(single);
  const verdict = f < 1000 ? 'under' : 'OVER';
  return [
    `measurement CSV import (${rows} rows, ${Math.round(big.length / 1024)} KiB, long layout; median of ${rounds} rounds):`,
    `  ${rows} rows read, resolved, previewed and proposed as one proposal: ${f.toFixed(1)} ms wall, ${median(fullCpu).toFixed(0)} ms CPU (goal under 1000 ms: ${verdict})`,
    `  baseline A, reading the file alone (csv-parse + layout): ${a.toFixed(1)} ms; the import is ${(f / a).toFixed(1)}x it`,
    `  baseline B, the same import of a 1-row file: ${b.toFixed(1)} ms; the import is ${(f / b).toFixed(1)}x it (${(f / b / rows).toFixed(2)}x per row)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCsvBench().then((report) => console.log(report));
}

import type { CaseRecord, ProposalRecord } from '../../db/store.ts';
import { failWith, type AppError, type Outcome } from '../errors/outcome.ts';
import { checkPlausibility } from '../proposals/check-plausibility.ts';
import { propose } from '../proposals/index.ts';
import { pendingTwin } from '../proposals/propose-once.ts';
import { readMeasurementCsv, type BadRow } from '../resolve/read-measurement-csv.ts';
import { resolveMeasurementRows } from '../resolve/resolve-measurement-rows.ts';
import type { AppContext } from './app-context.ts';
import { findCase } from './find-case.ts';
import { proposalView, type ProposalView } from './proposal-view.ts';

export type { BadRow } from '../resolve/read-measurement-csv.ts';

/** A CSV file of measurements handed in at a door (the web upload, `ve measurements import`, HTTP, Slack). */
export interface ImportMeasurementsInput {
  /** The door's workspace; a case outside it is not found. */
  workspaceId?: string;
  caseId: string;
  /** The file: text, or its bytes (UTF-8, with or without a byte-order mark). */
  csv: string | Uint8Array;
  /** Who proposes it (the signed-in person, the Slack user, the CLI's `--by`). */
  actor: string;
  /**
   * Where the file came from ("measurements.csv", "slack:F0123"): recorded as the `source` of
   * every measurement whose row names none. Omitted: only the rows' own sources are recorded.
   */
  source?: string;
  /** The door: `web`, `cli`, `http`, `slack`. */
  channel?: string | null;
  /** The conversation thread the file was shared in (Slack), if any. */
  thread?: string | null;
}

/** The proposal one file became: its view (every change, the figures before and after, the warnings), and how the file was read. */
export interface ImportedMeasurements extends ProposalView {
  /** True when the same file's pending proposal already existed (same case, thread, operations and version) and is returned instead of a twin. */
  existing: boolean;
  /** How many measurements the file holds (one operation each). */
  measurements: number;
  /** The file's layout: one measurement a row (`long`), or a month a row and a metric a column (`wide`). */
  layout: 'long' | 'wide';
}

/** Why a file proposes nothing: an `AppError` listing every bad row (line, column, reason, candidates). */
export interface MeasurementImportError extends AppError {
  /** Every row (or header line; line 0 is the file as a whole) that cannot be read, by line. */
  rows: BadRow[];
}

/** The outcome of an import: the proposal, or every bad row (an `Outcome` whose error also has `rows`). */
export type MeasurementImportOutcome = { ok: true; value: ImportedMeasurements } | { ok: false; error: AppError | MeasurementImportError };

/** The most bad rows the message lists line by line (`rows` holds them all). */
const MAX_DESCRIBED_ROWS = 100;

/** A sentence for the whole refusal, then the rows line by line, the first 100 (what the CLI prints). */
export function describeBadRows(rows: readonly BadRow[]): string {
  const count = rows.length;
  const lines = rows.slice(0, MAX_DESCRIBED_ROWS).map((r) => {
    const where = r.line === 0 ? 'the file' : `line ${r.line}${r.column !== undefined ? ` (${r.column})` : ''}`;
    const also = r.candidates?.length ? ` (did you mean: ${r.candidates.join('; ')}?)` : '';
    return `${where}: ${r.reason}${also}`;
  });
  if (count > MAX_DESCRIBED_ROWS) lines.push(`...and ${count - MAX_DESCRIBED_ROWS} more`);
  return [`nothing was proposed: the file has ${count} bad row${count === 1 ? '' : 's'}`, ...lines].join('\n');
}

function refuse(rows: BadRow[]): MeasurementImportOutcome {
  const sorted = [...rows].sort((a, b) => a.line - b.line);
  return { ok: false, error: { code: 'invalid_document', message: describeBadRows(sorted), rows: sorted } };
}

/**
 * Proposes the measurements of a CSV file on a case the door may see, as ONE proposal (one
 * `recordMeasurement` per measurement, applied together if approved): previewed by the
 * engine, stored pending with the plausibility warnings of each value, nothing changed until
 * a person approves it. The file is read by `readMeasurementCsv` (csv-parse; long or wide
 * layout, BOM, `;` and decimal commas) and every row against the case by
 * `resolveMeasurementRows`; a value the plausibility check would ask about (22 for a
 * percentage) is a bad row too. A file with any bad row proposes nothing: the error
 * (`invalid_document`) lists every bad row with its line and reason (`rows`).
 *
 * The same file handed in again (same case, thread or none, operations, version and month)
 * returns the pending proposal it made (`existing: true`) instead of a twin.
 */
export function proposeMeasurementsFromCsv(ctx: AppContext, input: ImportMeasurementsInput): MeasurementImportOutcome {
  const found = findCase(ctx.store, input.caseId, input.workspaceId);
  if (!found.ok) return found;
  const record = found.value;
  // Proposals are stored under the case's storage key (its id unless another workspace held that id first).
  const storeKey = record.key;
  const reading = readMeasurementCsv(input.csv);
  if (!reading.ok) return refuse(reading.problems);
  const resolved = resolveMeasurementRows(record.document, reading.measurements, reading.decimalComma, reading.metricColumns);
  const problems = [...reading.problems, ...resolved.problems];
  for (const row of resolved.rows) {
    for (const finding of checkPlausibility(record.document, row.operation)) {
      if (finding.kind === 'ask') problems.push({ line: row.line, column: row.input.label, reason: finding.message });
    }
  }
  if (problems.length > 0) return refuse(problems);
  const source = input.source?.trim();
  const operations = resolved.rows.map((r) => (source && r.operation.source === undefined ? { ...r.operation, source } : r.operation));
  const thread = input.thread ?? null;
  // Unlike a chat's proposal, the same file is not proposed twice even without a thread (the command line, an upload).
  const twin = pendingTwin(ctx, record, thread, operations);
  let proposal: ProposalRecord;
  if (twin) {
    proposal = twin;
  } else {
    const result = propose(ctx, { caseId: storeKey, operations, proposedBy: input.actor, channel: input.channel ?? null, thread });
    if (!result.ok) {
      // The rows were checked above; a refusal left is the engine's word on one operation: name its line.
      const row = result.error.index === undefined ? undefined : resolved.rows[result.error.index];
      if (row && result.error.code === 'refused')
        return refuse([{ line: row.line, reason: result.error.message.replace(/^operation \d+ \(\w+\) refused: /, '') }]);
      return result;
    }
    proposal = result.value;
  }
  return {
    ok: true,
    value: { ...proposalView(proposal, record), existing: twin !== null, measurements: operations.length, layout: reading.layout },
  };
}

/**
 * The business case a message that came with a file names (Slack: "here are October's numbers
 * for Delta Corp"): the one case of the workspace whose id, name or customer the text contains
 * (case aside); with none named, the workspace's only case. Otherwise `not_found` with the
 * cases to choose from, so the person can share the file again naming one.
 */
export function caseNamedIn(ctx: AppContext, workspaceId: string, text: string): Outcome<CaseRecord> {
  const cases = ctx.store.listCases(workspaceId);
  const said = text.toLowerCase();
  const named = cases.filter((c) => [c.id, c.name, c.customer].some((n) => n.trim() !== '' && said.includes(n.toLowerCase())));
  const show = (list: readonly { id: string; name: string }[]) => list.map((c) => `${c.name} (${c.id})`);
  if (named.length === 1) return findCase(ctx.store, named[0]!.id, workspaceId);
  if (named.length > 1)
    return failWith('not_found', 'the message names several business cases; which one are these measurements for?', { candidates: show(named) });
  if (cases.length === 1) return findCase(ctx.store, cases[0]!.id, workspaceId);
  if (cases.length === 0) return failWith('not_found', 'there are no business cases in this workspace yet');
  return failWith('not_found', 'which business case are these measurements for?', { candidates: show(cases) });
}

import type { ProposalRecord } from '../../db/store.ts';
import { parseOperation, type Operation } from '../engine/index.ts';
import { checkPlausibility } from './check-plausibility.ts';
import { dryRun } from './dry-run.ts';
import { ENGINE_CONTRACT } from './engine-contract.ts';
import { recordedValues } from './measurement-changes.ts';
import { monthOf, type ProposalContext } from './proposal-context.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { storedDocumentProblem } from './stored-document-problem.ts';

/** A request to change a business case. */
export interface ProposeInput {
  caseId: string;
  /** One or more operations, applied together (in order, all or nothing) if approved. */
  operations: readonly unknown[];
  /** Who asks (a person, or the agent acting for one). */
  proposedBy: string;
  /** Where it was asked: `slack`, `http`, `cli`... */
  channel?: string | null;
  /** The conversation thread it was asked in. */
  thread?: string | null;
}

/**
 * Proposes a change: validates the operations, dry-runs them through the engine against the
 * case's current document (as of the clock's month), and stores a pending proposal holding
 * the operations, the version they were previewed against, the preview and the outcome
 * (document and recorded values, used as is if the case is still at that version when
 * approved), and the plausibility warnings of the values it sets (`checkPlausibility`: a
 * percentage given as a whole number, a negative count, a value 10x away from the last
 * measurement or the baseline, a measurement for a month after the clock's month), which
 * every door shows with it. Nothing in the business case changes. A malformed or refused
 * operation is returned as an error (with its index) and nothing is stored; so is a case
 * whose stored document the engine no longer accepts (`invalid_document`, saying how to
 * repair it). Which cases a door may see (its workspace's) is the application layer's rule
 * (`src/app`), checked before this is called.
 */
export function propose(ctx: ProposalContext, input: ProposeInput): Outcome<ProposalRecord> {
  const proposedBy = input.proposedBy.trim();
  if (!proposedBy) return failWith('invalid_argument', 'a proposal needs the name of who proposes it');
  if (!Array.isArray(input.operations) || input.operations.length === 0) {
    return failWith('invalid_argument', 'a proposal needs at least one operation');
  }
  const operations: Operation[] = [];
  for (const [index, raw] of input.operations.entries()) {
    const parsed = parseOperation(raw);
    if (!parsed.ok) return failWith('invalid_operation', `operation ${index}: ${parsed.error.message}`, { index, path: parsed.error.path });
    operations.push(parsed.value);
  }
  const current = ctx.store.getCase(input.caseId);
  if (!current) return failWith('not_found', `no business case '${input.caseId}'`);
  const broken = storedDocumentProblem(current);
  if (broken) return { ok: false, error: broken };
  const now = ctx.now();
  const asOf = monthOf(now);
  const run = dryRun(current.document, operations, asOf);
  if (!run.ok) {
    const index = run.error.index ?? 0;
    return failWith('refused', `operation ${index} (${operations[index]!.op}) refused: ${run.error.message}`, { index, path: run.error.path });
  }
  // Plausibility, for every door: each value set is checked against the document it applies to.
  const warnings = run.value.steps.flatMap((s, i) => checkPlausibility(s.before, operations[i]!, i, asOf).map((f) => f.message));
  const proposal = ctx.store.insertProposal({
    caseId: current.key,
    operations,
    baseVersion: current.version,
    asOf,
    preview: run.value.steps.map((s) => s.preview),
    warnings,
    result: { engineContract: ENGINE_CONTRACT, document: run.value.document, measurements: run.value.steps.flatMap(recordedValues) },
    proposedBy,
    channel: input.channel ?? null,
    thread: input.thread ?? null,
    createdAt: now.toISOString(),
  });
  return succeed(proposal);
}

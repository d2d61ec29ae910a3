import type { CaseRecord, ProposalRecord } from '../../db/store.ts';
import { parseOperation } from '../engine/index.ts';
import { succeed, type Outcome } from '../errors/outcome.ts';
import { propose, type ProposeInput } from './propose.ts';
import { monthOf, type ProposalContext } from './proposal-context.ts';

/** A proposal `proposeOnce` stored, or the pending one it found; `existing` says which. */
export interface ProposedOnce {
  proposal: ProposalRecord;
  /** True when the same pending proposal was already in the thread and is returned instead of a twin. */
  existing: boolean;
}

/** JSON with object keys sorted: two operations are the same when their texts are. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The operations as the engine reads them (as `propose` stores them), or null when one does not parse. */
function normalized(operations: readonly unknown[]): string | null {
  const parsed: unknown[] = [];
  for (const raw of operations) {
    const p = parseOperation(raw);
    if (!p.ok) return null;
    parsed.push(p.value);
  }
  return canonical(parsed);
}

/**
 * `propose`, except that asking again in the same thread for what is already pending there
 * returns that proposal instead of storing a twin: same case, same thread, same operations
 * (as the engine reads them), previewed against the case's current version in the current
 * month (so its preview is still the one a new proposal would show). A model that repeats a
 * call, or a person who says the same thing twice, leaves one pending proposal. Without a
 * thread (the command line), every call proposes.
 */
export function proposeOnce(ctx: ProposalContext, input: ProposeInput): Outcome<ProposedOnce> {
  const thread = input.thread ?? null;
  const current = thread === null ? null : ctx.store.getCase(input.caseId);
  const same = current && Array.isArray(input.operations) ? pendingTwin(ctx, current, thread, input.operations) : null;
  if (same) return succeed({ proposal: same, existing: true });
  const r = propose(ctx, input);
  return r.ok ? succeed({ proposal: r.value, existing: false }) : r;
}

/**
 * The pending proposal on the case, in the same thread (or none), with the same operations (as
 * the engine reads them), against the case's current version in the current month: what asking
 * for exactly these operations again would duplicate. Null when there is none.
 */
export function pendingTwin(
  ctx: ProposalContext,
  record: Pick<CaseRecord, 'key' | 'version'>,
  thread: string | null,
  operations: readonly unknown[],
): ProposalRecord | null {
  const key = normalized(operations);
  if (key === null) return null;
  const asOf = monthOf(ctx.now());
  return (
    ctx.store
      .listProposals({ caseId: record.key, status: 'pending' })
      .find((p) => p.thread === thread && p.baseVersion === record.version && p.asOf === asOf && canonical(p.operations) === key) ?? null
  );
}

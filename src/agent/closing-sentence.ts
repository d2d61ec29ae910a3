/** What a turn did, as the closing sentence needs it. */
export interface TurnOutcome {
  /** Every tool result of the turn, in order. */
  results: ReadonlyArray<{ toolName: string; output: unknown }>;
  /** The tools the last step called (empty when it called none). */
  lastCalls: readonly string[];
  /** The turn ran out of steps while the model was still calling tools. */
  limitReached: boolean;
  /** The step limit, for the sentence. */
  maxSteps: number;
}

interface ProposalLike {
  proposalId: string;
  changes?: unknown;
}

const isProposal = (o: unknown): o is ProposalLike =>
  typeof o === 'object' && o !== null && typeof (o as ProposalLike).proposalId === 'string' && (o as { status?: unknown }).status === 'pending';

const errorOf = (o: unknown): string | null =>
  typeof o === 'object' && o !== null && typeof (o as { error?: unknown }).error === 'string' ? (o as { error: string }).error : null;

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

const trimEnd = (s: string): string => s.replace(/[.\s]+$/, '');

function describeProposal(p: ProposalLike): string {
  const changes = Array.isArray(p.changes) ? p.changes.map(String).filter((c) => c.trim()) : [];
  return changes.length ? `${p.proposalId} (${changes.map(trimEnd).join('; ')})` : p.proposalId;
}

/**
 * The answer of a turn whose model said nothing in its last step: what was done (the
 * proposals made, waiting for approval) and what was not (the tools' refusals, and the
 * step limit when the model was still calling tools), so a person never gets an empty
 * reply. Made from the tool results only; it states no figure of its own.
 */
export function closingSentence(t: TurnOutcome): string {
  const proposals = new Map<string, ProposalLike>();
  for (const r of t.results) if (isProposal(r.output)) proposals.set(r.output.proposalId, r.output);
  const errors = unique(t.results.map((r) => errorOf(r.output)).filter((e): e is string => e !== null));
  const looked = unique(t.results.filter((r) => !isProposal(r.output) && errorOf(r.output) === null).map((r) => r.toolName));

  const lines: string[] = [];
  if (t.limitReached) lines.push(`I stopped at the limit of ${t.maxSteps} steps before finishing.`);
  const list = [...proposals.values()];
  if (list.length === 1) lines.push(`Done: proposal ${describeProposal(list[0]!)} is waiting for a person's approval; nothing has changed yet.`);
  else if (list.length > 1)
    lines.push(`Done: proposals ${list.map(describeProposal).join(', ')} are waiting for a person's approval; nothing has changed yet.`);
  else if (looked.length > 0) lines.push(`Done: I looked things up (${looked.join(', ')}) but proposed nothing; nothing has changed.`);
  else lines.push('Nothing was proposed and nothing has changed.');
  const notDone: string[] = errors.map(trimEnd);
  if (t.limitReached && t.lastCalls.length > 0) notDone.push(`the last step was still calling ${unique(t.lastCalls).join(', ')}`);
  if (notDone.length > 0) lines.push(`Not done: ${notDone.join('; ')}.`);
  if (t.limitReached || (list.length === 0 && errors.length > 0)) lines.push('Tell me what to do next, or ask again with the details.');
  return lines.join(' ');
}

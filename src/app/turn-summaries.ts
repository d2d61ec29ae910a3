import type { CaseRecord } from '../../db/store.ts';
import { summarize, type Summary } from '../engine/index.ts';
import { resolveCase } from '../resolve/resolve-case.ts';
import type { AgentToolResult } from '../agent/run-agent.ts';
import type { AppContext } from './app-context.ts';

/** A value summary the agent looked up in a turn, recomputed for a door to draw. */
export interface TurnSummary {
  record: CaseRecord;
  summary: Summary;
}

/** At most this many summaries of one turn are returned (the Slack door charts each). */
export const MAX_SUMMARIES_PER_TURN = 2;

/**
 * The value summaries the agent looked up in a turn (its successful `valueSummary` results):
 * distinct by case, scenario and month, the latest `max`, each recomputed by the engine with
 * the case's record, for a door that draws them. Read from the turn's typed tool results, not
 * from the stored thread. A case or summary that is no longer there is left out.
 */
export function turnSummaries(
  ctx: AppContext,
  workspaceId: string,
  toolResults: readonly AgentToolResult[],
  max: number = MAX_SUMMARIES_PER_TURN,
): TurnSummary[] {
  const lookups = new Map<string, { businessCase: string; scenario: string; asOf: string }>();
  for (const r of toolResults) {
    if (r.toolName !== 'valueSummary' || 'error' in r.output) continue;
    const { businessCase, scenario, asOf } = r.output;
    const key = `${businessCase}\u0000${scenario}\u0000${asOf}`;
    lookups.delete(key);
    lookups.set(key, { businessCase, scenario, asOf });
  }
  return [...lookups.values()].slice(-max).flatMap((l) => {
    const found = resolveCase(ctx.store, workspaceId, l.businessCase);
    if (!found.ok) return [];
    const summary = summarize(found.value.document, { asOf: l.asOf, scenario: l.scenario });
    return summary.ok ? [{ record: found.value, summary: summary.value }] : [];
  });
}

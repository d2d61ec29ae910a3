import type { AgentToolResult } from '../agent/run-agent.ts';
import type { AppContext } from './app-context.ts';
import { findCase } from './find-case.ts';
import type { QbrDraftView } from './qbr-draft.ts';

/**
 * The QBR drafts a turn drafted or fetched, as saved: the `draftQbr` tool returns a draft by
 * reference (id, version, excerpt) so the model never re-types its checked numbers, and the
 * door shows the saved draft itself from here. Read from the turn's typed tool results, each
 * draft once, in order; a draft or case the door's workspace cannot see is left out.
 */
export function turnQbrDrafts(ctx: AppContext, workspaceId: string, toolResults: readonly AgentToolResult[]): QbrDraftView[] {
  const seen = new Set<number>();
  const views: QbrDraftView[] = [];
  for (const r of toolResults) {
    if (r.toolName !== 'draftQbr' || 'error' in r.output || seen.has(r.output.draftId)) continue;
    const ref = r.output;
    seen.add(ref.draftId);
    const found = findCase(ctx.store, ref.caseId, workspaceId);
    if (!found.ok) continue;
    const draft = ctx.store.getQbrDraft({ caseId: ref.caseId, quarter: ref.quarter, audience: ref.audience, version: ref.version });
    if (!draft || draft.id !== ref.draftId) continue;
    views.push({ record: found.value, outcome: { draft, created: ref.created, stale: ref.stale, missingSections: [], attempts: 0 } });
  }
  return views;
}

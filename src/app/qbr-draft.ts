import type { LanguageModel } from 'ai';
import type { CaseRecord } from '../../db/store.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { monthOf } from '../proposals/proposal-context.ts';
import { factsForQuarter, getOrDraftQbr, type QbrDraftOutcome } from '../qbr/get-or-draft-qbr.ts';
import type { QbrAudience } from '../qbr/qbr-audience.ts';
import type { AppContext } from './app-context.ts';
import { findCase } from './find-case.ts';

export type { QbrDraftOutcome };

/** Which QBR draft a door asks for. */
export interface QbrDraftInput {
  caseId: string;
  /** The door's workspace; a case outside it is not found. Omitted: any workspace. */
  workspaceId?: string;
  /** `YYYY-Qn` (the door has parsed what the person said). */
  quarter: string;
  audience: QbrAudience;
  /** A saved version to show instead of the latest (never drafts). */
  version?: number;
  /** The month the figures are as of; default the clock's. */
  asOf?: string;
  /** Draft and save a new version even when one is saved. */
  fresh?: boolean;
  /** The writer, chosen at the composition root: a language model, or null for the offline template. */
  model: LanguageModel | null;
  /** Who asks; recorded on a new draft. */
  requestedBy: string;
  abortSignal?: AbortSignal;
}

/** The draft a door shows, and the case it is about. */
export interface QbrDraftView {
  record: CaseRecord;
  outcome: QbrDraftOutcome;
}

/**
 * The QBR draft every door serves: a saved version when one is asked for (with whether the
 * figures moved on since), else the latest saved one or a new one drafted, checked and saved
 * (`getOrDraftQbr`). Failures say the same at every door once the case is found: a quarter
 * with no realized month is `invalid_argument` naming `quarter`; a case the engine cannot
 * report on (no realization scenario yet) is `refused`, not `not_found`, since the case exists;
 * a missing saved version is `not_found` naming `version`.
 */
export async function qbrDraft(ctx: AppContext, input: QbrDraftInput): Promise<Outcome<QbrDraftView>> {
  const found = findCase(ctx.store, input.caseId, input.workspaceId);
  if (!found.ok) return found;
  const record = found.value;
  const asOf = input.asOf ?? monthOf(ctx.now());
  if (input.version !== undefined) {
    const saved = ctx.store.getQbrDraft({ caseId: record.key, quarter: input.quarter, audience: input.audience, version: input.version });
    if (!saved) return failWith('not_found', `no QBR draft v${input.version} for '${record.id}', ${input.quarter}, ${input.audience}`, { field: 'version' });
    const now = factsForQuarter(record.document, input.quarter, asOf);
    const stale = !now.ok || JSON.stringify(now.value) !== JSON.stringify(saved.facts);
    return succeed({ record, outcome: { draft: saved, created: false, stale, missingSections: [], attempts: 0 } });
  }
  const r = await getOrDraftQbr(ctx, {
    caseId: record.key,
    quarter: input.quarter,
    audience: input.audience,
    asOf,
    fresh: input.fresh === true,
    model: input.model,
    requestedBy: input.requestedBy,
    ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}),
  });
  if (r.ok) return succeed({ record, outcome: r.value });
  if (r.error.code === 'invalid_argument') return failWith('invalid_argument', r.error.message, { field: 'quarter' });
  if (r.error.code === 'not_found') return failWith('refused', r.error.message);
  return r;
}

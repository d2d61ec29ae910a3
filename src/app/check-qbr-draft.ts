import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { monthOf } from '../proposals/proposal-context.ts';
import { factsForQuarter } from '../qbr/get-or-draft-qbr.ts';
import { checkClaims, type ClaimProblem } from '../qbr/grounding/check-claims.ts';
import type { AppContext } from './app-context.ts';
import { findCase } from './find-case.ts';

export type { ClaimProblem };

/** Which draft text to check, against which case and quarter. */
export interface CheckQbrDraftInput {
  caseId: string;
  /** The door's workspace; a case outside it is not found. Omitted: any workspace. */
  workspaceId?: string;
  /** `YYYY-Qn` (the door has parsed what the person said). */
  quarter: string;
  /** The month the figures are as of; default the clock's (a past quarter is reported to its end). */
  asOf?: string;
  /** The draft as Markdown (e.g. a draft edited by hand). */
  markdown: string;
}

/** The problems found (none: the draft states only what the facts hold, each where its sentence claims it). */
export interface QbrDraftCheck {
  caseId: string;
  quarter: string;
  asOf: string;
  problems: ClaimProblem[];
}

/**
 * Checks a QBR draft's text (a saved draft edited by hand, or any Markdown) against the
 * engine's facts for the case's quarter with the independent claim check
 * (`src/qbr/grounding/check-claims.ts`): every figure, date, percentage and status word must
 * be the fact its sentence claims. Failures say the same at every door: an unknown case is
 * `not_found`; a quarter with no realized month, or a case the engine cannot report on (no
 * realization scenario yet), is `invalid_argument` naming `quarter`, since nothing can be
 * checked; an empty draft is `invalid_argument` naming `markdown`.
 */
export function checkQbrDraft(ctx: AppContext, input: CheckQbrDraftInput): Outcome<QbrDraftCheck> {
  if (input.markdown.trim() === '') return failWith('invalid_argument', 'the draft is empty: nothing to check', { field: 'markdown' });
  const found = findCase(ctx.store, input.caseId, input.workspaceId);
  if (!found.ok) return found;
  const record = found.value;
  const asOf = input.asOf ?? monthOf(ctx.now());
  const facts = factsForQuarter(record.document, input.quarter, asOf);
  if (!facts.ok) {
    const { code, message } = facts.error;
    return failWith(code === 'invalid_document' ? code : 'invalid_argument', message, { field: 'quarter' });
  }
  return succeed({ caseId: record.id, quarter: input.quarter, asOf: facts.value.asOf, problems: checkClaims(input.markdown, facts.value) });
}

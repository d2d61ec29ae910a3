import type { LanguageModel } from 'ai';
import type { QbrDraftRecord, Store } from '../../db/store.ts';
import { isMonth, qbrFacts, QUARTER_PATTERN } from '../engine/index.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { monthOf } from '../proposals/proposal-context.ts';
import { draftGroundedQbr } from './draft-grounded-qbr.ts';
import { monthName, quarterName } from './format-qbr-figures.ts';
import { isQbrAudience, type QbrAudience } from './qbr-audience.ts';
import { withStory, type QbrDraftFacts } from './qbr-story.ts';

/** Where drafts are read and saved: the store and the clock (a `ProposalContext` will do). */
export interface QbrContext {
  store: Store;
  now: () => Date;
}

/** Which draft: case, quarter, audience; whether to redraft; who asks; what writes. */
export interface GetOrDraftQbrInput {
  /** The case (which cases a door may see is the application layer's rule, checked before). */
  caseId: string;
  /** `YYYY-Qn`. */
  quarter: string;
  audience: QbrAudience;
  /** The month the facts are as of; default the clock's month (a past quarter is reported to its end). */
  asOf?: string;
  /** Write and save a new version even when one exists. */
  fresh?: boolean;
  /** The writer: a language model, or null for the offline template. */
  model: LanguageModel | null;
  /** Who asked; recorded on a new draft and named as its author ("Prepared by"). */
  requestedBy: string;
  abortSignal?: AbortSignal;
}

/** The draft a door shows. */
export interface QbrDraftOutcome {
  draft: QbrDraftRecord;
  /** True when this call wrote and saved it. */
  created: boolean;
  /**
   * True when the saved draft's facts differ from what the engine computes now (the case
   * changed, or the as-of month moved): redraft to bring it up to date.
   */
  stale: boolean;
  /** Sections of the template a newly written draft lacks (empty for a saved one). */
  missingSections: string[];
  /** Drafts written by this call (0 for a saved one; 2 when the first was regenerated). */
  attempts: number;
}

/**
 * The engine's facts for a case's quarter with the story beside them (`qbr-story.ts`: targets,
 * investment schedule, metric history, milestones to the contract's end), or why there are
 * none (an expected failure).
 */
export function factsForQuarter(doc: Parameters<typeof qbrFacts>[0], quarter: string, asOf: string): Outcome<QbrDraftFacts> {
  if (!QUARTER_PATTERN.test(quarter)) return failWith('invalid_argument', `quarter '${quarter}' is not YYYY-Qn (e.g. 2026-Q1)`);
  if (!isMonth(asOf)) return failWith('invalid_argument', `as-of '${asOf}' is not a month YYYY-MM`);
  const r = qbrFacts(doc, { quarter, asOf });
  if (!r.ok) {
    // A stored document the engine no longer accepts (e.g. a formula beyond the limits) stays invalid_document.
    const { code } = r.error;
    return failWith(code === 'not_found' || code === 'invalid_argument' || code === 'invalid_document' ? code : 'refused', r.error.message);
  }
  const f = r.value;
  if (f.quarter.months.length === 0) {
    return failWith(
      'invalid_argument',
      `no month of ${quarterName(quarter)} is realized: '${f.scenario.name}' runs ${monthName(f.scenario.start)} to ${monthName(f.scenario.end)} and the figures are as of ${monthName(f.asOf)}`,
    );
  }
  return succeed(withStory(doc, f));
}

/**
 * The QBR draft for a case, quarter and audience, as every door serves it: the latest saved
 * version, or (none yet, or `fresh`) a new one drafted from the engine's facts, checked
 * by rendering (`draftGroundedQbr`: every figure by reference) and saved as the next version;
 * a model's draft refused twice is an error and nothing is saved. Saving a draft changes no
 * business data, so no approval is involved. The model call happens outside any transaction.
 */
export async function getOrDraftQbr(ctx: QbrContext, input: GetOrDraftQbrInput): Promise<Outcome<QbrDraftOutcome>> {
  if (!isQbrAudience(input.audience))
    return failWith('invalid_argument', `audience '${String(input.audience)}' is not one of executive-sponsor, finance, champion`);
  const record = ctx.store.getCase(input.caseId);
  if (!record) return failWith('not_found', `no business case '${input.caseId}'`);
  const facts = factsForQuarter(record.document, input.quarter, input.asOf ?? monthOf(ctx.now()));
  if (!facts.ok) return facts;
  const key = { caseId: record.key, quarter: input.quarter, audience: input.audience };
  if (!input.fresh) {
    const saved = ctx.store.getQbrDraft(key);
    if (saved)
      return succeed({ draft: saved, created: false, stale: JSON.stringify(saved.facts) !== JSON.stringify(facts.value), missingSections: [], attempts: 0 });
  }
  const drafted = await draftGroundedQbr({
    model: input.model,
    facts: facts.value,
    audience: input.audience,
    meta: { reportDate: ctx.now().toISOString().slice(0, 10), preparedBy: input.requestedBy },
    ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}),
  });
  // A model's draft that broke the rules twice is refused: nothing is saved.
  if (!drafted.ok) return drafted;
  const written = drafted.value;
  const draft = ctx.store.insertQbrDraft({
    ...key,
    caseVersion: record.version,
    asOf: facts.value.asOf,
    markdown: written.markdown,
    facts: facts.value,
    grounded: written.grounded,
    unverified: written.unverified,
    writer: written.writer,
    createdBy: input.requestedBy,
    createdAt: ctx.now().toISOString(),
  });
  return succeed({ draft, created: true, stale: false, missingSections: written.missingSections, attempts: written.attempts });
}

import type { LanguageModel } from 'ai';
import type { QbrFacts } from '../engine/index.ts';
import { checkGrounding, markUnverified, mentionContext, type GroundingReport } from './check-grounding.ts';
import { draftQbr } from './draft-qbr.ts';
import type { QbrAudience } from './qbr-audience.ts';
import { missingSections, type QbrSection } from './qbr-sections.ts';

/** A checked QBR draft. */
export interface GroundedQbr {
  /** The draft; numbers that matched no fact are marked `⚠ 12,345 (unverified)`. */
  markdown: string;
  /** True when every number matched a fact. */
  grounded: boolean;
  /** The numbers, as written, that matched no fact. */
  unverified: string[];
  /** Sections of the template the draft lacks. */
  missingSections: QbrSection[];
  /** How many drafts were written: 1, or 2 when the first had a problem and a model could retry. */
  attempts: number;
  /** `template` or the model's id. */
  writer: string;
}

/** The problem with a draft in words the writer can act on; null when there is none. */
export function describeDraftProblem(markdown: string, report: GroundingReport, missing: readonly string[]): string | null {
  const lines: string[] = [];
  if (report.unverified.length > 0) {
    lines.push('These numbers match no fact or figure you may quote:');
    for (const m of report.unverified) lines.push(`- ${m.text} in "${mentionContext(markdown, m)}"`);
  }
  if (missing.length > 0) {
    lines.push('These sections are missing:');
    for (const s of missing) lines.push(`- ${s}`);
  }
  return lines.length ? lines.join('\n') : null;
}

/**
 * Drafts a QBR and checks it: every number must match a fact (`checkGrounding`) and every
 * section must be there. When the draft has a problem and a model wrote it, it is written
 * once more with the problem named (the unmatched numbers with their sentences, the missing
 * sections); if the second draft still has unmatched numbers, it is returned with them
 * marked and `grounded: false`. The offline writer is deterministic, so it is not retried.
 */
export async function draftGroundedQbr(input: {
  model: LanguageModel | null;
  facts: QbrFacts;
  audience: QbrAudience;
  abortSignal?: AbortSignal;
}): Promise<GroundedQbr> {
  const base = { model: input.model, facts: input.facts, audience: input.audience, ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}) };
  let draft = await draftQbr(base);
  let report = checkGrounding(draft.markdown, input.facts);
  let missing = missingSections(draft.markdown);
  let attempts = 1;
  const problem = describeDraftProblem(draft.markdown, report, missing);
  if (problem !== null && input.model !== null) {
    draft = await draftQbr({ ...base, previousProblem: problem });
    report = checkGrounding(draft.markdown, input.facts);
    missing = missingSections(draft.markdown);
    attempts = 2;
  }
  return {
    markdown: report.grounded ? draft.markdown : markUnverified(draft.markdown, report.unverified),
    grounded: report.grounded,
    unverified: report.unverified.map((m) => m.text),
    missingSections: missing,
    attempts,
    writer: draft.writer,
  };
}

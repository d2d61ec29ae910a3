import type { LanguageModel } from 'ai';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { draftQbr } from './draft-qbr.ts';
import { checkClaims, type ClaimProblem } from './grounding/check-claims.ts';
import type { QbrAudience } from './qbr-audience.ts';
import type { QbrMeta } from './qbr-references.ts';
import { missingSections, type QbrSection } from './qbr-sections.ts';
import type { QbrDraftFacts } from './qbr-story.ts';
import { describeTemplateProblems, renderQbrTemplate, type TemplateProblem } from './render-qbr-template.ts';

/** A QBR draft that passed: every figure written by reference, every section there. */
export interface GroundedQbr {
  /** The rendered draft. */
  markdown: string;
  /** The draft as written, with its references. */
  template: string;
  /**
   * True when the independent read-back check (`checkClaims`) found nothing. A model's draft
   * with a problem is never returned; the offline template's can only be a disagreement between
   * the template and the check, shown rather than hidden.
   */
  grounded: boolean;
  /** The read-back check's problems with the offline template's draft (`line:column text: why`); empty otherwise. */
  unverified: string[];
  /** Always empty for a returned draft (a draft missing sections is refused). */
  missingSections: QbrSection[];
  /** 1, or 2 when a model's first draft had a problem and was written again. */
  attempts: number;
  /** `template` or the model's id. */
  writer: string;
}

/** How many problems a message lists (a draft written without references has hundreds). */
const MAX_LISTED = 25;

/** The problems of one attempt in words the writer can act on; null when there is none. */
export function describeDraftProblem(problems: readonly TemplateProblem[], missing: readonly string[], claims: readonly ClaimProblem[] = []): string | null {
  const lines: string[] = [];
  if (problems.length) {
    lines.push('Every figure, month and status word must be a reference from the list. These are not:');
    const shown = problems.slice(0, MAX_LISTED);
    lines.push(describeTemplateProblems(shown));
    if (problems.length > shown.length) lines.push(`- and ${problems.length - shown.length} more of the same kinds`);
  }
  if (missing.length) {
    lines.push('These sections are missing:');
    for (const s of missing) lines.push(`- ${s}`);
  }
  if (claims.length) {
    lines.push('Read back, these figures do not say what their sentence claims:');
    for (const c of claims.slice(0, MAX_LISTED)) lines.push(`- ${describeClaimProblem(c)}`);
  }
  return lines.length ? lines.join('\n') : null;
}

/** One read-back problem on a line: where, what is written, what it claims, why it is wrong. */
export function describeClaimProblem(c: ClaimProblem): string {
  return `${c.line}:${c.column} "${c.text}" (claims ${c.claims}): ${c.problem}`;
}

/**
 * Drafts a QBR and renders it: the writer writes references, the renderer substitutes the
 * engine's values and refuses a free-typed figure, month or status word, an unknown or empty
 * reference, a figure next to words that claim something else, or a missing section. A model
 * whose draft has a problem writes it once more with the problems named (line and column);
 * if the second draft still has one, nothing is returned but a `refused` error naming the
 * problems, so nothing is saved. The offline writer is deterministic: a problem in its draft is
 * a bug, thrown.
 *
 * Then the second, independent check (`checkClaims`) reads the rendered text back without the
 * references, tracing every figure, month and status word to the fact its sentence claims. A
 * model's draft it faults is sent back like any other problem, and refused the second time.
 * The offline template's draft is saved with the problems as `unverified` (grounded false), so
 * a disagreement between the template and the check is shown to the person, not thrown.
 */
export async function draftGroundedQbr(input: {
  model: LanguageModel | null;
  facts: QbrDraftFacts;
  audience: QbrAudience;
  meta?: QbrMeta;
  abortSignal?: AbortSignal;
}): Promise<Outcome<GroundedQbr>> {
  const base = {
    model: input.model,
    facts: input.facts,
    audience: input.audience,
    ...(input.meta ? { meta: input.meta } : {}),
    ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}),
  };
  let attempts = 0;
  let previousProblem: string | undefined;
  for (;;) {
    attempts++;
    const draft = await draftQbr({ ...base, ...(previousProblem ? { previousProblem } : {}) });
    const rendered = renderQbrTemplate(draft.template, input.facts, input.meta);
    const missing = missingSections(rendered.markdown);
    const rulesBroken = describeDraftProblem(rendered.problems, missing);
    if (rulesBroken !== null && input.model === null) throw new Error(`the offline QBR writer broke its own rules:\n${rulesBroken}`);
    const claims = rulesBroken === null ? checkClaims(rendered.markdown, input.facts) : [];
    if (rulesBroken === null && (claims.length === 0 || input.model === null)) {
      return succeed({
        markdown: rendered.markdown,
        template: draft.template,
        grounded: claims.length === 0,
        unverified: claims.map(describeClaimProblem),
        missingSections: [],
        attempts,
        writer: draft.writer,
      });
    }
    const problem = rulesBroken ?? describeDraftProblem([], [], claims)!;
    if (attempts >= 2)
      return failWith(
        'refused',
        `the QBR writer (${draft.writer}) wrote a draft that breaks the rules twice, so nothing was saved:\n${problem}\nTry again, or draft offline with VE_PROVIDER=offline.`,
      );
    previousProblem = problem;
  }
}

import type { LanguageModel } from 'ai';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { draftQbr } from './draft-qbr.ts';
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
  /** True: a draft with a problem is never returned (kept for the record's column). */
  grounded: boolean;
  /** Empty: every figure is rendered from a reference (the column is kept for drafts saved before). */
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
export function describeDraftProblem(problems: readonly TemplateProblem[], missing: readonly string[]): string | null {
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
  return lines.length ? lines.join('\n') : null;
}

/**
 * Drafts a QBR and renders it: the writer writes references, the renderer substitutes the
 * engine's values and refuses a free-typed figure, month or status word, an unknown or empty
 * reference, a figure next to words that claim something else, or a missing section. A model
 * whose draft has a problem writes it once more with the problems named (line and column);
 * if the second draft still has one, nothing is returned but a `refused` error naming the
 * problems, so nothing is saved. The offline writer is deterministic: a problem in its draft is
 * a bug, thrown. (The independent read-back check of a rendered or hand-edited draft is
 * `checkGrounding`, run by `ve qbr check` and the evals, not here.)
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
    const problem = describeDraftProblem(rendered.problems, missing);
    if (problem === null) {
      return succeed({
        markdown: rendered.markdown,
        template: draft.template,
        grounded: true,
        unverified: [],
        missingSections: [],
        attempts,
        writer: draft.writer,
      });
    }
    if (input.model === null) throw new Error(`the offline QBR writer broke its own rules:\n${problem}`);
    if (attempts >= 2)
      return failWith(
        'refused',
        `the QBR writer (${draft.writer}) wrote a draft that breaks the rules twice, so nothing was saved:\n${problem}\nTry again, or draft offline with VE_PROVIDER=offline.`,
      );
    previousProblem = problem;
  }
}

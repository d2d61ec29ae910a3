import { generateText, type LanguageModel } from 'ai';
import { loadPrompt } from '../prompts/load-prompt.ts';
import type { QbrAudience } from './qbr-audience.ts';
import type { QbrMeta } from './qbr-references.ts';
import { qbrRequest } from './qbr-request.ts';
import type { QbrDraftFacts } from './qbr-story.ts';
import { writeOfflineQbrTemplate } from './write-offline-qbr.ts';

/** What `draftQbr` needs: the writer (a language model, or null for the offline template), the facts, the audience. */
export interface DraftQbrInput {
  /** The language model to write with; null for the deterministic offline writer. */
  model: LanguageModel | null;
  facts: QbrDraftFacts;
  audience: QbrAudience;
  meta?: QbrMeta;
  /** What was wrong with the previous attempt (the problems named with line and column), for a retry. */
  previousProblem?: string;
  /** Cancels the model call. */
  abortSignal?: AbortSignal;
}

/** One draft, written with references (`{{roiToDate}}`), and what wrote it. */
export interface QbrDraftText {
  template: string;
  /** `template` for the offline writer, else the model's id. */
  writer: string;
}

/** The name the offline writer is recorded under. */
export const TEMPLATE_WRITER = 'template';

/** The model's id, for the record of who wrote a draft. */
export function writerName(model: LanguageModel | null): string {
  if (model === null) return TEMPLATE_WRITER;
  return typeof model === 'string' ? model : `${model.provider}:${model.modelId}`;
}

/** Removes a code fence wrapped around the whole answer (some models add one despite the prompt). */
function unfence(text: string): string {
  const t = text.trim();
  const m = /^```(?:markdown|md)?\s*\n([\s\S]*?)\n```$/i.exec(t);
  return (m ? m[1]! : t).trim();
}

/**
 * Writes one QBR for an audience, with references instead of figures. With a language model,
 * one `generateText` call with `prompts/qbr.md` as system prompt and the reference list (and,
 * on a retry, the previous draft's problems) as the request. Without one (offline), the
 * deterministic template writer. No rendering or checking here: `draftGroundedQbr` does that.
 */
export async function draftQbr(input: DraftQbrInput): Promise<QbrDraftText> {
  if (input.model === null) return { template: writeOfflineQbrTemplate(input.facts, input.audience), writer: TEMPLATE_WRITER };
  const result = await generateText({
    model: input.model,
    system: loadPrompt('qbr'),
    prompt: qbrRequest({ facts: input.facts, audience: input.audience, ...(input.meta ? { meta: input.meta } : {}), previousProblem: input.previousProblem }),
    ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}),
  });
  return { template: `${unfence(result.text)}\n`, writer: writerName(input.model) };
}

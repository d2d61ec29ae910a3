import { generateText, type LanguageModel } from 'ai';
import { loadPrompt } from '../prompts/load-prompt.ts';
import type { QbrFacts } from '../engine/index.ts';
import type { QbrAudience } from './qbr-audience.ts';
import { qbrRequest } from './qbr-request.ts';
import { writeOfflineQbr } from './write-offline-qbr.ts';

/** What `draftQbr` needs: the writer (a language model, or null for the offline template), the facts, the audience. */
export interface DraftQbrInput {
  /** The language model to write with; null for the deterministic offline writer. */
  model: LanguageModel | null;
  facts: QbrFacts;
  audience: QbrAudience;
  /** What was wrong with the previous attempt (unmatched numbers, missing sections), for a retry. */
  previousProblem?: string;
  /** Cancels the model call. */
  abortSignal?: AbortSignal;
}

/** One draft and what wrote it. */
export interface QbrDraftText {
  markdown: string;
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
 * Writes one QBR narrative for an audience from the engine's facts. With a language model,
 * one `generateText` call with the template in `prompts/qbr.md` as system prompt and the facts
 * (and, on a retry, the previous draft's problem) as the request. Without one (offline), the
 * deterministic template writer, which ignores `previousProblem` (it would write the same).
 * No grounding check here: `draftGroundedQbr` does that.
 */
export async function draftQbr(input: DraftQbrInput): Promise<QbrDraftText> {
  if (input.model === null) return { markdown: writeOfflineQbr(input.facts, input.audience), writer: TEMPLATE_WRITER };
  const result = await generateText({
    model: input.model,
    system: loadPrompt('qbr'),
    prompt: qbrRequest({ facts: input.facts, audience: input.audience, previousProblem: input.previousProblem }),
    ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}),
  });
  return { markdown: `${unfence(result.text)}\n`, writer: writerName(input.model) };
}

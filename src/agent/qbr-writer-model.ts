import type { LanguageModel } from 'ai';
import { selectModel, type SelectedModel } from './select-model.ts';

/**
 * The model QBR drafts are written with, given the process's selected model (chosen at the
 * composition root, `ve serve` and `ve chat`, and passed down; `src/qbr` never selects one): the language
 * model itself, or null for the offline provider (the deterministic template writer writes
 * QBRs better than a scripted chat model could).
 */
export function qbrWriterModel(selected: Pick<SelectedModel, 'model' | 'provider'>): LanguageModel | null {
  return selected.provider === 'offline' ? null : selected.model;
}

/**
 * The QBR writer configured by the environment, the same rule as `selectModel`: a language
 * model when `OPENAI_BASE_URL` or `OPENAI_API_KEY` is set (and `VE_PROVIDER` is not
 * `offline`), else null (the offline template). Checked before calling `selectModel` so the
 * offline case never builds the offline chat model it would not use.
 */
export function configuredQbrModel(env: NodeJS.ProcessEnv = process.env): LanguageModel | null {
  const offline = env.VE_PROVIDER?.trim().toLowerCase() === 'offline' || (!env.OPENAI_API_KEY?.trim() && !env.OPENAI_BASE_URL?.trim());
  return offline ? null : qbrWriterModel(selectModel(env));
}

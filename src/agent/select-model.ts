import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { createOfflineModel } from './offline-model/offline-model.ts';

/** OpenAI model used when `OPENAI_API_KEY` is set and `VE_MODEL` is not. */
export const DEFAULT_OPENAI_MODEL = 'gpt-5-mini';
/** Model name sent to an OpenAI-compatible server when `VE_MODEL` is not set. */
export const DEFAULT_COMPATIBLE_MODEL = 'llama3.1';

/** The model a process talks to, and how to describe it (never including a secret). */
export interface SelectedModel {
  model: LanguageModel;
  provider: 'openai' | 'openai-compatible' | 'offline';
  modelId: string;
  /** One line for the start-up banner, e.g. "openai-compatible llama3.1 at http://127.0.0.1:11434/v1". */
  description: string;
  /** What the person starting it should know about this model's setup (an Ollama server's context length); absent or null: nothing. */
  notice?: string | null;
}

/** Context length (tokens) a local model needs: the prompt and tool schemas (~3,000), a conversation's history and the answer. */
export const RECOMMENDED_CONTEXT_TOKENS = 16_384;

/**
 * The start-up notice for an Ollama server (its port 11434, or "ollama" in the host name):
 * Ollama's default context of 4,096 tokens is cut to fit, and the system prompt plus the tool
 * schemas already take about 3,000 (`docs/agent.md`), so a conversation would lose its start.
 */
export function ollamaNotice(baseURL: string): string | null {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return null;
  }
  if (url.port !== '11434' && !/ollama/i.test(url.hostname)) return null;
  return `Ollama's default context of 4,096 tokens is too small: the prompt and tool schemas take about 3,000 before the conversation. Start Ollama with OLLAMA_CONTEXT_LENGTH=${RECOMMENDED_CONTEXT_TOKENS} (or set num_ctx ${RECOMMENDED_CONTEXT_TOKENS} in the model's Modelfile); see docs/agent.md.`;
}

/**
 * Chooses the model from the environment:
 * - `OPENAI_BASE_URL` set: any OpenAI-compatible server (Ollama, vLLM, LM Studio) through
 *   `@ai-sdk/openai-compatible`, `OPENAI_API_KEY` optional, model `VE_MODEL`;
 *   with `VE_PROVIDER=openai`, the OpenAI provider itself against that URL (a proxy/gateway);
 * - else `OPENAI_API_KEY` set: OpenAI through `@ai-sdk/openai` (chat completions), `VE_MODEL`;
 * - else (or `VE_PROVIDER=offline`): the built-in deterministic offline model.
 */
export function selectModel(env: NodeJS.ProcessEnv = process.env, fetchImpl?: typeof fetch): SelectedModel {
  const key = env.OPENAI_API_KEY?.trim() || undefined;
  const baseURL = env.OPENAI_BASE_URL?.trim().replace(/\/+$/, '') || undefined;
  const forced = env.VE_PROVIDER?.trim().toLowerCase();
  const fetchOption = fetchImpl ? { fetch: fetchImpl } : {};
  if (forced === 'offline' || (!key && !baseURL)) {
    const model = createOfflineModel();
    return { model, provider: 'offline', modelId: model.modelId, description: 'the built-in offline model (no language model configured)', notice: null };
  }
  if (baseURL && forced !== 'openai') {
    const modelId = env.VE_MODEL?.trim() || DEFAULT_COMPATIBLE_MODEL;
    const provider = createOpenAICompatible({ name: 'openai-compatible', baseURL, ...(key ? { apiKey: key } : {}), ...fetchOption });
    return {
      model: provider.chatModel(modelId),
      provider: 'openai-compatible',
      modelId,
      description: `OpenAI-compatible model ${modelId} at ${baseURL}`,
      notice: ollamaNotice(baseURL),
    };
  }
  const modelId = env.VE_MODEL?.trim() || DEFAULT_OPENAI_MODEL;
  const provider = createOpenAI({ ...(key ? { apiKey: key } : { apiKey: 'not-needed' }), ...(baseURL ? { baseURL } : {}), ...fetchOption });
  return {
    model: provider.chat(modelId),
    provider: 'openai',
    modelId,
    description: `OpenAI model ${modelId}${baseURL ? ` at ${baseURL}` : ''}`,
    notice: baseURL ? ollamaNotice(baseURL) : null,
  };
}

import { describe, expect, it } from 'vitest';
import { ollamaNotice, RECOMMENDED_CONTEXT_TOKENS, selectModel } from '../../src/agent/select-model.ts';

describe('the start-up notice for an Ollama server', () => {
  it('is given for Ollama\'s port or an "ollama" host, naming OLLAMA_CONTEXT_LENGTH and num_ctx', () => {
    for (const url of ['http://127.0.0.1:11434/v1', 'http://localhost:11434/v1', 'https://ollama.internal.example/v1']) {
      const notice = ollamaNotice(url)!;
      expect(notice).toContain("Ollama's default context of 4,096 tokens is too small");
      expect(notice).toContain(`OLLAMA_CONTEXT_LENGTH=${RECOMMENDED_CONTEXT_TOKENS}`);
      expect(notice).toContain(`num_ctx ${RECOMMENDED_CONTEXT_TOKENS}`);
    }
    expect(RECOMMENDED_CONTEXT_TOKENS).toBe(16384);
  });

  it('is not given for other servers, OpenAI or the offline model', () => {
    expect(ollamaNotice('http://127.0.0.1:8000/v1')).toBeNull(); // vLLM's default port
    expect(ollamaNotice('not a url')).toBeNull();
    expect(selectModel({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }).notice).toBeNull();
    expect(selectModel({ OPENAI_API_KEY: 'sk-test' }).notice).toBeNull();
    expect(selectModel({}).notice).toBeNull();
  });

  it('comes with the model selectModel picks for an Ollama base URL, whichever provider talks to it', () => {
    expect(selectModel({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', VE_MODEL: 'llama3.1' }).notice).toBe(ollamaNotice('http://127.0.0.1:11434/v1'));
    expect(selectModel({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_API_KEY: 'x', VE_PROVIDER: 'openai' }).notice).toBe(
      ollamaNotice('http://127.0.0.1:11434/v1'),
    );
  });
});

import { readFileSync } from 'node:fs';
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { parseDocument, qbrFacts, type BusinessCase, type QbrFacts, type QbrOptions } from '../../src/engine/index.ts';
import { withStory, writeOfflineQbr, writeOfflineQbrTemplate, type QbrAudience, type QbrDraftFacts } from '../../src/qbr/index.ts';

/** The Delta Corp demo document. */
export function demoDoc(): BusinessCase {
  const r = parseDocument(JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The demo's QBR facts (2026-Q1 unless told otherwise), with the story a draft is written from. */
export function demoFacts(options: Partial<QbrOptions> = {}): QbrDraftFacts {
  const doc = demoDoc();
  const r = qbrFacts(doc, { quarter: '2026-Q1', ...options });
  if (!r.ok) throw new Error(r.error.message);
  return withStory(doc, r.value);
}

/** The engine's facts alone, as `qbrFacts` returns them. */
export function engineFacts(options: Partial<QbrOptions> = {}): QbrFacts {
  const r = qbrFacts(demoDoc(), { quarter: '2026-Q1', ...options });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The text of a call's request: its user messages, joined (the system prompt left out). */
export function promptText(options: LanguageModelV3CallOptions): string {
  return options.prompt
    .filter((m) => m.role === 'user')
    .map((m) => (typeof m.content === 'string' ? m.content : m.content.map((p) => ('text' in p ? p.text : '')).join('')))
    .join('\n');
}

/** A mock language model that answers its n-th call with `answers[n]` (the last one repeated). */
export function textModel(answers: readonly string[]): MockLanguageModelV3 {
  let n = 0;
  return new MockLanguageModelV3({
    provider: 'mock',
    modelId: 'qbr-writer',
    doGenerate: async () => {
      const text = answers[Math.min(n++, answers.length - 1)]!;
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: undefined },
        usage: {
          inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 5, text: 5, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
}

/** The offline writer's (grounded, complete) demo draft for 2026-Q1, rendered. */
export function writeGood(audience: QbrAudience): string {
  return writeOfflineQbr(demoFacts(), audience);
}

/** The same draft as the offline writer writes it, with references: a model answer that keeps every rule. */
export function writeGoodTemplate(audience: QbrAudience): string {
  return writeOfflineQbrTemplate(demoFacts(), audience);
}

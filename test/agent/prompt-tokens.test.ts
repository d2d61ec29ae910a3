/**
 * The token goals, measured as `npm run bench` measures them (`bench/prompt-tokens.ts`:
 * requests captured on the wire, counted with the o200k tokenizer): the system prompt plus the
 * tool schemas under 3,000 tokens, a dictated measurement in at most 2 model calls. A longer
 * tool description or prompt that breaks the budget fails here, not in a user's 4k context.
 */
import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { measurePromptTokens, measureTaskTokens, PROMPT_TOKEN_GOAL, requestTokens } from '../../bench/prompt-tokens.ts';

describe('prompt and task tokens (o200k)', () => {
  it('counts with the real o200k encoding', () => {
    // o200k splits these as: "hello", " world" / "{\"", "a", "\":", "1", "}".
    expect(countTokens('hello world')).toBe(2);
    expect(requestTokens({ messages: [], tools: [] })).toBe(2); // "[]" twice
  });

  it('the system prompt plus the tool schemas stay under 3,000 tokens', async () => {
    const p = await measurePromptTokens();
    expect(p.perTool).toHaveLength(16);
    expect(p.total).toBe(p.system + p.tools);
    expect(p.total).toBeLessThan(PROMPT_TOKEN_GOAL);
    expect(PROMPT_TOKEN_GOAL).toBe(3000);
  });

  it('a dictated measurement takes 2 model calls; a split and a QBR take 2 as well', async () => {
    const tasks = await measureTaskTokens();
    expect(tasks.map((t) => [t.task, t.calls])).toEqual([
      ['dictate a measurement', 2],
      ['split a calculation', 2],
      ['draft a QBR', 2],
    ]);
    for (const t of tasks) expect(t.total).toBe(t.perCall[0]! + t.perCall[1]!);
  });
});

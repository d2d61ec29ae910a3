/**
 * The tool-layer suite: every committed case passes in both modes (the scripted model in
 * process, and the scripted server through @ai-sdk/openai-compatible), and its loader is
 * strict.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createToolLayerSuite, toolLayerSuite } from '../../evals/tool-layer/tool-layer-suite.ts';
import { TOOL_LAYER_RULES } from '../../evals/tool-layer/tool-layer-case.ts';

describe('the tool-layer suite', () => {
  it('covers every rule and passes every case in both modes, changing no data', async () => {
    const entries = await toolLayerSuite.cases({ flags: {} });
    expect(new Set(entries.map((e) => e.case.rule))).toEqual(new Set(TOOL_LAYER_RULES));
    expect(entries.filter((e) => e.mode === 'compatible')).toHaveLength(entries.length / 2);
    for (const entry of entries) {
      const r = await toolLayerSuite.run(entry, { flags: {} });
      expect({ id: entry.id, failures: r.failures }).toEqual({ id: entry.id, failures: [] });
      expect(r.dataChangedWithoutApproval).toBe(false);
    }
  }, 60_000);

  it('a text the output must hold or must not hold fails the case when it is the other way round', async () => {
    const dir = mkdtempSync(join(tmpdir(), 've-tool-layer-'));
    try {
      const exact = JSON.parse(readFileSync(new URL('../../evals/tool-layer/cases/ambiguity-exact-label-first.json', import.meta.url), 'utf8'));
      // The same run, expecting the baseline input a looser match would pick: the case must fail on both texts.
      exact.turns[0].expect.results[0].outputIncludes = ['(avg_tickets_per_day)'];
      exact.turns[0].expect.results[0].outputExcludes = ['(tickets_per_day)'];
      writeFileSync(join(dir, 'ambiguity-exact-label-first.json'), JSON.stringify(exact));
      const suite = createToolLayerSuite(pathToFileURL(`${dir}/`));
      const [entry] = await suite.cases({ flags: {} });
      const r = await suite.run(entry!, { flags: {} });
      expect(r.pass).toBe(false);
      expect(JSON.stringify(r.failures)).toContain("'(avg_tickets_per_day)' in the output");
      expect(JSON.stringify(r.failures)).toContain("no '(tickets_per_day)' in the output");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a case with a misspelt expectation, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 've-tool-layer-'));
    try {
      const bad = {
        id: 'bad',
        rule: 'duplicate',
        description: 'x',
        document: 'demo',
        clock: '2026-11',
        turns: [{ user: 'hi', script: [{ content: 'hello' }], expect: { proposal: 1 } }],
        after: { pending: 0 },
      };
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
      await expect(createToolLayerSuite(pathToFileURL(`${dir}/`)).cases({ flags: {} })).rejects.toThrow(
        /evals\/tool-layer\/cases\/bad\.json: turns\.0\.expect/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftGroundedQbr, draftQbr, writeOfflineQbr } from '../../src/qbr/index.ts';
import { demoFacts, promptText, textModel } from './qbr-fixtures.ts';

const facts = demoFacts();
/** A grounded draft (the offline writer's) and the same draft with an invented claim. */
const good = writeOfflineQbr(facts, 'finance');
const invented = good.replace('## Financial summary\n', '## Financial summary\n\nThe team saved 12,345 hours, a 93% improvement.\n');

describe('draftQbr', () => {
  it('writes with the model: the template from prompts/qbr.md as system prompt, the audience and the facts as the request', async () => {
    const model = textModel(['```markdown\n# QBR\n\n## Executive summary\n\nRealized $44,107.\n```']);
    const draft = await draftQbr({ model, facts, audience: 'champion' });
    // A fence around the whole answer is removed.
    expect(draft).toEqual({ markdown: '# QBR\n\n## Executive summary\n\nRealized $44,107.\n', writer: 'mock:qbr-writer' });
    expect(model.doGenerateCalls).toHaveLength(1);
    const call = model.doGenerateCalls[0]!;
    const system = call.prompt.find((m) => m.role === 'system');
    expect(system?.content).toBe(readFileSync(new URL('../../prompts/qbr.md', import.meta.url), 'utf8').trim());
    const request = promptText(call);
    expect(request).toContain('# Audience\nchampion');
    expect(request).toContain('"realized": 44106.67');
    expect(request).toContain('- inQuarter.variance: -0.2207 (= -22.1%)');
    expect(request).toContain('- toDate.netBenefit: 25886.67');
    expect(request).not.toContain('# Problem with the previous draft');
  });

  it('writes offline with the deterministic template when there is no model', async () => {
    expect(await draftQbr({ model: null, facts, audience: 'finance' })).toEqual({ markdown: good, writer: 'template' });
  });
});

describe('draftGroundedQbr: draft, check, regenerate once, mark', () => {
  it('regenerates a draft with an invented number once, naming the number, and returns the grounded second draft', async () => {
    const model = textModel([invented, good]);
    const r = await draftGroundedQbr({ model, facts, audience: 'finance' });
    expect(r).toMatchObject({ grounded: true, unverified: [], missingSections: [], attempts: 2, writer: 'mock:qbr-writer' });
    expect(r.markdown).toBe(good);
    expect(model.doGenerateCalls).toHaveLength(2);
    const retry = promptText(model.doGenerateCalls[1]!);
    expect(retry).toContain('# Problem with the previous draft\nThese numbers match no fact or figure you may quote:\n- 12,345 in "');
    expect(retry).toContain('- 93% in "');
    expect(retry).toContain('The team saved 12,345 hours, a 93% improvement.');
    expect(promptText(model.doGenerateCalls[0]!)).not.toContain('# Problem with the previous draft');
  });

  it('returns a draft that still invents numbers with them marked and grounded false', async () => {
    const model = textModel([invented]);
    const r = await draftGroundedQbr({ model, facts, audience: 'finance' });
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(r.grounded).toBe(false);
    expect(r.attempts).toBe(2);
    expect(r.unverified).toEqual(['12,345', '93%']);
    expect(r.markdown).toContain('The team saved ⚠ 12,345 (unverified) hours, a ⚠ 93% (unverified) improvement.');
    // Everything else is left as the model wrote it.
    expect(r.markdown.replace('⚠ 12,345 (unverified)', '12,345').replace('⚠ 93% (unverified)', '93%')).toBe(invented);
  });

  it('does not call the model again when the first draft is grounded and complete', async () => {
    const model = textModel([good]);
    const r = await draftGroundedQbr({ model, facts, audience: 'finance' });
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(r).toMatchObject({ grounded: true, attempts: 1 });
  });

  it('asks again for missing sections too', async () => {
    const partial = good.slice(0, good.indexOf('## Milestones'));
    const model = textModel([partial, good]);
    const r = await draftGroundedQbr({ model, facts, audience: 'finance' });
    expect(r).toMatchObject({ grounded: true, missingSections: [], attempts: 2 });
    expect(promptText(model.doGenerateCalls[1]!)).toContain(
      "These sections are missing:\n- Milestones\n- Risks and what we do about them\n- Next quarter's priorities",
    );
  });

  it('offline: one deterministic draft, grounded', async () => {
    const r = await draftGroundedQbr({ model: null, facts, audience: 'champion' });
    expect(r).toMatchObject({ grounded: true, unverified: [], missingSections: [], attempts: 1, writer: 'template' });
  });
});

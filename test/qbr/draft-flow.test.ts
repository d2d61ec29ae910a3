import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCase } from '../../src/proposals/index.ts';
import { draftGroundedQbr, draftQbr, getOrDraftQbr, writeOfflineQbr, writeOfflineQbrTemplate } from '../../src/qbr/index.ts';
import { OVERCLAIM_CASES, withSentence, type OverclaimCase } from '../../evals/qbr-overclaim/qbr-overclaim-suite.ts';
import { memoryStore } from '../support/test-store.ts';
import { demoJson } from '../tools/tool-harness.ts';
import { demoFacts, promptText, textModel } from './qbr-fixtures.ts';

const facts = demoFacts();
const meta = { reportDate: '2026-04-10', preparedBy: 'dana' };
/** A draft that keeps every rule (the offline writer's, with references) and what it renders to. */
const goodTemplate = writeOfflineQbrTemplate(facts, 'finance');
const good = writeOfflineQbr(facts, 'finance', meta);
/** The good draft with one sentence added to its financial summary. */
const plus = (sentence: string): string => goodTemplate.replace('## Financial summary\n', `## Financial summary\n\n${sentence}\n`);

describe('draftQbr', () => {
  it('writes with the model: prompts/qbr.md as system prompt, the audience and the reference list as the request', async () => {
    const model = textModel(['```markdown\n# QBR\n\n## Executive summary\n\nRealized {{realizedInQuarter}}.\n```']);
    const draft = await draftQbr({ model, facts, audience: 'champion' });
    // A fence around the whole answer is removed; the model's text is kept with its references.
    expect(draft).toEqual({ template: '# QBR\n\n## Executive summary\n\nRealized {{realizedInQuarter}}.\n', writer: 'mock:qbr-writer' });
    const call = model.doGenerateCalls[0]!;
    expect(call.prompt.find((m) => m.role === 'system')?.content).toBe(readFileSync(new URL('../../prompts/qbr.md', import.meta.url), 'utf8').trim());
    const request = promptText(call);
    expect(request).toContain('# Audience\nchampion');
    // Each reference with its claim type and what it renders to: 88,886.67 - 63,000 = 25,886.67 net; 25,886.67 / 63,000 = 41%.
    expect(request).toContain('- {{roiToDate}} [ROI] ROI to date: (realized - investment) / investment = "41%"');
    expect(request).toContain('- {{investmentAtPayback}} [investment] cumulative investment through the payback month = "$63,000"');
    // 100 tickets/day x (1 + 50%) = 150.
    expect(request).toContain('- {{metric.support-efficiency.tickets_per_day.target}} [target]');
    expect(request).toContain('= "150 tickets/day"');
    expect(request).not.toContain('# Problem with the previous draft');
  });

  it('writes offline with the deterministic template, references and all', async () => {
    expect(await draftQbr({ model: null, facts, audience: 'finance' })).toEqual({ template: goodTemplate, writer: 'template' });
  });
});

describe('draftGroundedQbr: a model writes references; a draft that breaks a rule is sent back once, then refused', () => {
  it('sends a free-typed number back once, naming it with line and column, and keeps the second draft', async () => {
    const bad = plus('The team saved 12,345 hours.');
    const model = textModel([bad, goodTemplate]);
    const r = await draftGroundedQbr({ model, facts, audience: 'finance', meta });
    expect(r.ok && r.value).toMatchObject({ grounded: true, unverified: [], missingSections: [], attempts: 2, writer: 'mock:qbr-writer', markdown: good });
    const retry = promptText(model.doGenerateCalls[1]!);
    const line = bad.split('\n').indexOf('The team saved 12,345 hours.') + 1;
    expect(retry).toContain('# Problem with the previous draft\nEvery figure, month and status word must be a reference from the list. These are not:');
    // "The team saved " is 15 characters: the number starts in column 16.
    expect(retry).toContain(`- line ${line}, column 16: number '12,345' typed by hand at line ${line}, column 16: use a reference from the list`);
  });

  // Each attack tries one overclaim on both attempts; none may be returned. The list is shared
  // with the eval suite qbr-overclaim (evals/qbr-overclaim/overclaim-cases.ts), which runs it
  // through getOrDraftQbr and a store.
  const answersOf = (c: OverclaimCase): string[] => {
    const template = writeOfflineQbrTemplate(demoFacts({ quarter: c.quarter }), 'finance');
    return c.answers.map((s) => withSentence(template, s));
  };
  it.each(OVERCLAIM_CASES.filter((c) => c.kind === 'attack').map((c) => [c.description, c] as const))(
    'refuses %s twice: nothing is returned but an error naming the problem',
    async (_name, c) => {
      const model = textModel(answersOf(c));
      const r = await draftGroundedQbr({ model, facts: demoFacts({ quarter: c.quarter }), audience: 'finance', meta });
      expect(model.doGenerateCalls).toHaveLength(2);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('refused');
      expect(r.error.message).toMatch(/^the QBR writer \(mock:qbr-writer\) wrote a draft that breaks the rules twice, so nothing was saved/);
      expect(r.error.message).toMatch(c.expect);
      // The retry named the first draft's problem to the model (the same overclaim when it repeats it).
      if (c.answers.length === 1) expect(promptText(model.doGenerateCalls[1]!)).toMatch(c.expect);
    },
  );

  it.each(OVERCLAIM_CASES.filter((c) => c.kind === 'control').map((c) => [c.description, c] as const))('keeps %s', async (_name, c) => {
    const model = textModel(answersOf(c));
    const r = await draftGroundedQbr({ model, facts: demoFacts({ quarter: c.quarter }), audience: 'finance', meta });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ grounded: true, unverified: [], attempts: c.answers.length });
    expect(r.value.markdown).toMatch(c.expect);
  });

  it('asks again for missing sections too', async () => {
    const partial = goodTemplate.slice(0, goodTemplate.indexOf('## Milestones'));
    const model = textModel([partial, goodTemplate]);
    const r = await draftGroundedQbr({ model, facts, audience: 'finance', meta });
    expect(r.ok && r.value.attempts).toBe(2);
    expect(promptText(model.doGenerateCalls[1]!)).toContain(
      'These sections are missing:\n- Milestones\n- Risks and their causes\n- Next steps\n- Confidence\n- Appendix: assumptions and data sources\n- Sign-off',
    );
  });

  it('does not call the model again when the first draft keeps every rule', async () => {
    const model = textModel([goodTemplate]);
    const r = await draftGroundedQbr({ model, facts, audience: 'finance', meta });
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(r.ok && r.value).toMatchObject({ grounded: true, attempts: 1, template: goodTemplate });
  });

  it('offline: one deterministic draft', async () => {
    const r = await draftGroundedQbr({ model: null, facts, audience: 'champion', meta });
    expect(r.ok && r.value).toMatchObject({ grounded: true, unverified: [], missingSections: [], attempts: 1, writer: 'template' });
  });
});

describe('getOrDraftQbr with a model that overclaims', () => {
  it('saves nothing and says why when both drafts break the rules', async () => {
    const t = memoryStore();
    t.clock.set('2026-04-10T09:00:00.000Z');
    const imported = importCase(t.ctx, { document: demoJson(), importedBy: 'admin' });
    if (!imported.ok) throw new Error(imported.error.message);
    const model = textModel([plus('{{useCase.legacy-tools.name}} is ahead of plan.')]);
    const r = await getOrDraftQbr(t.ctx, { caseId: 'delta-corp-support-automation', quarter: '2026-Q1', audience: 'finance', model, requestedBy: 'dana' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('refused');
    expect(!r.ok && r.error.message).toContain("status word 'ahead' typed by hand");
    expect(t.store.listQbrDrafts({ caseId: 'delta-corp-support-automation' })).toEqual([]);
  });

  // The read-back attacks (the projected ROI as the ROI to date, the projection as realized,
  // realized as the plan) are in the shared list above: the renderer passes them, the
  // independent read-back check finds the claim wrong.
  it('keeps the second draft when the read-back problem is fixed', async () => {
    const model = textModel([plus('Our ROI to date is {{projectedRoi}}.'), goodTemplate]);
    const r = await draftGroundedQbr({ model, facts, audience: 'finance', meta });
    expect(r.ok && r.value).toMatchObject({ grounded: true, unverified: [], attempts: 2, markdown: good });
  });

  it('saves the rendered draft of a model that keeps the rules, with the report date and author', async () => {
    const t = memoryStore();
    t.clock.set('2026-04-10T09:00:00.000Z');
    const imported = importCase(t.ctx, { document: demoJson(), importedBy: 'admin' });
    if (!imported.ok) throw new Error(imported.error.message);
    const model = textModel([goodTemplate]);
    const r = await getOrDraftQbr(t.ctx, {
      caseId: 'delta-corp-support-automation',
      quarter: '2026-Q1',
      audience: 'finance',
      model,
      requestedBy: 'dana',
      asOf: '2026-04',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.draft.markdown).toBe(good);
    expect(r.value.draft.markdown).toContain('**Report date:** 2026-04-10 · **Prepared by:** dana');
  });
});

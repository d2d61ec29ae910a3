import { describe, expect, it } from 'vitest';
import { draftQbr } from '../../tools/draft-qbr.ts';
import { QBR_SECTIONS } from '../../src/qbr/index.ts';
import { toolHarness } from '../tools/tool-harness.ts';
import { textModel, writeGoodTemplate } from './qbr-fixtures.ts';

const CASE = 'delta-corp-support-automation';

describe('the draftQbr tool (through createTools)', () => {
  it('drafts a grounded QBR, saves it as version 1, returns it by reference, and the saved one next time', async () => {
    const h = toolHarness();
    const before = { case: h.store.getCase(CASE), history: h.store.listMeasurements({ caseId: CASE }), audit: h.store.listAudit(CASE) };
    const r = await h.call('draftQbr', { businessCase: 'Delta', quarter: 'Q1 2026', audience: 'finance' });
    expect(r).toMatchObject({
      businessCase: 'Delta Corp – Support Automation',
      quarter: '2026-Q1',
      audience: 'finance',
      version: 1,
      created: true,
      stale: false,
      grounded: true,
      unverified: [],
      asOf: '2026-03',
      writer: 'template',
    });
    // By reference: the saved draft's id and an excerpt, never the text the model could re-type.
    expect(r).not.toHaveProperty('markdown');
    const saved = h.store.getQbrDraft({ caseId: CASE, quarter: '2026-Q1', audience: 'finance' })!;
    expect(saved).toMatchObject({ version: 1, createdBy: 'dana' });
    expect(r).toMatchObject({ draftId: saved.id, caseId: CASE });
    for (const s of QBR_SECTIONS) expect(saved.markdown).toContain(`## ${s}`);
    expect(r.excerpt.length).toBeGreaterThan(0);
    expect(r.excerpt.length).toBeLessThanOrEqual(241);
    expect(saved.markdown.replace(/\s+/g, ' ')).toContain(r.excerpt.replace(/…$/, ''));

    const again = await h.call('draftQbr', { quarter: '2026-Q1', audience: 'CFO' });
    expect(again).toMatchObject({ draftId: saved.id, version: 1, created: false, excerpt: r.excerpt });
    const redraft = await h.call('draftQbr', { quarter: '2026-Q1', audience: 'finance', redraft: true });
    expect(redraft).toMatchObject({ version: 2, created: true });

    // Saving drafts changed no business data and proposed nothing: no approval involved.
    expect({ case: h.store.getCase(CASE), history: h.store.listMeasurements({ caseId: CASE }), audit: h.store.listAudit(CASE) }).toEqual(before);
    expect(h.store.listProposals()).toEqual([]);
  });

  it('defaults to the last completed quarter and the executive sponsor', async () => {
    const h = toolHarness(); // the clock is in November 2026
    expect(await h.call('draftQbr', {})).toMatchObject({ quarter: '2026-Q3', audience: 'executive-sponsor', asOf: '2026-09', grounded: true });
  });

  it('answers what it cannot do with errors the model can read', async () => {
    const h = toolHarness();
    expect(await h.call('draftQbr', { audience: 'the board' })).toEqual({
      error: "'the board' is not an audience I know",
      candidates: ['executive-sponsor', 'finance', 'champion'],
    });
    expect(await h.call('draftQbr', { quarter: 'someday' })).toEqual({
      error: '\'someday\' is not a quarter I understand (try "2026-Q1", "Q1 2026" or "last quarter")',
    });
    expect(await h.call('draftQbr', { quarter: '2027-Q2' })).toEqual({
      error: "no month of Q2 2027 is realized: 'Value Realization' runs July 2025 to June 2027 and the figures are as of November 2026",
    });
    expect(await h.call('draftQbr', { businessCase: 'Acme' })).toMatchObject({ error: "no business case called 'Acme'" });
  });

  it('drafts with the language model the context carries, grounding included', async () => {
    const h = toolHarness();
    // The first draft types a figure; the second writes references only (the offline writer's own draft).
    const model = textModel(['# QBR\n\nWe saved 12,345 hours.\n', writeGoodTemplate('champion')]);
    const tool = draftQbr({ ...h.context, qbrModel: model }) as unknown as { execute: (input: unknown, options: unknown) => Promise<any> };
    const r = await tool.execute({ quarter: '2026-Q1', audience: 'champion' }, { toolCallId: 'c1', messages: [] });
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(r).toMatchObject({ version: 1, grounded: true, writer: 'mock:qbr-writer' });
    const saved = h.store.getQbrDraft({ caseId: CASE, quarter: '2026-Q1', audience: 'champion', version: 1 })!.markdown;
    // Rendered: 158 = the March 2026 recording, 150 = baseline 100 x (1 + 50%).
    expect(saved).toContain('## Executive summary\n\nAvg. Tickets per Day stands at 158 tickets/day (ahead; target 150 tickets/day)');
    expect(saved).not.toContain('{{');
  });
});

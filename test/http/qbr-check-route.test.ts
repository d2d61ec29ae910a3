/**
 * `POST /api/business-cases/:id/qbr/check`: the claim check of `ve qbr check` over HTTP, within
 * the caller's workspace. The demo's 2026-Q1 facts (see test/qbr/check-claims.test.ts): ROI to
 * date (88,886.67 - 63,000) / 63,000 = 41%, the projected ROI over the window 326%.
 */
import { describe, expect, it } from 'vitest';
import { errorResponseSchema, qbrCheckReplySchema } from '../../src/http/response-schemas.ts';
import { scriptedModel } from '../support/scripted-model.ts';
import { DEMO, httpHarness } from './http-harness.ts';

const PATH = `/api/business-cases/${DEMO}/qbr/check`;
const harness = () => httpHarness(scriptedModel(() => ({ text: 'ok' })));

describe('POST /api/business-cases/:id/qbr/check', () => {
  it('returns every problem with its line and column, and clean for a right draft', async () => {
    const h = harness();
    const bad = await h.json('POST', PATH, { body: { quarter: '2026-Q1', markdown: '# QBR\n\nThe return on investment to date is 326%.\n' } });
    expect(bad.status).toBe(200);
    expect(qbrCheckReplySchema.parse(bad.body)).toEqual(bad.body);
    expect(bad.body).toMatchObject({ caseId: DEMO, quarter: '2026-Q1', asOf: '2026-03', clean: false });
    expect(bad.body.problems).toHaveLength(1);
    expect(bad.body.problems[0]).toMatchObject({ line: 3, column: 37, text: '326%', claims: 'ROI to date' });
    const good = await h.json('POST', PATH, { body: { quarter: 'Q1 2026', markdown: 'The return on investment to date is 41%.' } });
    expect(good.body).toMatchObject({ clean: true, problems: [] });
  });

  it('answers 400 for a bad body or a quarter with nothing to report, 404 for another workspace, and saves nothing', async () => {
    const h = harness();
    const drafts = () => h.store.getQbrDraft({ caseId: DEMO, quarter: '2026-Q1', audience: 'finance' });
    const empty = await h.json('POST', PATH, { body: { quarter: '2026-Q1', markdown: '' } });
    expect(empty.status).toBe(400);
    expect(errorResponseSchema.parse(empty.body).error.message).toMatch(/markdown/);
    const early = await h.json('POST', PATH, { body: { quarter: '2024-Q1', markdown: 'x' } });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/Q1 2024/);
    const other = await h.json('POST', PATH, { body: { quarter: '2026-Q1', markdown: 'x' }, token: h.tokens.olga });
    expect(other.status).toBe(404);
    expect(drafts()).toBeFalsy();
  });
});

/**
 * The QBR routes: `GET /api/business-cases/:id/qbr` (the latest saved draft, or one drafted
 * and saved; JSON, Markdown or PPTX) and `POST` (a new version), within the caller's
 * workspace, with the offline template or the QBR model the app is given; and the chat's
 * `draftQbr` tool drafting with that same model.
 */
import { APICallError } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { qbrFacts } from '../../src/engine/index.ts';
import { PPTX_CONTENT_TYPE } from '../../src/http/qbr-routes.ts';
import { approve, propose } from '../../src/proposals/index.ts';
import { errorResponseSchema, qbrDraftReplySchema } from '../../src/http/response-schemas.ts';
import { formatMoney, QBR_SECTIONS, withStory, writeOfflineQbr } from '../../src/qbr/index.ts';
import { demoFacts, textModel, writeGoodTemplate } from '../qbr/qbr-fixtures.ts';
import { readZip, slideTexts } from '../qbr/read-zip.ts';
import { scriptedModel, toolThenAnswer } from '../support/scripted-model.ts';
import { DEMO, httpHarness } from './http-harness.ts';

const chatModel = () => scriptedModel(() => ({ text: 'ok' }));
const Q1 = `/api/business-cases/${DEMO}/qbr?quarter=2026-Q1&audience=finance`;

/** The demo's Q1 2026 facts, as the engine computes them (the clock is in November 2026). */
function q1Facts(h: ReturnType<typeof httpHarness>) {
  const r = qbrFacts(h.store.getCase(DEMO)!.document, { quarter: '2026-Q1', asOf: '2026-11' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('GET /api/business-cases/:id/qbr', () => {
  it('drafts, checks and saves version 1 with the offline template, then returns the saved one', async () => {
    const h = httpHarness(chatModel());
    const before = { case: h.store.getCase(DEMO), audit: h.store.listAudit(DEMO), history: h.store.listMeasurements({ caseId: DEMO }) };
    const r = await h.json('GET', Q1);
    expect(r.status).toBe(200);
    expect(qbrDraftReplySchema.parse(r.body)).toEqual(r.body);
    expect(r.body).toMatchObject({
      caseId: DEMO,
      businessCase: 'Delta Corp – Support Automation',
      quarter: '2026-Q1',
      audience: 'finance',
      version: 1,
      created: true,
      stale: false,
      grounded: true,
      unverified: [],
      missingSections: [],
      asOf: '2026-03',
      caseVersion: 1,
      writer: 'template',
      createdBy: 'dana',
    });
    const facts = q1Facts(h);
    // Written with the clock's date and the token's name as its author.
    expect(r.body.markdown).toBe(
      writeOfflineQbr(withStory(h.store.getCase(DEMO)!.document, facts), 'finance', { reportDate: '2026-11-20', preparedBy: 'dana' }),
    );
    for (const s of QBR_SECTIONS) expect(r.body.markdown).toContain(`## ${s}`);
    expect(r.body.markdown).toContain(formatMoney(facts.inQuarter.realized, 'USD'));

    const again = await h.json('GET', `/api/business-cases/${DEMO}/qbr?quarter=Q1%202026&audience=CFO`);
    expect(again.body).toMatchObject({ version: 1, created: false, stale: false, markdown: r.body.markdown, createdAt: r.body.createdAt });
    expect(h.store.listQbrDrafts({ caseId: DEMO })).toHaveLength(1);
    // A draft is not business data: nothing changed, nothing was proposed.
    expect({ case: h.store.getCase(DEMO), audit: h.store.listAudit(DEMO), history: h.store.listMeasurements({ caseId: DEMO }) }).toEqual(before);
    expect(h.store.listProposals()).toEqual([]);
  });

  it('defaults to the last completed quarter and the executive sponsor', async () => {
    const h = httpHarness(chatModel());
    const r = await h.json('GET', `/api/business-cases/${DEMO}/qbr`);
    expect(r.body).toMatchObject({ quarter: '2026-Q3', audience: 'executive-sponsor', asOf: '2026-09', version: 1, grounded: true });
  });

  it('format=md answers the Markdown, with the version and grounding in headers', async () => {
    const h = httpHarness(chatModel());
    const json = await h.json('GET', Q1);
    const res = await h.request('GET', `${Q1}&format=md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${DEMO}-2026-Q1-finance-v1.md"`);
    expect(res.headers.get('x-qbr-version')).toBe('1');
    expect(res.headers.get('x-qbr-grounded')).toBe('true');
    expect(res.headers.get('x-qbr-stale')).toBe('false');
    expect(res.headers.get('x-qbr-created')).toBe('false');
    expect(await res.text()).toBe(json.body.markdown);
  });

  it('format=pptx answers the deck as an attachment: the title, the executive summary, the chart and the outcomes table', async () => {
    const h = httpHarness(chatModel());
    const res = await h.request('GET', `${Q1}&format=pptx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(PPTX_CONTENT_TYPE);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${DEMO}-2026-Q1-finance-v1.pptx"`);
    expect(res.headers.get('x-qbr-created')).toBe('true');
    const buf = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(buf.length));
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = readZip(buf);
    expect(files.get('[Content_Types].xml')!.toString()).toContain('presentationml');
    const slide = (n: number) => slideTexts(files.get(`ppt/slides/slide${n}.xml`)!.toString('utf8'));
    expect(slide(1).slice(0, 4)).toEqual([
      'Quarterly Business Review, Q1 2026',
      'Delta Corp – Support Automation',
      'Delta Corp · for: Finance · prepared by dana, report date 2026-11-20',
      'Figures as of March 2026, in USD · draft v1 (case version 1)',
    ]);
    expect(slide(2)[0]).toBe('Executive summary');
    expect(files.get('ppt/slides/slide3.xml')!.toString()).toContain('<p:pic>');
    // Finance reads the financial table first, then the outcomes per use case.
    expect(slide(4)[0]).toBe('Financial summary: investment, return and payback');
    expect(slide(5)[0]).toBe('Outcomes per use case');
    expect(slide(5)).toContain(formatMoney(q1Facts(h).inQuarter.realized, 'USD'));
    expect(h.store.listQbrDrafts({ caseId: DEMO })).toHaveLength(1);
  });

  it('estimate=hide leaves the estimate off the deck (seed 000); estimate=maybe is refused naming estimate', async () => {
    const h = httpHarness(chatModel());
    const chartSlide = async (query: string) => {
      const res = await h.request('GET', `${Q1}&format=pptx${query}`);
      expect(res.status).toBe(200);
      return slideTexts(
        readZip(Buffer.from(await res.arrayBuffer()))
          .get('ppt/slides/slide3.xml')!
          .toString('utf8'),
      ).join(' ');
    };
    expect(await chartSlide('')).toContain('Plan to date');
    expect(await chartSlide('&estimate=show')).toContain('Plan to date');
    const hidden = await chartSlide('&estimate=hide');
    expect(hidden).toContain('Realized to date');
    expect(hidden).not.toMatch(/Plan|Estimated/);
    const bad = await h.json('GET', `${Q1}&format=pptx&estimate=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('estimate');
  });

  it('version=N returns a saved version; one that does not exist is 404 naming version', async () => {
    const h = httpHarness(chatModel());
    await h.json('GET', Q1);
    await h.json('POST', `/api/business-cases/${DEMO}/qbr`, { body: { quarter: '2026-Q1', audience: 'finance' } });
    expect((await h.json('GET', Q1)).body).toMatchObject({ version: 2, created: false });
    expect((await h.json('GET', `${Q1}&version=1`)).body).toMatchObject({ version: 1, created: false, stale: false });
    const missing = await h.json('GET', `${Q1}&version=9`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'not_found', message: `no QBR draft v9 for '${DEMO}', 2026-Q1, finance`, field: 'version' });
  });

  it('says when the figures changed since the saved draft (stale), and POST brings it up to date', async () => {
    const h = httpHarness(chatModel());
    await h.json('GET', Q1);
    const record = h.store.getCase(DEMO)!;
    // A measurement approved since the draft moves the Q1 figures.
    const p = propose(h.ctx, {
      caseId: DEMO,
      operations: [
        {
          op: 'recordMeasurement',
          scenario: 'realization',
          useCase: 'support-efficiency',
          input: 'tickets_per_day',
          month: '2026-02',
          value: 150,
          source: 'Zendesk export',
        },
      ],
      proposedBy: 'dana',
    });
    if (!p.ok) throw new Error(p.error.message);
    expect(approve(h.ctx, { proposalId: p.value.id, approvedBy: 'sam' }).ok).toBe(true);
    expect(h.store.getCase(DEMO)!.version).toBe(record.version + 1);
    expect((await h.json('GET', Q1)).body).toMatchObject({ version: 1, stale: true });
    const redrafted = await h.json('POST', `/api/business-cases/${DEMO}/qbr`, { body: { quarter: '2026-Q1', audience: 'finance' } });
    expect(redrafted.body).toMatchObject({ version: 2, created: true, stale: false, caseVersion: record.version + 1 });
    expect((await h.json('GET', `${Q1}&version=1`)).body.stale).toBe(true);
  });
});

describe('POST /api/business-cases/:id/qbr', () => {
  it('drafts and saves a new version (201 with Location); redraft: false returns the saved one (200)', async () => {
    const h = httpHarness(chatModel());
    const first = await h.json('POST', `/api/business-cases/${DEMO}/qbr`, { raw: '' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ quarter: '2026-Q3', audience: 'executive-sponsor', version: 1, created: true });
    const second = await h.json('POST', `/api/business-cases/${DEMO}/qbr`, { body: { quarter: 'last quarter', audience: 'exec' } });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ quarter: '2026-Q3', audience: 'executive-sponsor', version: 2, created: true });
    expect(second.headers.get('location')).toBe(`/api/business-cases/${DEMO}/qbr?quarter=2026-Q3&audience=executive-sponsor&version=2`);
    const kept = await h.json('POST', `/api/business-cases/${DEMO}/qbr`, { body: { redraft: false } });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ version: 2, created: false });
    expect(qbrDraftReplySchema.parse(kept.body)).toEqual(kept.body);
    const fresh = await h.json('POST', `/api/business-cases/${DEMO}/qbr`, { body: { quarter: '2026-Q2', redraft: false } });
    expect(fresh).toMatchObject({ status: 201, body: { quarter: '2026-Q2', version: 1, created: true } });
    expect(h.store.listQbrDrafts({ caseId: DEMO }).map((d) => [d.quarter, d.version])).toEqual(
      expect.arrayContaining([
        ['2026-Q3', 1],
        ['2026-Q3', 2],
        ['2026-Q2', 1],
      ]),
    );
  });
});

describe('QBR requests that cannot be served', () => {
  it('a bad quarter, audience, format, version or field is a 400 naming it', async () => {
    const h = httpHarness(chatModel());
    const cases: Array<[string, string, string | RegExp]> = [
      [
        `/api/business-cases/${DEMO}/qbr?quarter=someday`,
        'quarter',
        `quarter: 'someday' is not a quarter I understand (try "2026-Q1", "Q1 2026" or "last quarter")`,
      ],
      [`/api/business-cases/${DEMO}/qbr?audience=the%20board`, 'audience', "audience: 'the board' is not one of executive-sponsor, finance, champion"],
      [`/api/business-cases/${DEMO}/qbr?format=docx`, 'format', /^format: /],
      [`/api/business-cases/${DEMO}/qbr?version=0`, 'version', 'version: must be a version number (1, 2, ...)'],
      [`/api/business-cases/${DEMO}/qbr?quartr=2026-Q1`, 'quartr', 'quartr: is not a known field'],
      [
        `/api/business-cases/${DEMO}/qbr?quarter=2027-Q2`,
        'quarter',
        "quarter: no month of Q2 2027 is realized: 'Value Realization' runs July 2025 to June 2027 and the figures are as of November 2026",
      ],
    ];
    for (const [path, field, message] of cases) {
      const r = await h.json('GET', path);
      expect(r.status, path).toBe(400);
      expect(errorResponseSchema.parse(r.body)).toEqual(r.body);
      expect(r.body.error.field, path).toBe(field);
      if (typeof message === 'string') expect(r.body.error.message, path).toBe(message);
      else expect(r.body.error.message, path).toMatch(message);
    }
    const post = (body: unknown) => h.json('POST', `/api/business-cases/${DEMO}/qbr`, { body });
    expect((await post({ audience: 'board' })).body.error).toMatchObject({ code: 'invalid_request', field: 'audience' });
    expect((await post({ quarter: 'Q5' })).body.error).toMatchObject({ code: 'invalid_request', field: 'quarter' });
    expect((await post({ redraft: 'yes' })).body.error).toMatchObject({ code: 'invalid_request', field: 'redraft' });
    expect((await post({ format: 'md' })).body.error).toEqual({ code: 'invalid_request', message: 'format: is not a known field', field: 'format' });
    expect((await h.json('POST', `/api/business-cases/${DEMO}/qbr`, { raw: '{nope' })).body.error).toMatchObject({ code: 'invalid_json', field: 'body' });
    expect(h.store.listQbrDrafts({ caseId: DEMO })).toEqual([]);
  });

  it("another workspace's case is 404, as if it did not exist; no token is 401", async () => {
    const h = httpHarness(chatModel());
    for (const [method, token] of [
      ['GET', h.tokens.olga],
      ['POST', h.tokens.olga],
    ] as const) {
      const r = await h.json(method, `/api/business-cases/${DEMO}/qbr`, { token });
      expect(r.status).toBe(404);
      expect(r.body.error).toEqual({ code: 'not_found', message: `no business case '${DEMO}' (business cases: acme-helpdesk)` });
    }
    expect((await h.json('GET', `/api/business-cases/acme-helpdesk/qbr?quarter=2025-Q2`)).status).toBe(404);
    expect(h.store.listQbrDrafts({ caseId: DEMO })).toEqual([]);
    // Olga's own case is hers to draft.
    const own = await h.json('GET', `/api/business-cases/acme-helpdesk/qbr?quarter=2025-Q2`, { token: h.tokens.olga });
    expect(own.body).toMatchObject({ caseId: 'acme-helpdesk', quarter: '2025-Q2', version: 1, createdBy: 'olga', grounded: true });
    expect((await h.json('GET', Q1, { token: null })).status).toBe(401);
  });

  it('a case with no realization scenario yet is 409, not 404', async () => {
    const h = httpHarness(chatModel());
    const doc = h.store.getCase(DEMO)!.document;
    const plan = { ...doc, id: 'plan-only', scenarios: doc.scenarios.filter((s) => s.kind === 'future') };
    expect((await h.json('POST', '/api/business-cases', { body: plan })).status).toBe(201);
    const r = await h.json('GET', '/api/business-cases/plan-only/qbr');
    expect(r.status).toBe(409);
    expect(r.body.error).toEqual({ code: 'refused', message: `'${doc.name}' has no realization scenario yet: a QBR reports realized value` });
  });
});

describe('the QBR model the app is given', () => {
  it('writes the drafts of the routes, rules included (a draft that types a figure is sent back once, then refused and not saved)', async () => {
    const good = textModel([writeGoodTemplate('champion')]);
    const h = httpHarness(chatModel(), { qbrModel: good });
    const r = await h.json('GET', `/api/business-cases/${DEMO}/qbr?quarter=2026-Q1&audience=champion`);
    expect(good.doGenerateCalls).toHaveLength(1);
    expect(r.body).toMatchObject({ version: 1, grounded: true, writer: 'mock:qbr-writer' });

    const bad = textModel(['# QBR\n\n## Executive summary\n\nWe saved 12,345 hours.\n']);
    const h2 = httpHarness(chatModel(), { qbrModel: bad });
    const b = await h2.json('POST', `/api/business-cases/${DEMO}/qbr`, { body: { quarter: '2026-Q1' } });
    expect(bad.doGenerateCalls).toHaveLength(2);
    expect(b.status).toBe(409);
    expect(b.body.error.code).toBe('refused');
    expect(b.body.error.message).toContain("number '12,345' typed by hand");
    expect(h2.store.listQbrDrafts({ caseId: DEMO })).toEqual([]);
  });

  it('a QBR model that cannot be reached is 502 model_unavailable, and nothing is saved', async () => {
    const down = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new APICallError({
          message: 'connect ECONNREFUSED 10.1.2.3:443',
          url: 'http://10.1.2.3/v1/chat/completions',
          requestBodyValues: {},
          isRetryable: false,
        });
      },
    });
    const h = httpHarness(chatModel(), { qbrModel: down });
    const r = await h.json('GET', Q1);
    expect(r.status).toBe(502);
    expect(r.body.error.code).toBe('model_unavailable');
    expect(JSON.stringify(r.body)).not.toContain('10.1.2.3');
    expect(h.store.listQbrDrafts({ caseId: DEMO })).toEqual([]);
  });

  it('is the model the chat drafts QBRs with (the draftQbr tool), and the route then returns that draft', async () => {
    const qbr = textModel([writeGoodTemplate('champion')]);
    const chat = scriptedModel(
      toolThenAnswer(
        'draftQbr',
        () => ({ businessCase: 'Delta', quarter: 'Q1 2026', audience: 'champion' }),
        (out) => `Draft v${out.version} by ${out.writer} (text given to me: ${'markdown' in out}).`,
      ),
    );
    const h = httpHarness(chat, { qbrModel: qbr });
    const reply = await h.json('POST', '/api/chat', { body: { message: 'Draft the Q1 QBR for the Delta champion' } });
    expect(reply.status).toBe(200);
    expect(qbr.doGenerateCalls).toHaveLength(1);
    // The chat model has the draft by reference; the reply carries the saved draft itself.
    expect(reply.body.text).toBe('Draft v1 by mock:qbr-writer (text given to me: false).');
    expect(reply.body.proposals).toEqual([]);
    expect(reply.body.qbrDrafts).toHaveLength(1);
    expect(qbrDraftReplySchema.parse(reply.body.qbrDrafts[0])).toEqual(reply.body.qbrDrafts[0]);
    expect(reply.body.qbrDrafts[0]).toMatchObject({
      caseId: DEMO,
      quarter: '2026-Q1',
      audience: 'champion',
      version: 1,
      created: true,
      writer: 'mock:qbr-writer',
      markdown: writeOfflineQbr(demoFacts(), 'champion', { reportDate: '2026-11-20', preparedBy: 'dana' }),
    });
    const saved = await h.json('GET', `/api/business-cases/${DEMO}/qbr?quarter=2026-Q1&audience=champion`);
    expect(saved.body).toMatchObject({ version: 1, created: false, writer: 'mock:qbr-writer', createdBy: 'dana' });
    expect(qbr.doGenerateCalls).toHaveLength(1);
  });

  it('defaults to the offline template in the chat too', async () => {
    const chat = scriptedModel(
      toolThenAnswer(
        'draftQbr',
        () => ({ quarter: '2026-Q1' }),
        (out) => `written by ${out.writer}`,
      ),
    );
    const h = httpHarness(chat);
    expect((await h.json('POST', '/api/chat', { body: { message: 'QBR please' } })).body.text).toBe('written by template');
  });
});

describe('openapi.json for the QBR routes', () => {
  it('documents the query, the body, and the three answers of GET', async () => {
    const h = httpHarness(chatModel());
    const doc = (await h.json('GET', '/openapi.json', { token: null })).body;
    const get = doc.paths['/api/business-cases/{id}/qbr'].get;
    expect(get.parameters.map((p: any) => p.name)).toEqual(['id', 'quarter', 'audience', 'format', 'version', 'estimate']);
    expect(get.parameters.find((p: any) => p.name === 'format').schema.enum).toEqual(['json', 'md', 'pptx']);
    expect(Object.keys(get.responses['200'].content)).toEqual(['application/json', 'text/markdown', PPTX_CONTENT_TYPE]);
    expect(get.responses['200'].content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['markdown', 'version', 'grounded', 'unverified', 'stale']),
    );
    expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(['400', '401', '404', '409', '502']));
    const post = doc.paths['/api/business-cases/{id}/qbr'].post;
    expect(post.requestBody.required).toBe(false);
    expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toEqual(['quarter', 'audience', 'redraft']);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '404', '413']));
  });
});

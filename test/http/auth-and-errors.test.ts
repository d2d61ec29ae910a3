/**
 * The door's guards: bearer tokens, workspace isolation, zod-validated bodies and queries
 * (400 naming the field), the body size limit (413), and the one error mapping (proposal
 * outcomes to 404/409/410/422; unexpected failures to a generic 500; model failures to 502)
 * that never shows internals or logs a token.
 */
import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { errorResponseSchema, caseSchema, caseListSchema } from '../../src/http/response-schemas.ts';
import { sampleCase } from '../support/sample-case.ts';
import { scriptedModel, toolThenAnswer } from '../support/scripted-model.ts';
import { DEMO, httpHarness } from './http-harness.ts';

const echo = () => scriptedModel((call) => ({ text: `echo: ${call.userText}` }));

describe('authentication', () => {
  it('no token, a malformed header, an unknown or a revoked token: 401 with WWW-Authenticate', async () => {
    const h = httpHarness(echo());
    const none = await h.json('GET', '/api/business-cases', { token: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.body.error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('missing bearer token') });
    expect(errorResponseSchema.safeParse(none.body).success).toBe(true);

    const basic = await h.json('GET', '/api/business-cases', { token: null, headers: { authorization: `Basic ${h.tokens.dana}` } });
    expect(basic.status).toBe(401);
    expect(basic.body.error.message).toMatch(/malformed/);

    const bad = await h.json('GET', '/api/business-cases', { token: 've_not-a-real-token' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toBe('that token is unknown or revoked');

    const tokenId = h.store.findApiToken(h.tokens.dana)!.id;
    expect((await h.json('GET', '/api/business-cases')).status).toBe(200);
    h.store.revokeApiToken(tokenId, h.clock.now().toISOString());
    expect((await h.json('GET', '/api/business-cases')).status).toBe(401);
  });

  it('every /api route needs the token, POSTs too (the body is not read first)', async () => {
    const h = httpHarness(echo());
    for (const [method, path] of [
      ['POST', '/api/chat'],
      ['GET', '/api/proposals'],
      ['POST', '/api/proposals/x/approve'],
      ['POST', '/api/proposals/x/reject'],
      ['GET', '/api/business-cases'],
      ['POST', '/api/business-cases'],
      ['GET', `/api/business-cases/${DEMO}`],
      ['GET', `/api/business-cases/${DEMO}/summary`],
    ] as const) {
      const call = method === 'POST' ? { token: null, body: { message: 'hi' } } : { token: null };
      expect((await h.request(method, path, call)).status, `${method} ${path}`).toBe(401);
    }
    // Authentication comes before the size limit: an anonymous huge body is 401, not 413.
    const small = httpHarness(echo(), { maxBodyBytes: 100 });
    expect((await small.request('POST', '/api/chat', { token: null, body: { message: 'x'.repeat(1000) } })).status).toBe(401);
  });

  it('/healthz and /openapi.json are public', async () => {
    const h = httpHarness(echo());
    expect(await h.json('GET', '/healthz', { token: null })).toMatchObject({ status: 200, body: { ok: true } });
    expect((await h.json('GET', '/openapi.json', { token: null })).body.openapi).toBe('3.1.0');
  });
});

describe('workspaces are isolated', () => {
  it("another workspace's case is 404 for reading, its summary and its listing", async () => {
    const h = httpHarness(echo());
    const olga = { token: h.tokens.olga };
    const list = await h.json('GET', '/api/business-cases', olga);
    expect(caseListSchema.safeParse(list.body).success).toBe(true);
    expect(list.body.businessCases.map((c: any) => c.id)).toEqual(['acme-helpdesk']);
    expect((await h.json('GET', '/api/business-cases', {})).body.businessCases.map((c: any) => c.id)).toEqual([DEMO]);
    for (const path of [`/api/business-cases/${DEMO}`, `/api/business-cases/${DEMO}/summary`, `/api/proposals?caseId=${DEMO}`]) {
      const r = await h.json('GET', path, olga);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe('not_found');
      expect(r.body.error.message).not.toContain('Delta');
    }
    const own = await h.json('GET', '/api/business-cases/acme-helpdesk', olga);
    expect(own.status).toBe(200);
    expect(caseSchema.safeParse(own.body).success).toBe(true);
  });

  it("another workspace's proposal cannot be listed, approved or rejected (404), and stays pending", async () => {
    const h = httpHarness(
      scriptedModel(
        toolThenAnswer(
          'proposeMeasurements',
          () => ({ measurements: [{ input: 'tickets per day', month: 'October', value: 160 }] }),
          (o) => o.proposalId,
        ),
      ),
    );
    const id = (await h.json('POST', '/api/chat', { body: { message: 'record it' } })).body.proposals[0].proposalId;
    const olga = { token: h.tokens.olga };
    expect((await h.json('GET', '/api/proposals', olga)).body.proposals).toEqual([]);
    const approve = await h.json('POST', `/api/proposals/${id}/approve`, olga);
    expect(approve.status).toBe(404);
    expect(approve.body.error).toEqual({ code: 'not_found', message: `no proposal '${id}'` });
    expect((await h.json('POST', `/api/proposals/${id}/reject`, olga)).status).toBe(404);
    expect(h.store.getProposal(id)!.status).toBe('pending');
    expect(h.store.getCase(DEMO)!.version).toBe(1);
  });

  it("the agent only sees the caller's workspace", async () => {
    const h = httpHarness(
      scriptedModel(
        toolThenAnswer(
          'findBusinessCases',
          () => ({ query: 'Delta' }),
          (o) => JSON.stringify(o),
        ),
      ),
    );
    const olga = await h.json('POST', '/api/chat', { token: h.tokens.olga, body: { message: 'find Delta' } });
    expect(JSON.parse(olga.body.text)).toEqual({ businessCases: [] });
    const dana = await h.json('POST', '/api/chat', { body: { message: 'find Delta' } });
    expect(JSON.parse(dana.body.text).businessCases.map((c: any) => c.id)).toEqual([DEMO]);
  });

  it('the same thread id in two workspaces is two conversations', async () => {
    const model = scriptedModel((call) => ({ text: `${call.prompt.filter((m) => m.role === 'user').length}` }));
    const h = httpHarness(model);
    await h.json('POST', '/api/chat', { body: { message: 'a', threadId: 'shared' } });
    const other = await h.json('POST', '/api/chat', { token: h.tokens.olga, body: { message: 'b', threadId: 'shared' } });
    expect(other.body.text).toBe('1');
  });
});

describe('validation: 400 naming the field', () => {
  const cases: Array<[string, string, string, unknown, string]> = [
    ['chat without message', 'POST', '/api/chat', { threadId: 'x' }, 'message'],
    ['chat with an empty message', 'POST', '/api/chat', { message: '   ' }, 'message'],
    ['chat with a number as message', 'POST', '/api/chat', { message: 42 }, 'message'],
    ['chat with a bad thread id', 'POST', '/api/chat', { message: 'hi', threadId: 'has spaces' }, 'threadId'],
    ['chat with an unknown field', 'POST', '/api/chat', { message: 'hi', mesage: 'typo' }, 'mesage'],
    ['chat with a too long message', 'POST', '/api/chat', { message: 'x'.repeat(8001) }, 'message'],
    ['useChat body without messages', 'POST', '/api/chat', { id: 'c1', messages: [] }, 'messages'],
    ['useChat body without an id', 'POST', '/api/chat', { messages: [{ role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }, 'id'],
    ['useChat body with a bad role', 'POST', '/api/chat', { id: 'c1', messages: [{ role: 'robot', parts: [] }] }, 'messages[0].role'],
    [
      'useChat body whose last user message has no text',
      'POST',
      '/api/chat',
      { id: 'c1', messages: [{ role: 'user', parts: [{ type: 'file' }] }] },
      'messages',
    ],
    ['reject with a number as reason', 'POST', '/api/proposals/p1/reject', { reason: 5 }, 'reason'],
    ['approve naming an approver', 'POST', '/api/proposals/p1/approve', { by: 'someone else' }, 'by'],
    ['import of an array', 'POST', '/api/business-cases', [1, 2], 'body'],
    ['summary with a bad asOf', 'GET', `/api/business-cases/${DEMO}/summary?asOf=2026-13`, undefined, 'asOf'],
    ['summary with an unknown parameter', 'GET', `/api/business-cases/${DEMO}/summary?as_of=2026-10`, undefined, 'as_of'],
    ['summary of an unknown scenario', 'GET', `/api/business-cases/${DEMO}/summary?scenario=nope`, undefined, 'scenario'],
    ['summary compared with a realization scenario', 'GET', `/api/business-cases/${DEMO}/summary?compare=realization`, undefined, 'compare'],
    ['proposals with an unknown parameter', 'GET', '/api/proposals?status=all', undefined, 'status'],
  ];
  for (const [name, method, path, body, field] of cases) {
    it(name, async () => {
      const h = httpHarness(echo());
      const r = await h.json(method, path, body === undefined ? {} : { body });
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe(field);
      expect(r.body.error.message.startsWith(`${field}: `) || r.body.error.message.includes(field)).toBe(true);
      expect(errorResponseSchema.safeParse(r.body).success).toBe(true);
    });
  }

  it('a body that is not JSON, and a missing body, are 400 on body', async () => {
    const h = httpHarness(echo());
    const notJson = await h.json('POST', '/api/chat', { raw: '{"message": "unterminated' });
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'invalid_json', field: 'body' } } });
    const empty = await h.json('POST', '/api/chat', { raw: '' });
    expect(empty).toMatchObject({ status: 400, body: { error: { field: 'body' } } });
  });

  it('the missing field says it is required', async () => {
    const h = httpHarness(echo());
    expect((await h.json('POST', '/api/chat', { body: {} })).body.error.message).toBe('message: is required');
  });
});

describe('body size limit', () => {
  it('413 for a body over the limit, with or without Content-Length; nothing is run', async () => {
    const model = echo();
    const h = httpHarness(model, { maxBodyBytes: 2000 });
    const big = { message: 'x'.repeat(3000) };
    const declared = await h.json('POST', '/api/chat', { body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('payload_too_large');
    // Streamed (chunked) body, no Content-Length: counted while read.
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.slice(i, i + 500));
        controller.close();
      },
    });
    const chunked = await h.app.request('/api/chat', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.dana}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const doc = await h.json('POST', '/api/business-cases', { body: { ...sampleCase('big-case'), name: 'y'.repeat(5000) } });
    expect(doc.status).toBe(413);
    expect(model.doGenerateCalls).toHaveLength(0);
    expect(h.store.getCase('big-case')).toBeNull();
    // Just under the limit is fine.
    expect((await h.json('POST', '/api/chat', { body: { message: 'x'.repeat(1900) } })).status).toBe(200);
  });
});

describe('business cases: import', () => {
  it("imports a document into the caller's workspace (201, Location) as the token's name", async () => {
    const h = httpHarness(echo());
    const r = await h.json('POST', '/api/business-cases', { body: sampleCase('new-case') });
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe('/api/business-cases/new-case');
    expect(caseSchema.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ id: 'new-case', workspaceId: 'default', version: 1, createdBy: 'dana' });
    expect(r.body.document).toEqual(sampleCase('new-case'));
    expect((await h.json('GET', '/api/business-cases/new-case', { token: h.tokens.olga })).status).toBe(404);
  });

  it('an invalid document is 422 with the JSON path; an id used in another workspace is free (ids are per workspace)', async () => {
    const h = httpHarness(echo());
    const doc = sampleCase('broken');
    (doc.scenarios[0] as any).start = 'June';
    const invalid = await h.json('POST', '/api/business-cases', { body: doc });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toMatchObject({ code: 'invalid_document', path: '$.scenarios[0].start' });
    const elsewhere = await h.json('POST', '/api/business-cases', { body: sampleCase('acme-helpdesk') });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body).toMatchObject({ id: 'acme-helpdesk', workspaceId: 'default' });
    const taken = await h.json('POST', '/api/business-cases', { body: sampleCase('acme-helpdesk') });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'conflict', field: 'id' });
  });
});

describe('the summary route', () => {
  it('takes asOf, scenario and compare=none', async () => {
    const h = httpHarness(echo());
    const march = await h.json('GET', `/api/business-cases/${DEMO}/summary?asOf=2026-03`);
    expect(march.body).toMatchObject({ asOf: '2026-03', scenario: 'realization' });
    expect(march.body.estimatedToDate).not.toBeNull();
    const none = await h.json('GET', `/api/business-cases/${DEMO}/summary?asOf=2026-03&compare=none`);
    expect(none.body.estimatedToDate).toBeNull();
    const plan = await h.json('GET', `/api/business-cases/${DEMO}/summary?scenario=rollout-plan`);
    expect(plan.body).toMatchObject({ scenario: 'rollout-plan', kind: 'future' });
  });
});

describe('one error mapping, no internals', () => {
  it('an unexpected failure is a generic 500 with a reference; the log has the detail, never the token', async () => {
    const h = httpHarness(echo());
    h.store.listCases = () => {
      throw new Error(`SQLITE_CORRUPT: near "select" (while serving Bearer ${h.tokens.dana}, key ${h.tokens.olga})`);
    };
    const r = await h.json('GET', '/api/business-cases');
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('internal');
    expect(r.body.error.message).toMatch(/^internal error \(reference [0-9a-f]{8}\)$/);
    const log = h.logs.join('\n');
    expect(log).toContain('SQLITE_CORRUPT');
    expect(log).toContain(r.body.error.message.slice(-9, -1));
    expect(log).not.toContain(h.tokens.dana);
    expect(log).not.toContain(h.tokens.olga);
  });

  it('a model that cannot be reached is 502 model_unavailable; any other model failure 500', async () => {
    const down = httpHarness(
      scriptedModel(() => {
        throw new APICallError({
          message: 'connect ECONNREFUSED 10.1.2.3:443',
          url: 'http://10.1.2.3/v1/chat/completions',
          requestBodyValues: {},
          isRetryable: false,
        });
      }),
    );
    const r = await down.json('POST', '/api/chat', { body: { message: 'hi' } });
    expect(r.status).toBe(502);
    expect(r.body.error.code).toBe('model_unavailable');
    expect(JSON.stringify(r.body)).not.toContain('10.1.2.3');
    const broken = httpHarness(
      scriptedModel(() => {
        throw new TypeError('cannot read properties of undefined');
      }),
    );
    const b = await broken.json('POST', '/api/chat', { body: { message: 'hi' } });
    expect(b.status).toBe(500);
    expect(JSON.stringify(b.body)).not.toContain('undefined');
  });

  it('an unknown route is a JSON 404', async () => {
    const h = httpHarness(echo());
    expect(await h.json('GET', '/api/nothing-here')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await h.json('GET', '/nothing-here', { token: null })).status).toBe(404);
  });

  it('an unknown proposal is 404', async () => {
    const h = httpHarness(echo());
    expect((await h.json('POST', '/api/proposals/nope/approve')).body.error).toEqual({ code: 'not_found', message: "no proposal 'nope'" });
  });
});

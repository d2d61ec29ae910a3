/**
 * Tenants that cannot see each other (issue 14): business case ids are unique per workspace,
 * so workspace `acme` can import a case under the id `default` already uses, and no answer of
 * any endpoint tells `acme` whether `default` has an id: another workspace's case or proposal
 * is answered exactly like an id that no one uses. Ill-formed ids are refused everywhere.
 */
import { describe, expect, it } from 'vitest';
import { caseListSchema, caseSchema } from '../../src/http/response-schemas.ts';
import { sampleCase } from '../support/sample-case.ts';
import { scriptedModel, toolThenAnswer } from '../support/scripted-model.ts';
import { DEMO, demoJson, httpHarness } from './http-harness.ts';

const UNUSED = 'no-such-case-anywhere';

/** Whether a text holds CR, LF, NUL or a zero-width space as such (not escaped). */
const rawControl = (text: string): boolean => ['\r', '\n', '\u0000', '\u200b'].some((c) => text.includes(c));

/** A model that proposes a measurement on the caller's only case (or the demo). */
const proposer = () =>
  scriptedModel(
    toolThenAnswer(
      'proposeMeasurements',
      () => ({ measurements: [{ input: 'tickets per day', month: 'October', value: 160 }] }),
      (o) => o.proposalId ?? JSON.stringify(o),
    ),
  );

/** Every case endpoint, for a case id (the QBR ones with a quarter the demo has realized months in). */
const caseEndpoints = (id: string): Array<[string, string, unknown?]> => [
  ['GET', `/api/business-cases/${id}`],
  ['GET', `/api/business-cases/${id}/summary`],
  ['GET', `/api/business-cases/${id}/qbr?quarter=2026-Q1&audience=finance`],
  ['POST', `/api/business-cases/${id}/qbr`, { quarter: '2026-Q1', audience: 'finance' }],
  ['GET', `/api/proposals?caseId=${id}`],
  ['POST', `/api/business-cases/${id}/qbr/check`, { markdown: 'Realized value: $1.', quarter: '2026-Q1' }],
];

describe('another workspace is answered like no one', () => {
  it("every case endpoint answers another workspace's id exactly like an unused id (404, same body but the id)", async () => {
    const h = httpHarness(proposer());
    const olga = { token: h.tokens.olga };
    const other = caseEndpoints(DEMO);
    const unused = caseEndpoints(UNUSED);
    for (const [i, [method, path, body]] of other.entries()) {
      const a = await h.json(method, path, { ...olga, ...(body ? { body } : {}) });
      const [m2, p2, b2] = unused[i]!;
      const b = await h.json(m2, p2, { ...olga, ...(b2 ? { body: b2 } : {}) });
      expect(a.status, path).toBe(404);
      expect(b.status, p2).toBe(404);
      expect(JSON.stringify(a.body).replaceAll(DEMO, UNUSED), path).toBe(JSON.stringify(b.body));
      expect(JSON.stringify(a.body)).not.toMatch(/Delta|default/);
    }
    // Nothing was drafted for the demo by those calls.
    expect(h.store.listQbrDrafts({ caseId: DEMO })).toEqual([]);
  });

  it("approving or rejecting another workspace's proposal is answered like an unknown proposal, and changes nothing", async () => {
    const h = httpHarness(proposer());
    const id = (await h.json('POST', '/api/chat', { body: { message: 'record it' } })).body.proposals[0].proposalId as string;
    const olga = { token: h.tokens.olga };
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const verb of ['approve', 'reject']) {
      const body = verb === 'reject' ? { reason: 'no' } : {};
      const a = await h.json('POST', `/api/proposals/${id}/${verb}`, { ...olga, body });
      const b = await h.json('POST', `/api/proposals/${unknown}/${verb}`, { ...olga, body });
      expect([a.status, b.status]).toEqual([404, 404]);
      expect(JSON.stringify(a.body).replace(id, unknown)).toBe(JSON.stringify(b.body));
    }
    expect(h.store.getProposal(id)!.status).toBe('pending');
    expect(h.store.getCase(DEMO)!.version).toBe(1);
  });

  it('a second workspace imports an id the first uses (201, not 409); each sees only its own case under that id', async () => {
    const h = httpHarness(proposer());
    const olga = { token: h.tokens.olga };
    const mine = { ...demoJson(), name: 'Olga’s own copy', customer: 'Acme' };
    const created = await h.json('POST', '/api/business-cases', { ...olga, body: mine });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/business-cases/${DEMO}`);
    expect(caseSchema.safeParse(created.body).success).toBe(true);
    // The storage key (which would differ from the id here) is never shown.
    expect(created.body).not.toHaveProperty('key');
    expect(created.body).toMatchObject({ id: DEMO, workspaceId: 'acme', version: 1, name: 'Olga’s own copy' });

    const theirs = await h.json('GET', `/api/business-cases/${DEMO}`, olga);
    const ours = await h.json('GET', `/api/business-cases/${DEMO}`);
    expect([theirs.body.name, theirs.body.workspaceId]).toEqual(['Olga’s own copy', 'acme']);
    expect([ours.body.name, ours.body.workspaceId]).toEqual(['Delta Corp – Support Automation', 'default']);
    expect(JSON.stringify(theirs.body)).not.toContain('@');
    const list = await h.json('GET', '/api/business-cases', olga);
    expect(caseListSchema.safeParse(list.body).success).toBe(true);
    expect(list.body.businessCases.map((c: any) => [c.id, c.name])).toEqual([
      ['acme-helpdesk', 'Acme Helpdesk'],
      [DEMO, 'Olga’s own copy'],
    ]);

    // A second import in the same workspace is the one 409.
    const again = await h.json('POST', '/api/business-cases', { ...olga, body: mine });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', field: 'id' });

    // A proposal on dana's case and one on olga's are on their own cases only.
    const dana = await h.json('POST', '/api/chat', { body: { message: 'record it' } });
    const danaId = dana.body.proposals[0].proposalId as string;
    expect((await h.json('GET', `/api/proposals?caseId=${DEMO}`, olga)).body.proposals).toEqual([]);
    const listed = await h.json('GET', `/api/proposals?caseId=${DEMO}`);
    expect(listed.body.proposals.map((p: any) => [p.id, p.caseId])).toEqual([[danaId, DEMO]]);
    const approved = await h.json('POST', `/api/proposals/${danaId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.view).toMatchObject({ caseId: DEMO, appliedVersion: 2 });
    expect(approved.body.proposal.caseId).toBe(DEMO);
    expect((await h.json('GET', `/api/business-cases/${DEMO}`)).body.version).toBe(2);
    expect((await h.json('GET', `/api/business-cases/${DEMO}`, olga)).body.version).toBe(1);

    // QBR drafts are per workspace too: olga's draft of her copy names her case, under the id.
    const qbr = await h.json('POST', `/api/business-cases/${DEMO}/qbr`, { ...olga, body: { quarter: '2026-Q1', audience: 'finance' } });
    expect(qbr.status).toBe(201);
    expect(qbr.body).toMatchObject({ caseId: DEMO, businessCase: 'Olga’s own copy', version: 1 });
    expect(qbr.headers.get('location')).toBe(`/api/business-cases/${DEMO}/qbr?quarter=2026-Q1&audience=finance&version=1`);
    const md = await h.request('GET', `/api/business-cases/${DEMO}/qbr?quarter=2026-Q1&audience=finance&format=md`, olga);
    expect(md.headers.get('content-disposition')).toBe(`inline; filename="${DEMO}-2026-Q1-finance-v1.md"`);
    const danaQbr = await h.json('GET', `/api/business-cases/${DEMO}/qbr?quarter=2026-Q1&audience=finance`);
    expect(danaQbr.body).toMatchObject({ businessCase: 'Delta Corp – Support Automation', version: 1, created: true });
  });
});

describe('case ids are checked with the id pattern everywhere', () => {
  const bad = ['../../tmp/evil', 'a\r\nb', 'a\u0000b', 'acme\u200bhelpdesk', 'Acme', 'a@b', 'x'.repeat(129)];

  it('an import whose id is not ^[a-z0-9][a-z0-9-]*$ is 422 naming `id`, and stores nothing', async () => {
    const h = httpHarness(proposer());
    for (const id of bad) {
      const r = await h.json('POST', '/api/business-cases', { body: sampleCase(id) });
      expect(r.status, JSON.stringify(id)).toBe(422);
      expect(r.body.error).toMatchObject({ code: 'invalid_document', path: 'id' });
      // The id is quoted as JSON: control characters never come back raw.
      expect(rawControl(r.body.error.message)).toBe(false);
    }
    expect(h.store.listCases().map((c) => c.id)).toEqual(['acme-helpdesk', DEMO]);
  });

  it('a path with an ill-formed id is 400 invalid_argument on every case endpoint', async () => {
    const h = httpHarness(proposer());
    for (const id of ['..%2F..%2Ftmp%2Fevil', 'a%0D%0Ab', 'a%00b', 'acme%E2%80%8Bhelpdesk']) {
      for (const [method, path, body] of caseEndpoints(id)) {
        const r = await h.json(method, path, body ? { body } : {});
        expect(r.status, path).toBe(400);
        expect(r.body.error.code).toBe('invalid_argument');
        expect(rawControl(r.body.error.message)).toBe(false);
      }
    }
  });
});

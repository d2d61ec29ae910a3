/**
 * `POST /api/business-cases/:id/measurements` with a `text/csv` body (issue 13). The harness
 * holds the demo case in workspace `default` (token dana; realization 2025-07 to 2027-06,
 * locked through 2025-12; `reps` is # of Reps) and the sample case `acme-helpdesk` in `acme`.
 */
import { describe, expect, it } from 'vitest';
import { scriptedModel } from '../support/scripted-model.ts';
import { DEMO, httpHarness } from './http-harness.ts';

const harness = () => httpHarness(scriptedModel(() => ({ text: 'ok' })));
const csvCall = (raw: string, headers: Record<string, string> = { 'content-type': 'text/csv; charset=utf-8' }) => ({ raw, headers });

describe('POST /api/business-cases/:id/measurements', () => {
  it('proposes the file as one pending proposal (201); the same file again returns it (200, existing); nothing changes', async () => {
    const h = harness();
    const csv = 'month,input,value\n2026-04,# of Reps,14\n2026-05,reps,16\n';
    const r = await h.json('POST', `/api/business-cases/${DEMO}/measurements?source=headcount.csv`, csvCall(csv));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', caseId: DEMO, proposedBy: 'dana', existing: false, measurements: 2, layout: 'long' });
    expect(r.body.changes).toHaveLength(2);
    expect(r.body.changes[0]).toContain('# of Reps (reps) in 2026-04: 14 reps, source "headcount.csv"');
    const again = await h.json('POST', `/api/business-cases/${DEMO}/measurements?source=headcount.csv`, csvCall(csv));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ proposalId: r.body.proposalId, existing: true });
    const pending = await h.json('GET', '/api/proposals');
    expect(pending.body.proposals.map((p: { id: string }) => p.id)).toEqual([r.body.proposalId]);
    const doc = (await h.json('GET', `/api/business-cases/${DEMO}`)).body.document;
    expect(doc.scenarios[1].useCases[0].inputs.find((i: { key: string }) => i.key === 'reps').series['2026-04']).toBeUndefined();
  });

  it('a file with bad rows is a 422 listing every bad row as JSON, and proposes nothing', async () => {
    const h = harness();
    const csv = 'month,input,value\n2026-04,reps,14\n2025-10,reps,12\n2026-06,Tickets,3\n';
    const r = await h.json('POST', `/api/business-cases/${DEMO}/measurements`, csvCall(csv));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_document');
    expect(r.body.error.message).toContain('nothing was proposed: the file has 2 bad rows');
    expect(r.body.error.rows).toHaveLength(2);
    expect(r.body.error.rows[0]).toEqual({
      line: 3,
      column: 'month',
      reason: "2025-10 is locked (the scenario 'Value Realization' is locked through 2025-12)",
    });
    expect(r.body.error.rows[1]).toMatchObject({ line: 4, column: 'input', reason: "'Tickets' could be several inputs" });
    expect(r.body.error.rows[1].candidates.length).toBeGreaterThanOrEqual(2);
    expect((await h.json('GET', '/api/proposals')).body.proposals).toEqual([]);
  });

  it('an empty file is a 422 naming it; a JSON body is a 400 naming the body; an unknown query parameter is a 400', async () => {
    const h = harness();
    const empty = await h.json('POST', `/api/business-cases/${DEMO}/measurements`, csvCall(''));
    expect(empty.status).toBe(422);
    expect(empty.body.error.rows).toEqual([{ line: 0, reason: 'the file is empty' }]);
    const json = await h.json('POST', `/api/business-cases/${DEMO}/measurements`, { body: { month: '2026-04' } });
    expect(json.status).toBe(400);
    expect(json.body.error).toMatchObject({ code: 'invalid_request', field: 'body' });
    expect(json.body.error.message).toContain('Content-Type: text/csv (got application/json)');
    const query = await h.json('POST', `/api/business-cases/${DEMO}/measurements?colour=red`, csvCall('month,input,value\n2026-04,reps,14\n'));
    expect(query.status).toBe(400);
  });

  it("another workspace's case is a 404, as if it did not exist", async () => {
    const h = harness();
    const r = await h.json('POST', '/api/business-cases/acme-helpdesk/measurements', csvCall('month,input,value\n2025-03,gain,0.2\n'));
    expect(r.status).toBe(404);
    const own = await h.json('POST', '/api/business-cases/acme-helpdesk/measurements', {
      ...csvCall('month,input,value\n2025-03,gain,0.2\n'),
      token: h.tokens.olga,
    });
    expect(own.status).toBe(201);
  });

  it('openapi.json documents the text/csv body, both success statuses and the 422', async () => {
    const h = harness();
    const doc = (await h.json('GET', '/openapi.json', { token: null })).body;
    const op = doc.paths['/api/business-cases/{id}/measurements'].post;
    expect(Object.keys(op.requestBody.content)).toEqual(['text/csv']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '404', '422']));
    expect(doc.components.schemas.BadRow.required).toEqual(['line', 'reason']);
  });
});

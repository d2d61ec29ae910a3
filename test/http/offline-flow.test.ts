/**
 * The used-by flow over HTTP through the built-in offline model (no language model
 * configured), from plain sentences: dictated measurements -> proposal with preview ->
 * approve via the API -> summary changed -> audit entries; the question of value realized;
 * the same turn streamed to a useChat client.
 */
import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../src/agent/offline-model/offline-model.ts';
import { DEMO, httpHarness, parseSse } from './http-harness.ts';

describe('HTTP with the offline model', () => {
  it('dictation -> proposal -> approve -> data changed -> audit', async () => {
    const h = httpHarness(createOfflineModel());
    const before = (await h.json('GET', `/api/business-cases/${DEMO}/summary`)).body;
    const chat = await h.json('POST', '/api/chat', { body: { message: 'Delta: tickets per day Oct 115, Nov 121 (Zendesk export)' } });
    expect(chat.status).toBe(200);
    expect(chat.body.proposals).toHaveLength(1);
    const p = chat.body.proposals[0];
    expect(p.changes).toEqual([
      'recorded Avg. Tickets per Day (tickets_per_day) in 2026-10: 115 tickets/day, source "Zendesk export"',
      'recorded Avg. Tickets per Day (tickets_per_day) in 2026-11: 121 tickets/day, source "Zendesk export"',
    ]);
    expect(chat.body.text).toContain(p.proposalId);
    expect(h.store.getCase(DEMO)!.version).toBe(1);
    const approved = await h.json('POST', `/api/proposals/${p.proposalId}/approve`);
    expect(approved.body).toMatchObject({ version: 2, alreadyApplied: false });
    const after = (await h.json('GET', `/api/business-cases/${DEMO}/summary`)).body;
    expect(after.realizedToDate).toBeCloseTo(p.after.realizedToDate, 2);
    expect(after.realizedToDate).not.toBeCloseTo(before.realizedToDate, 2);
    expect(h.store.listAudit(DEMO).map((a) => [a.op, a.proposedBy, a.approvedBy])).toEqual([
      ['recordMeasurement', 'dana', 'dana'],
      ['recordMeasurement', 'dana', 'dana'],
    ]);
    const history = h.store.listMeasurements({ caseId: DEMO, input: 'tickets_per_day' }).filter((m) => m.month === '2026-11');
    expect(history.map((m) => [m.value, m.source, m.approvedBy])).toEqual([[121, 'Zendesk export', 'dana']]);
  });

  it('answers a question from the engine, and streams to useChat', async () => {
    const h = httpHarness(createOfflineModel());
    const realized = (await h.json('GET', `/api/business-cases/${DEMO}/summary`)).body.realizedToDate as number;
    const shown = `USD ${realized.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const json = await h.json('POST', '/api/chat', { body: { message: 'how much value has Delta realized?' } });
    expect(json.body.text).toContain(shown);
    expect(json.body.proposals).toEqual([]);
    const res = await h.request('POST', '/api/chat', {
      body: { id: 'ui-offline', messages: [{ id: 'a', role: 'user', parts: [{ type: 'text', text: 'how much value has Delta realized?' }] }] },
    });
    const events = parseSse(await res.text()).filter((e): e is Record<string, any> => e !== '[DONE]');
    expect(events.find((e) => e.type === 'tool-input-available')).toMatchObject({ toolName: 'valueSummary' });
    expect(
      events
        .filter((e) => e.type === 'text-delta')
        .map((e) => e.delta)
        .join(''),
    ).toContain(shown);
  });
});

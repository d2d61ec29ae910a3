/**
 * The HTTP door on a real provider code path: `selectModel` with `OPENAI_BASE_URL` pointing at
 * the local fake chat-completions server, JSON and streaming, then approval; a provider that
 * refuses the key is a 502 that shows neither the key nor the provider's answer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectModel } from '../../src/agent/select-model.ts';
import { callToolThenAnswer, startFakeOpenAIServer, type FakeOpenAIServer } from '../support/fake-openai-server.ts';
import { DEMO, httpHarness, parseSse } from './http-harness.ts';

const KEY = 'sk-live-abcdefghijklmnop';
let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const script = callToolThenAnswer(
  'proposeMeasurements',
  () => ({ measurements: [{ input: 'tickets per day', month: '2026-10', value: 160 }] }),
  (out) => `Proposed ${out.proposalId}.`,
);

describe('HTTP over the real providers', () => {
  it('openai-compatible, JSON then approval', async () => {
    server = await startFakeOpenAIServer(script);
    const h = httpHarness(selectModel({ OPENAI_BASE_URL: server.baseURL }).model);
    const chat = await h.json('POST', '/api/chat', { body: { message: 'Delta: tickets per day Oct 160' } });
    expect(chat.status).toBe(200);
    const id = chat.body.proposals[0].proposalId;
    expect(chat.body.text).toBe(`Proposed ${id}.`);
    expect((await h.json('POST', `/api/proposals/${id}/approve`)).body.version).toBe(2);
    expect(h.store.listAudit(DEMO).map((a) => a.approvedBy)).toEqual(['dana']);
  });

  it('openai (chat), streamed to a useChat client', async () => {
    server = await startFakeOpenAIServer(script);
    const h = httpHarness(selectModel({ OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: KEY, VE_PROVIDER: 'openai' }).model);
    const res = await h.request('POST', '/api/chat', {
      body: { id: 'ui-1', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Delta: tickets per day Oct 160' }] }] },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text()).filter((e): e is Record<string, any> => e !== '[DONE]');
    const output = events.find((e) => e.type === 'tool-output-available')!.output;
    expect(output.status).toBe('pending');
    expect(
      events
        .filter((e) => e.type === 'text-delta')
        .map((e) => e.delta)
        .join(''),
    ).toBe(`Proposed ${output.proposalId}.`);
    expect(server.requests.every((r) => r.body.stream === true)).toBe(true);
    expect(h.store.getProposal(output.proposalId)!.status).toBe('pending');
  });

  it('a provider refusing the key: 502, nothing of the provider or the key in the answer or the log', async () => {
    server = await startFakeOpenAIServer([{ status: 401, error: `Incorrect API key provided: ${KEY}` }]);
    const h = httpHarness(selectModel({ OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: KEY, VE_PROVIDER: 'openai' }).model);
    const r = await h.json('POST', '/api/chat', { body: { message: 'hi' } });
    expect(r.status).toBe(502);
    expect(r.body.error.code).toBe('model_unavailable');
    expect(JSON.stringify(r.body)).not.toMatch(/Incorrect|sk-|127\.0\.0\.1/);
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0]).toContain('Incorrect API key provided');
    expect(h.logs[0]).not.toContain(KEY);
    // Streaming: the same failure is an error event (streamText also console.errors it: see docs/http.md).
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await h.request('POST', '/api/chat', { body: { message: 'hi' }, headers: { accept: 'text/event-stream' } });
    const text = await res.text();
    quiet.mockRestore();
    expect(text).not.toContain(KEY);
    expect(text).toMatch(/the assistant could not finish this answer/);
    expect(h.logs.join('\n')).not.toContain(KEY);
  });
});

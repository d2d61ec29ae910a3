/**
 * The used-by flow end to end over HTTP with a scripted model: ask -> tool call
 * (proposeMeasurements on the demo case) -> proposal with its preview in the reply ->
 * nothing changed -> approve via the API -> data changed (summary) -> audit entry; and the
 * same turn as a UI message stream (SSE) for useChat clients.
 */
import { describe, expect, it, vi } from 'vitest';
import { chatReplySchema, approveReplySchema, proposalListSchema, summarySchema } from '../../src/http/response-schemas.ts';
import { scriptedModel, toolThenAnswer } from '../support/scripted-model.ts';
import { DEMO, httpHarness, parseSse } from './http-harness.ts';

/** "Record tickets per day for October: 160 (Zendesk export)" as the model would call it. */
const recordOctober = toolThenAnswer(
  'proposeMeasurements',
  () => ({ businessCase: 'Delta Corp', measurements: [{ input: 'Avg. Tickets per Day', month: 'October', value: 160, source: 'Zendesk export' }] }),
  (out) => (out.error ? `Could not propose: ${out.error}` : `Proposal ${out.proposalId}: ${out.changes.join('; ')}. Approve it to apply.`),
);

describe('POST /api/chat (JSON) -> approve -> data changed -> audit', () => {
  it('runs the whole flow and applies only on approval', async () => {
    const h = httpHarness(scriptedModel(recordOctober));
    const before = await h.json('GET', `/api/business-cases/${DEMO}/summary`);
    expect(before.status).toBe(200);
    expect(before.body.asOf).toBe('2026-11');

    const chat = await h.json('POST', '/api/chat', { body: { message: 'Delta: tickets per day Oct 160 (Zendesk export)' } });
    expect(chat.status).toBe(200);
    expect(chatReplySchema.safeParse(chat.body).success).toBe(true);
    expect(chat.body.threadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(chat.body.proposals).toHaveLength(1);
    const proposal = chat.body.proposals[0];
    expect(proposal).toMatchObject({
      status: 'pending',
      businessCase: 'Delta Corp – Support Automation',
      scenario: 'realization',
      asOf: '2026-11',
      changes: ['recorded Avg. Tickets per Day (tickets_per_day) in 2026-10: 160 tickets/day, source "Zendesk export"'],
    });
    // Oct and Nov 2026 (carried forward) at 160 instead of 158 tickets/day:
    // 15 reps (from June 2026) x 20,000 x (0.60 - 0.58) / 12 = 500 a month, two months to date.
    expect(proposal.after.realizedToDate - proposal.before.realizedToDate).toBeCloseTo(1000, 2);
    expect(chat.body.text).toBe(`Proposal ${proposal.proposalId}: ${proposal.changes[0]}. Approve it to apply.`);

    // Proposed by the token's name, over http, in this conversation; nothing applied yet.
    const stored = h.store.getProposal(proposal.proposalId)!;
    expect(stored).toMatchObject({ proposedBy: 'dana', channel: 'http', thread: `http:${chat.body.threadId}`, status: 'pending' });
    expect(h.store.getCase(DEMO)!.version).toBe(1);
    expect((await h.json('GET', `/api/business-cases/${DEMO}/summary`)).body).toEqual(before.body);

    const pending = await h.json('GET', '/api/proposals');
    expect(pending.status).toBe(200);
    expect(proposalListSchema.safeParse(pending.body).success).toBe(true);
    expect(pending.body.proposals.map((p: any) => p.id)).toEqual([proposal.proposalId]);
    // Where the Slack door keeps its message of the proposal is its own memory, never shown: not in the list, not in a decision.
    h.store.setProposalSlackMessage(proposal.proposalId, { channel: 'C1', ts: '1700000000.000100' });
    const listedAgain = (await h.json('GET', '/api/proposals')).body.proposals[0];
    expect(listedAgain.id).toBe(proposal.proposalId);
    expect(listedAgain).not.toHaveProperty('slackChannel');
    expect(listedAgain).not.toHaveProperty('slackTs');

    const approved = await h.json('POST', `/api/proposals/${proposal.proposalId}/approve`);
    expect(approved.status).toBe(200);
    expect(approveReplySchema.safeParse(approved.body).success).toBe(true);
    expect(approved.body).toMatchObject({ alreadyApplied: false, rechecked: false, version: 2, proposal: { status: 'applied', decidedBy: 'dana' } });
    expect(approved.body.proposal).not.toHaveProperty('slackTs');

    const after = await h.json('GET', `/api/business-cases/${DEMO}/summary`);
    expect(summarySchema.safeParse(after.body).success).toBe(true);
    expect(after.body.realizedToDate - before.body.realizedToDate).toBeCloseTo(1000, 2);
    const theCase = await h.json('GET', `/api/business-cases/${DEMO}`);
    expect(theCase.body.version).toBe(2);

    const audit = h.store.listAudit(DEMO);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      proposalId: proposal.proposalId,
      op: 'recordMeasurement',
      proposedBy: 'dana',
      approvedBy: 'dana',
      versionBefore: 1,
      versionAfter: 2,
    });
    expect(audit[0]!.changes).toEqual(proposal.changes);
    expect((await h.json('GET', '/api/proposals')).body.proposals).toEqual([]);
  });

  it('approving twice applies once', async () => {
    const h = httpHarness(scriptedModel(recordOctober));
    const chat = await h.json('POST', '/api/chat', { body: { message: 'record October' } });
    const id = chat.body.proposals[0].proposalId;
    const first = await h.json('POST', `/api/proposals/${id}/approve`, { body: {} });
    const second = await h.json('POST', `/api/proposals/${id}/approve`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.alreadyApplied).toBe(false);
    expect(second.body).toMatchObject({ alreadyApplied: true, version: 2 });
    expect(second.body.audit).toEqual(first.body.audit);
    expect(h.store.getCase(DEMO)!.version).toBe(2);
    expect(h.store.listAudit(DEMO)).toHaveLength(1);
  });

  it('a rejected proposal changes nothing and cannot be approved afterwards', async () => {
    const h = httpHarness(scriptedModel(recordOctober));
    const chat = await h.json('POST', '/api/chat', { body: { message: 'record October' } });
    const id = chat.body.proposals[0].proposalId;
    const rejected = await h.json('POST', `/api/proposals/${id}/reject`, { body: { reason: 'the export was partial' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ alreadyRejected: false, proposal: { status: 'rejected', decidedBy: 'dana', reason: 'the export was partial' } });
    const again = await h.json('POST', `/api/proposals/${id}/reject`);
    expect(again.body.alreadyRejected).toBe(true);
    const approve = await h.json('POST', `/api/proposals/${id}/approve`);
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe('not_pending');
    expect(h.store.getCase(DEMO)!.version).toBe(1);
    expect(h.store.listAudit(DEMO)).toEqual([]);
  });

  it('an expired proposal is 410 and is not applied', async () => {
    const h = httpHarness(scriptedModel(recordOctober));
    const old = (await h.json('POST', '/api/chat', { body: { message: 'record October' } })).body.proposals[0].proposalId;
    h.clock.advance(8 * 86_400_000);
    const expired = await h.json('POST', `/api/proposals/${old}/approve`);
    expect(expired.status).toBe(410);
    expect(expired.body.error).toMatchObject({ code: 'expired' });
    expect(expired.body.error.message).toMatch(/not decided within 7 days/);
    expect(h.store.getCase(DEMO)!.version).toBe(1);
  });

  it('a proposal made against an older version that no longer does what was previewed is refused (409)', async () => {
    // The value comes from the message: "October 160", "October 170".
    const h = httpHarness(
      scriptedModel(
        toolThenAnswer(
          'proposeMeasurements',
          (text) => ({ measurements: [{ input: 'tickets per day', month: 'October', value: Number(/\d+/.exec(text)![0]) }] }),
          (out) => out.proposalId,
        ),
      ),
    );
    const a = (await h.json('POST', '/api/chat', { body: { message: 'October 160' } })).body.proposals[0].proposalId;
    const b = (await h.json('POST', '/api/chat', { body: { message: 'October 170' } })).body.proposals[0].proposalId;
    expect((await h.json('POST', `/api/proposals/${a}/approve`)).status).toBe(200);
    const stale = await h.json('POST', `/api/proposals/${b}/approve`);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('refused');
    expect(stale.body.error.message).toMatch(/no longer does what was previewed/);
    expect(h.store.getCase(DEMO)!.version).toBe(2);
    expect(h.store.getProposal(b)!.status).toBe('refused');
  });

  it('continues a conversation: the thread id comes back and the history is sent to the model', async () => {
    const model = scriptedModel((call) => ({ text: `heard ${call.userText} after ${call.prompt.filter((m) => m.role === 'user').length - 1} earlier` }));
    const h = httpHarness(model);
    const first = await h.json('POST', '/api/chat', { body: { message: 'one' } });
    const second = await h.json('POST', '/api/chat', { body: { message: 'two', threadId: first.body.threadId } });
    expect(second.body).toEqual({ text: 'heard two after 1 earlier', proposals: [], qbrDrafts: [], threadId: first.body.threadId });
    const fresh = await h.json('POST', '/api/chat', { body: { message: 'three', threadId: 'my-own-thread' } });
    expect(fresh.body).toEqual({ text: 'heard three after 0 earlier', proposals: [], qbrDrafts: [], threadId: 'my-own-thread' });
  });
});

describe('POST /api/chat as a UI message stream', () => {
  it('streams SSE for Accept: text/event-stream, with the tool result and the text', async () => {
    const h = httpHarness(scriptedModel(recordOctober));
    const res = await h.request('POST', '/api/chat', {
      body: { message: 'Delta: tickets per day Oct 160', threadId: 'sse-1' },
      headers: { accept: 'text/event-stream' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(res.headers.get('x-thread-id')).toBe('sse-1');
    const events = parseSse(await res.text());
    expect(events.at(-1)).toBe('[DONE]');
    const objects = events.filter((e): e is Record<string, any> => e !== '[DONE]');
    expect(objects[0]).toMatchObject({ type: 'start', messageMetadata: { threadId: 'sse-1' } });
    const call = objects.find((e) => e.type === 'tool-input-available');
    expect(call).toMatchObject({ toolName: 'proposeMeasurements' });
    const output = objects.find((e) => e.type === 'tool-output-available')!;
    expect(output.output).toMatchObject({
      status: 'pending',
      changes: ['recorded Avg. Tickets per Day (tickets_per_day) in 2026-10: 160 tickets/day, source "Zendesk export"'],
    });
    const text = objects
      .filter((e) => e.type === 'text-delta')
      .map((e) => e.delta)
      .join('');
    expect(text).toBe(`Proposal ${output.output.proposalId}: ${output.output.changes[0]}. Approve it to apply.`);
    expect(objects.some((e) => e.type === 'error')).toBe(false);
    // The proposal exists, pending; the thread was saved when the stream ended.
    expect(h.store.getProposal(output.output.proposalId)!.status).toBe('pending');
    const thread = h.store.getOrCreateThread({ workspaceId: 'default', key: 'http:sse-1', now: h.clock.now().toISOString() });
    expect(h.store.listMessages(thread.id).map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });

  it('answers the useChat body ({ id, messages }) with a stream even without an Accept header', async () => {
    const model = scriptedModel((call) => ({ text: `you said: ${call.userText}` }));
    const h = httpHarness(model);
    const body = {
      id: 'chat-abc',
      trigger: 'submit-message',
      messages: [
        { id: 'm1', role: 'user', parts: [{ type: 'text', text: 'first question' }] },
        { id: 'm2', role: 'assistant', parts: [{ type: 'text', text: 'an answer' }] },
        { id: 'm3', role: 'user', parts: [{ type: 'step-start' }, { type: 'text', text: 'What is realized' }, { type: 'text', text: 'to date?' }] },
      ],
    };
    const res = await h.request('POST', '/api/chat', { body });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text()).filter((e): e is Record<string, any> => e !== '[DONE]');
    expect(
      events
        .filter((e) => e.type === 'text-delta')
        .map((e) => e.delta)
        .join(''),
    ).toBe('you said: What is realized\nto date?');
    expect(res.headers.get('x-thread-id')).toBe('chat-abc');
    // Only the last user message is said; the server's own history is what the model sees.
    expect(model.doStreamCalls[0]!.prompt.filter((m) => m.role === 'user')).toHaveLength(1);
  });

  it('a model failure mid-stream becomes an error event without internals; the log has the detail', async () => {
    const model = scriptedModel(() => {
      throw new Error('upstream exploded at /srv/secret/path');
    });
    const h = httpHarness(model);
    // streamText's default onError writes the raw error to console.error (see docs/http.md).
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await h.request('POST', '/api/chat', { body: { message: 'hello' }, headers: { accept: 'text/event-stream' } });
    const text = await res.text();
    quiet.mockRestore();
    expect(text).not.toContain('/srv/secret/path');
    const error = parseSse(text).find((e) => e !== '[DONE]' && e.type === 'error') as Record<string, any>;
    expect(error.errorText).toMatch(/^the assistant could not finish this answer \(reference [0-9a-f]{8}\)$/);
    expect(h.logs.join('\n')).toContain('upstream exploded');
    expect(h.logs.join('\n')).not.toContain(h.tokens.dana);
  });
});

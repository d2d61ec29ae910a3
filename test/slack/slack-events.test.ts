import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { APPROVE_ACTION, REJECT_ACTION } from '../../src/slack/proposal-blocks.ts';
import { signSlackRequest } from '../../src/slack/verify-slack-signature.ts';
import { answer, BOT_TOKEN, CASE, CHANNEL, MEASURE_OCTOBER, proposalPosts, SIGNING_SECRET, slackHarness, TEAM, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  if (h) {
    // No secret ever reaches the log, whatever the test did.
    expect(h.logs.join('\n')).not.toContain(BOT_TOKEN);
    expect(h.logs.join('\n')).not.toContain(SIGNING_SECRET);
    await h.close();
  }
  h = undefined;
});

describe('Slack events through the HTTP receiver', () => {
  it('a mention produces the reply and a proposal message with Approve / Reject buttons', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [MEASURE_OCTOBER, answer('I propose recording **160** tickets per day for October.')] });
    h = await slackHarness({ model });
    const res = await h.mention('record October tickets per day 160 from the Zendesk export', { ts: '1760000100.000100' });
    expect(res.status).toBe(200);
    await h.idle();

    // The model got the text without the bot mention.
    expect(JSON.stringify(model.doGenerateCalls[0]!.prompt)).toContain('record October tickets per day 160 from the Zendesk export');
    expect(JSON.stringify(model.doGenerateCalls[0]!.prompt)).not.toContain('<@UBOT>');

    const [pending] = h.store.listProposals({ status: 'pending' });
    expect(pending).toMatchObject({
      caseId: CASE,
      proposedBy: 'Dana Scully (slack:UDANA)',
      channel: 'slack',
      thread: `slack:${TEAM}:${CHANNEL}:1760000100.000100`,
    });

    const posts = h.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).toMatchObject({ channel: CHANNEL, thread_ts: '1760000100.000100', text: 'I propose recording *160* tickets per day for October.' });
    const card = proposalPosts(h.api)[0]!.body;
    expect(card).toMatchObject({ channel: CHANNEL, thread_ts: '1760000100.000100' });
    const actions = card.blocks.find((b: any) => b.type === 'actions');
    expect(actions.elements.map((e: any) => [e.action_id, e.value, e.text.text])).toEqual([
      [APPROVE_ACTION, pending!.id, 'Approve'],
      [REJECT_ACTION, pending!.id, 'Reject'],
    ]);
    const text = JSON.stringify(card.blocks);
    expect(text).toContain('recorded Avg. Tickets per Day (tickets_per_day) in 2026-10: 160 tickets/day');
    expect(text).toContain('Total benefit');
    expect(text).toContain('Realized to date');
    expect(text).toContain('Increase Support Team Efficiency');
    expect(text).toContain('<@UDANA>');
    // The table shows the engine's preview figures, formatted.
    const before = pending!.preview[0]!.before!.realizedToDate!;
    const after = pending!.preview[0]!.after.realizedToDate!;
    const money = (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(v);
    expect(text).toContain(money(before));
    expect(text).toContain(money(after));
    // Nothing changed in the business case.
    expect(h.store.getCase(CASE)!.version).toBe(1);
  });

  it('acknowledges at once while the agent is still working', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        await gate;
        return answer('Realized value is on track.');
      },
    });
    h = await slackHarness({ model });
    const res = await h.mention('how are we doing?');
    expect(res.status).toBe(200);
    // Answered while the model has not returned: nothing posted yet.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    release();
    await h.idle();
    expect(h.api.callsTo('chat.postMessage').map((c) => c.body.text)).toEqual(['Realized value is on track.']);
  });

  it('a retried event (same event_id, x-slack-retry-num) is processed once', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [MEASURE_OCTOBER, answer('Proposed.'), answer('again?')] });
    h = await slackHarness({ model });
    const first = await h.mention('record October tickets per day 160', { eventId: 'Ev0RETRY', ts: '1760000100.000200' });
    const again = await h.mention('record October tickets per day 160', { eventId: 'Ev0RETRY', ts: '1760000100.000200' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    await h.idle();
    // And a retry marked as such by Slack, after the work is done.
    const retried = await h.event(
      {
        type: 'app_mention',
        user: 'UDANA',
        text: '<@UBOT> record October tickets per day 160',
        ts: '1760000100.000200',
        channel: CHANNEL,
        event_ts: '1760000100.000200',
      },
      { eventId: 'Ev0RETRY', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } },
    );
    expect(retried.status).toBe(200);
    await h.idle();
    expect(model.doGenerateCalls).toHaveLength(2); // one turn: a tool call and the answer
    expect(h.store.listProposals({})).toHaveLength(1);
    expect(proposalPosts(h.api)).toHaveLength(1);
    expect(h.logs.some((l) => /ignored a repeated delivery of event Ev0RETRY \(retry 1\)/.test(l))).toBe(true);
  });

  it('a bad, stale, future or missing signature gets 401 and nothing runs', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [answer('should not run')] });
    h = await slackHarness({ model });
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEAM,
      event_id: 'Ev0BAD',
      event: { type: 'app_mention', user: 'UDANA', text: '<@UBOT> hi', ts: '1.1', channel: CHANNEL },
    });
    const now = Math.floor(Date.now() / 1000);
    const responses = [
      await h.post(body, { signature: signSlackRequest('another-secret', now, body) }),
      await h.post(body, { signature: 'v0=' + '0'.repeat(64) }),
      await h.post(body, { signature: 'v1=abc' }),
      await h.post(body, { timestamp: now - 6 * 60 }), // correctly signed, but older than 5 minutes
      await h.post(body, { timestamp: now + 6 * 60 }), // or from the future
      await h.post(`${body} `, { signature: signSlackRequest(SIGNING_SECRET, now, body) }), // body changed after signing
      await h.http.request('/slack/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    ];
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    await h.idle();
    expect(model.doGenerateCalls).toHaveLength(0);
    expect(h.api.calls).toHaveLength(0);
    expect(h.store.listWorkspaces().map((w) => w.id)).toEqual(['default']);
    // Inside the window, the same body goes through.
    expect((await h.post(body, { timestamp: now - 4 * 60 })).status).toBe(200);
    await h.idle();
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it('answers the URL verification challenge (signed)', async () => {
    h = await slackHarness({ model: new MockLanguageModelV3({ doGenerate: [] }) });
    const res = await h.post(JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'c-123' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('an error inside the agent gives the person a short message, and the log the details without secrets', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error(`model exploded at /srv/app/secret.ts:12 using ${BOT_TOKEN}`);
      },
    });
    h = await slackHarness({ model });
    expect((await h.mention('how are we doing?', { ts: '1760000100.000300' })).status).toBe(200);
    await h.idle();
    const posts = h.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.thread_ts).toBe('1760000100.000300');
    const text: string = posts[0]!.body.text;
    expect(text).toMatch(/^Sorry, something went wrong on my side and I could not finish that\. Nothing was changed\. \(reference `[0-9a-f]{8}`\)$/);
    expect(text).not.toMatch(/exploded|secret\.ts|Error|at /);
    const reference = /`([0-9a-f]{8})`/.exec(text)![1]!;
    const line = h.logs.find((l) => l.includes(reference))!;
    expect(line).toContain('model exploded');
    expect(line).toContain('[redacted]');
    expect(h.store.listProposals({})).toHaveLength(0);
  });

  it('one conversation per Slack thread: a reply in the thread carries the history, another thread starts fresh', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [answer('First answer.'), answer('Second answer.'), answer('Third answer.')] });
    h = await slackHarness({ model });
    await h.mention('first question', { ts: '1760000100.000400' });
    await h.idle();
    await h.mention('follow-up question', { ts: '1760000100.000500', threadTs: '1760000100.000400' });
    await h.idle();
    await h.mention('unrelated question', { ts: '1760000100.000600' });
    await h.idle();
    const prompts = model.doGenerateCalls.map((c) => JSON.stringify(c.prompt));
    expect(prompts[1]).toContain('first question');
    expect(prompts[1]).toContain('First answer.');
    expect(prompts[2]).not.toContain('first question');
    expect(h.api.callsTo('chat.postMessage').map((c) => c.body.thread_ts)).toEqual(['1760000100.000400', '1760000100.000400', '1760000100.000600']);
  });

  it('direct messages get answered in a thread under the message', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [answer('Hello from the DM.')] });
    h = await slackHarness({ model });
    await h.event({
      type: 'message',
      channel: 'D0DANA',
      channel_type: 'im',
      user: 'UDANA',
      text: 'hi there',
      ts: '1760000300.000100',
      event_ts: '1760000300.000100',
    });
    // The bot's own message (echoed back by Slack) is ignored.
    await h.event({
      type: 'message',
      channel: 'D0DANA',
      channel_type: 'im',
      user: 'UBOT',
      bot_id: 'BBOT',
      text: 'Hello from the DM.',
      ts: '1760000300.000200',
      event_ts: '1760000300.000200',
    });
    await h.idle();
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage').map((c) => c.body)).toEqual([
      expect.objectContaining({ channel: 'D0DANA', thread_ts: '1760000300.000100', text: 'Hello from the DM.' }),
    ]);
  });

  it('assistant threads: greeting and suggested prompts, then "is thinking" while the agent works', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [answer('Realized to date is on track.')] });
    h = await slackHarness({ model });
    await h.event({
      type: 'assistant_thread_started',
      assistant_thread: { user_id: 'UDANA', context: {}, channel_id: 'D0ASSIST', thread_ts: '1760000400.000100' },
      event_ts: '1760000400.000200',
    });
    await h.idle();
    expect(h.api.callsTo('chat.postMessage')[0]!.body).toMatchObject({ channel: 'D0ASSIST', thread_ts: '1760000400.000100' });
    const prompts = h.api.callsTo('assistant.threads.setSuggestedPrompts')[0]!.body;
    expect(prompts).toMatchObject({ channel_id: 'D0ASSIST', thread_ts: '1760000400.000100' });
    // Built from the workspace's own (only) case.
    expect(prompts.prompts.map((p: { title: string }) => p.title)).toEqual([
      'How is Delta Corp – Support Automation doing?',
      "Record this month's measurements",
      'Draft the QBR',
    ]);

    h.api.clear();
    await h.event({
      type: 'message',
      channel: 'D0ASSIST',
      channel_type: 'im',
      user: 'UDANA',
      text: 'how is Delta doing?',
      ts: '1760000400.000300',
      thread_ts: '1760000400.000100',
      event_ts: '1760000400.000300',
    });
    await h.idle();
    expect(h.api.calls.map((c) => c.method).filter((m) => m.startsWith('assistant.') || m === 'chat.postMessage')).toEqual([
      'assistant.threads.setStatus',
      'chat.postMessage',
    ]);
    expect(h.api.callsTo('assistant.threads.setStatus')[0]!.body).toMatchObject({
      channel_id: 'D0ASSIST',
      thread_ts: '1760000400.000100',
      status: 'is thinking…',
    });
    expect(h.api.callsTo('chat.postMessage')[0]!.body).toMatchObject({
      channel: 'D0ASSIST',
      thread_ts: '1760000400.000100',
      text: 'Realized to date is on track.',
    });
    expect(model.doGenerateCalls).toHaveLength(1);
  });
});

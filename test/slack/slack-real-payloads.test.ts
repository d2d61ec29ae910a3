/**
 * Slack as it really behaves (issue 14), with correctly signed requests built from Slack's
 * documented payload shapes: text arrives entity-encoded and with link and mention markup
 * (decoded before anything reads it); the agent view's `app_home_opened` (`tab: "messages"`)
 * greets with prompts from the workspace's own cases; a retried delivery that arrives after a
 * restart (a new app over the same store) is not processed again.
 */
import { MockLanguageModelV3 } from 'ai/test';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../src/slack/decode-slack-text.ts';
import { createSlackApp } from '../../src/slack/create-slack-app.ts';
import { mountSlack } from '../../src/slack/mount-slack.ts';
import { signSlackRequest } from '../../src/slack/verify-slack-signature.ts';
import { importCase } from '../../src/proposals/index.ts';
import { sampleCase } from '../support/sample-case.ts';
import { rejectProposal } from '../../src/app/reject-proposal.ts';
import { createApp } from '../../src/http/index.ts';
import { capMrkdwn } from '../../src/slack/slack-mrkdwn.ts';
import { blockProblem, refuseAboveSlackLimits } from './slack-limits.ts';
import { answer, BOT_TOKEN, CHANNEL, MEASURE_OCTOBER, proposalPosts, SIGNING_SECRET, slackHarness, TEAM, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const promptText = (model: MockLanguageModelV3, call = 0) => JSON.stringify(model.doGenerateCalls[call]!.prompt);

describe('decodeSlackText', () => {
  it('decodes entities, links with and without labels, user, channel and special mentions', () => {
    expect(decodeSlackText('R&amp;D &lt;ops&gt; &amp;lt;literal&amp;gt;')).toBe('R&D <ops> &lt;literal&gt;');
    expect(decodeSlackText('from <https://example.com/export?a=1&amp;b=2|the export>')).toBe('from the export (https://example.com/export?a=1&b=2)');
    expect(decodeSlackText('see <https://example.com/x>')).toBe('see https://example.com/x');
    expect(decodeSlackText('ask <@U0ANA|ana> or <@U0SAM> in <#C0VALUE|value> or <#C0OPS>')).toBe('ask @ana or @U0SAM in #value or #C0OPS');
    expect(decodeSlackText('<!here> <!subteam^S0CS|@cs-team> <mailto:ana@example.com|ana@example.com>')).toBe('@here @cs-team ana@example.com');
  });
});

describe('text from Slack reaches the agent decoded', () => {
  it('a mention with entities, link markup and mentions: the model reads what was typed', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [answer('noted')] });
    h = await slackHarness({ model });
    // As Slack sends "R&D <ops> from the export (link) by @ana": entities and markup.
    await h.mention('R&amp;D &lt;ops&gt; numbers from <https://example.com/export|the Zendesk export> by <@U0ANA|ana>');
    await h.idle();
    const prompt = promptText(model);
    expect(prompt).toContain('R&D <ops> numbers from the Zendesk export (https://example.com/export) by @ana');
    expect(prompt).not.toContain('&amp;');
    expect(prompt).not.toContain('<https://');
  });

  it('a case name with & resolves in /ve summary', async () => {
    h = await slackHarness({ model: new MockLanguageModelV3({ doGenerate: [] }) });
    const doc = { ...sampleCase('r-and-d'), name: 'R&D Helpdesk', customer: 'R&D' };
    if (!importCase(h.ctx, { document: doc, importedBy: 'admin' }).ok) throw new Error('import');
    // Slack sends the & of "/ve summary R&D Helpdesk" as &amp;.
    await h.command('summary R&amp;D Helpdesk');
    await h.idle();
    const posted = JSON.stringify(
      h.api.calls.filter((c) => c.method === 'response_url' || c.method.startsWith('files.') || c.method === 'chat.postMessage').map((c) => c.body),
    );
    expect(posted).toContain('R&amp;D Helpdesk');
    expect(posted).not.toContain('no business case called');
  });
});

describe('the agent view', () => {
  it('app_home_opened on the Messages tab greets once a day with prompts from the workspace’s own cases', async () => {
    h = await slackHarness({ model: new MockLanguageModelV3({ doGenerate: [] }), workspaces: { fallback: 'acme', byTeam: {} } });
    if (!importCase(h.ctx, { document: sampleCase(), workspaceId: 'acme', importedBy: 'admin' }).ok) throw new Error('import');
    const opened = (tab: string) => h!.event({ type: 'app_home_opened', user: 'UDANA', channel: 'D0HOME', tab, event_ts: '1760000500.000100' });
    expect((await opened('messages')).status).toBe(200);
    await h.idle();
    const [greeting] = h.api.callsTo('chat.postMessage');
    expect(greeting!.body.channel).toBe('D0HOME');
    expect(greeting!.body.text).toMatch(/^Hi, I'm your value engineer/);
    const blocks = JSON.stringify(greeting!.body.blocks);
    expect(blocks).toContain('How is Acme Helpdesk doing?');
    expect(blocks).toContain('Draft the QBR for Acme Helpdesk for last quarter.');
    expect(blocks).not.toContain('Delta');
    // Opened again the same day (another event), or the Home tab: no second greeting.
    await opened('messages');
    await opened('home');
    await h.idle();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('event dedupe survives a restart', () => {
  it('a retry of an event delivered before the restart is not processed again', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [answer('first answer'), answer('should not happen')] });
    h = await slackHarness({ model });
    const body = JSON.stringify({
      token: 'legacy-verification-token',
      team_id: TEAM,
      api_app_id: 'A0VE',
      type: 'event_callback',
      event_id: 'Ev0RESTART',
      event_time: 1760000000,
      authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      event: { type: 'app_mention', user: 'UDANA', text: '<@UBOT> hello', ts: '1760000600.000100', channel: CHANNEL, event_ts: '1760000600.000100' },
    });
    expect((await h.post(body)).status).toBe(200);
    await h.idle();
    expect(model.doGenerateCalls).toHaveLength(1);

    // The process restarts: a new app (nothing in memory) over the same store and the same fake Slack.
    const restarted = createSlackApp({
      store: h.store,
      now: h.clock.now,
      model,
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      slackApiUrl: h.api.apiUrl,
      clientOptions: { retryConfig: { retries: 0 } },
      logger: h.slack.app.logger,
    });
    const http = new Hono();
    mountSlack(http, restarted.handler!);
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await http.request('/slack/events', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackRequest(SIGNING_SECRET, timestamp, body),
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      },
      body,
    });
    expect(res.status).toBe(200);
    await restarted.idle();
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage').map((c) => c.body.text)).toEqual(['first answer']);
  });
});

describe('a proposal decided at another door', () => {
  it('an approval over HTTP updates the proposal’s Slack message (no buttons left), once', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [MEASURE_OCTOBER, answer('Proposed.')] });
    h = await slackHarness({ model });
    await h.mention('record October tickets per day 160', { ts: '1760000700.000100' });
    await h.idle();
    const [card] = proposalPosts(h.api);
    const [pending] = h.store.listProposals({ status: 'pending' });
    // The message that shows it is kept with the proposal.
    expect(h.store.getProposal(pending!.id)).toMatchObject({ slackChannel: CHANNEL, slackTs: card!.response!.ts });

    const slack = h.slack;
    const token = h.store.createApiToken({ workspaceId: 'default', name: 'dana', now: h.clock.now().toISOString() }).token;
    const synced: Array<Promise<number>> = [];
    const app = createApp({ store: h.store, now: h.clock.now, model, log: () => {}, onDecided: () => synced.push(slack.syncDecided()) });
    const res = await app.request(`/api/proposals/${pending!.id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await Promise.all(synced)).toEqual([1]);
    const [update] = h.api.callsTo('chat.update');
    expect(update!.body).toMatchObject({ channel: CHANNEL, ts: card!.response!.ts });
    expect(JSON.stringify(update!.body.blocks)).toContain('Approved');
    expect((update!.body.blocks as Array<{ type: string }>).some((b) => b.type === 'actions')).toBe(false);
    // Done: nothing left to update, a second pass changes nothing.
    expect(h.store.getProposal(pending!.id)!.slackTs).toBeNull();
    expect(await slack.syncDecided()).toBe(0);
    expect(h.api.callsTo('chat.update')).toHaveLength(1);
  });
});

describe("Slack's limits", () => {
  it('capMrkdwn cuts between entities and markup, never inside them', () => {
    // 'R&amp;D' is 7 characters; a cut at 4 would leave 'R&am': it cuts before the entity.
    expect(capMrkdwn('R&amp;D and more', 5)).toBe('R…');
    expect(capMrkdwn('ask <@U0ANA> now', 8)).toBe('ask …');
    expect(capMrkdwn('short', 10)).toBe('short');
    expect(capMrkdwn(`${'x'.repeat(10)}&lt;`, 13)).toBe(`${'x'.repeat(10)}…`);
  });

  it('a 3,351-character rejection reason and names with <, > and & fit Slack: the update is accepted, the buttons are gone, nothing is split', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [MEASURE_OCTOBER, answer('Proposed.')] });
    h = await slackHarness({ model });
    refuseAboveSlackLimits(h.api);
    await h.mention('record October tickets per day 160', { ts: '1760000800.000100' });
    await h.idle();
    const [pending] = h.store.listProposals({ status: 'pending' });
    // A reason of 3,351 characters, full of characters mrkdwn escapes (each & becomes 5).
    const reason = `R&D <ops> said no. ${'Too high & not measured; '.repeat(134)}`.slice(0, 3351);
    expect(reason.length).toBe(3351);
    const r = rejectProposal({ store: h.store, now: h.clock.now }, { proposalId: pending!.id, rejectedBy: 'sam', reason });
    expect(r.ok).toBe(true);
    expect(await h.slack.syncDecided()).toBe(1);
    const [update] = h.api.callsTo('chat.update');
    expect(update!.response).toMatchObject({ ok: true });
    const blocks = update!.body.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    const head = blocks[0]!.text!.text;
    expect(head.length).toBeLessThanOrEqual(3000);
    expect(head).toContain('R&amp;D &lt;ops&gt; said no.');
    // Cut with an ellipsis, and never in the middle of an entity.
    expect(head).toContain('…');
    expect(head).not.toMatch(/&(a|am|amp|l|lt|g|gt)?…/);
    expect(blockProblem(update!.body)).toBeNull();
  });

  it('use-case names are escaped in the figures table', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [MEASURE_OCTOBER, answer('Proposed.')] });
    h = await slackHarness({ model });
    refuseAboveSlackLimits(h.api);
    // The demo's first use case renamed to something mrkdwn would act on.
    const record = h.store.getCase('delta-corp-support-automation')!;
    const doc = structuredClone(record.document);
    for (const s of doc.scenarios) s.useCases[0]!.name = 'Support <!channel> & R&D';
    expect(h.store.updateCaseDocument({ id: record.key, expectedVersion: 1, document: doc, now: h.clock.now().toISOString() })).toBe(true);
    await h.mention('record October tickets per day 160');
    await h.idle();
    const [card] = proposalPosts(h.api);
    expect(card!.response).toMatchObject({ ok: true });
    const table = (card!.body.blocks as Array<{ text?: { text: string } }>).map((b) => b.text?.text ?? '').find((t) => t.startsWith('```'))!;
    expect(table).toContain('Support &lt;!channel&gt; &amp; R&amp;D');
    expect(table).not.toContain('<!channel>');
  });
});

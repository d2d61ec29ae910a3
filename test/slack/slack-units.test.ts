import { MockLanguageModelV3 } from 'ai/test';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { mayDecide } from '../../src/slack/approver-policy.ts';
import { stripMention, slackThreadKey } from '../../src/slack/converse.ts';
import { createSlackApp } from '../../src/slack/create-slack-app.ts';
import { redactSecrets } from '../../src/errors/index.ts';
import { figuresTable } from '../../src/slack/figures-table.ts';
import { mountSlack } from '../../src/slack/mount-slack.ts';
import { closedMessage, proposalMessage } from '../../src/slack/proposal-blocks.ts';
import { actorFor, mentionFor } from '../../src/slack/slack-actor.ts';
import { slackLogger } from '../../src/slack/slack-logger.ts';
import { toSlackMrkdwn } from '../../src/slack/slack-mrkdwn.ts';
import { slackSettingsFromEnv, workspaceForTeam } from '../../src/slack/slack-settings.ts';
import { signSlackRequest, verifySlackSignature } from '../../src/slack/verify-slack-signature.ts';
import { WebReceiver } from '../../src/slack/web-receiver.ts';
import { startSlack } from '../../src/slack/start-slack.ts';
import { startFakeSlackApi } from '../support/fake-slack-api.ts';
import { memoryStore } from '../support/test-store.ts';
import { collectingLogger } from './slack-harness.ts';

describe('verifySlackSignature', () => {
  const secret = 's3cret';
  const body = 'token=x&team_id=T1&command=%2Fve';
  const now = 1_760_000_000_000;
  const ts = String(now / 1000);
  it("accepts Slack's v0 HMAC within the 5-minute window and refuses the rest", () => {
    const sig = signSlackRequest(secret, Number(ts), body);
    expect(sig).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: sig, nowMs: now })).toEqual({ ok: true });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: sig, nowMs: now + 299_000 })).toEqual({ ok: true });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: sig, nowMs: now + 301_000 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: sig, nowMs: now - 301_000 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifySlackSignature({ signingSecret: 'other', body, timestamp: ts, signature: sig, nowMs: now })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySlackSignature({ signingSecret: secret, body: `${body}&x=1`, timestamp: ts, signature: sig, nowMs: now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: ts, signature: sig.slice(0, -1), nowMs: now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: null, signature: sig, nowMs: now })).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
    expect(verifySlackSignature({ signingSecret: secret, body, timestamp: '12abc', signature: sig, nowMs: now })).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
  });
});

describe('the store remembers Slack deliveries (event dedupe, with a TTL)', () => {
  it('recognises a repeat within the TTL, forgets after it, and keeps only what is recent', () => {
    const t = memoryStore();
    const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
    expect(t.store.firstSightOfSlackEvent('event:Ev1', at(0), 1000)).toBe(true);
    expect(t.store.firstSightOfSlackEvent('event:Ev1', at(0), 1000)).toBe(false);
    expect(t.store.firstSightOfSlackEvent('event:Ev1', at(999), 1000)).toBe(false);
    // 1,000 ms later the row is older than the TTL: deleted, and the id is new again.
    expect(t.store.firstSightOfSlackEvent('event:Ev1', at(2000), 1000)).toBe(true);
    expect(t.handle.sqlite.prepare('select count(*) from slack_events').pluck().get()).toBe(1);
    t.store.close();
  });
});

describe('settings from the environment', () => {
  it('is off without a bot token and explains configuration mistakes without echoing secrets', () => {
    expect(slackSettingsFromEnv({})).toEqual({ kind: 'off' });
    const noSecret = slackSettingsFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1-abc' });
    expect(noSecret).toEqual({ kind: 'invalid', message: expect.stringContaining('SLACK_SIGNING_SECRET is required') });
    const wrongToken = slackSettingsFromEnv({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_SIGNING_SECRET: 'x' });
    expect(wrongToken.kind).toBe('invalid');
    expect(JSON.stringify(wrongToken)).not.toContain('xoxp-user-token-secret');
    expect(slackSettingsFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x', VE_SLACK_APPROVERS: 'dana' }).kind).toBe('invalid');
    expect(slackSettingsFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x', VE_SLACK_WORKSPACES: 'T1:acme' }).kind).toBe('invalid');
  });

  it('reads HTTP mode, Socket Mode, approvers and the workspace mapping', () => {
    const r = slackSettingsFromEnv({
      SLACK_BOT_TOKEN: ' xoxb-1-abc ',
      SLACK_SIGNING_SECRET: 'sig',
      VE_SLACK_APPROVERS: 'U01, U02',
      VE_SLACK_APPROVER_CHANNELS: 'C09',
      VE_SLACK_WORKSPACE: 'acme',
      VE_SLACK_WORKSPACES: 'T0A=globex,T0B=initech',
    });
    expect(r).toEqual({
      kind: 'on',
      settings: {
        botToken: 'xoxb-1-abc',
        signingSecret: 'sig',
        appToken: null,
        slackApiUrl: null,
        approvers: { users: ['U01', 'U02'], channels: ['C09'] },
        workspaces: { fallback: 'acme', byTeam: { T0A: 'globex', T0B: 'initech' } },
      },
    });
    if (r.kind !== 'on') throw new Error('unreachable');
    expect(workspaceForTeam(r.settings.workspaces, 'T0B')).toBe('initech');
    expect(workspaceForTeam(r.settings.workspaces, 'T0Z')).toBe('acme');
    const socket = slackSettingsFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-x' });
    expect(socket).toMatchObject({ kind: 'on', settings: { appToken: 'xapp-1-x', signingSecret: null, workspaces: { fallback: 'default', byTeam: {} } } });
  });
});

describe('small pieces', () => {
  it('approver policy: anyone by default; else listed users or listed channels', () => {
    expect(mayDecide({ users: [], channels: [] }, { userId: 'U1', channelId: 'C1' })).toBe(true);
    expect(mayDecide({ users: ['U1'], channels: [] }, { userId: 'U1', channelId: 'C1' })).toBe(true);
    expect(mayDecide({ users: ['U1'], channels: [] }, { userId: 'U2', channelId: 'C1' })).toBe(false);
    expect(mayDecide({ users: ['U1'], channels: ['C2'] }, { userId: 'U2', channelId: 'C2' })).toBe(true);
    expect(mayDecide({ users: [], channels: ['C2'] }, { userId: 'U2', channelId: undefined })).toBe(false);
  });

  it('actors, mentions, thread keys, mention stripping, secret redaction', () => {
    expect(actorFor('U1', 'Dana (Ops)')).toBe('Dana  Ops (slack:U1)');
    expect(actorFor('U1', null)).toBe('slack:U1');
    expect(mentionFor('Dana Scully (slack:U1AB)')).toBe('<@U1AB>');
    expect(mentionFor('slack:U1AB')).toBe('<@U1AB>');
    expect(mentionFor('sam <admin>')).toBe('sam &lt;admin&gt;');
    expect(slackThreadKey('T1', 'C1', '1.2')).toBe('slack:T1:C1:1.2');
    // Other mentions are decoded (decodeSlackText): the agent reads @UDANA, not Slack's markup.
    expect(stripMention("<@UBOT> record <@UDANA>'s numbers", 'UBOT')).toBe("record @UDANA's numbers");
    expect(redactSecrets('token xoxb-123-abc and xapp-1-A-b and sk-proj-abcdefghijkl and Bearer abc.def')).toBe(
      'token [redacted] and [redacted] and [redacted] and [redacted]',
    );
  });

  it("notification texts escape people's text: a note, a case name or a reason cannot mention @channel or forge a link", () => {
    const figures = { total: 1, realizedToDate: 1, measuredToDate: 1, assumedToDate: 0, useCases: [] };
    const proposal = proposalMessage(
      {
        proposalId: 'p1',
        businessCase: 'A & <B>',
        status: 'pending',
        currency: 'USD',
        scenario: 's',
        asOf: '2026-11',
        changes: ['recorded X in 2026-10: 1, note "<!channel> <https://x.test|pay>"'],
        before: figures,
        after: figures,
      },
      'dana',
    );
    expect(proposal.text).toBe(
      'Proposal for A &amp; &lt;B&gt;: recorded X in 2026-10: 1, note "&lt;!channel&gt; &lt;https://x.test|pay&gt;". Approve or reject it here.',
    );
    const closed = closedMessage({ proposalId: 'p1', businessCase: 'A', changes: [], headline: 'Rejected by <@U1>', reason: '<!here> no' });
    expect(closed.text).toBe('Rejected by @U1 (A): &lt;!here&gt; no');
  });

  it('a proposal message shows its plausibility warnings under what will change, escaped; none, no section', () => {
    const figures = { total: 1, realizedToDate: 1, measuredToDate: 1, assumedToDate: 0, useCases: [] };
    const view = {
      proposalId: 'p1',
      businessCase: 'A',
      status: 'pending' as const,
      currency: 'USD',
      scenario: 's',
      asOf: '2026-11',
      changes: ['recorded X in 2026-10: -50'],
      before: figures,
      after: figures,
    };
    const flagged = proposalMessage({ ...view, warnings: ['X in 2026-10: -50 tickets is a negative count <!here>'] }, 'dana');
    const texts = flagged.blocks.map((b) => (b.type === 'section' ? (b.text as { text: string }).text : ''));
    expect(texts[2]).toBe('*:warning: Check before approving*\n• X in 2026-10: -50 tickets is a negative count &lt;!here&gt;');
    expect(proposalMessage({ ...view, warnings: [] }, 'dana').blocks).toHaveLength(flagged.blocks.length - 1);
  });

  it('the default logger writes one redacted line per entry, INFO and above', () => {
    const lines: string[] = [];
    const log = slackLogger((l) => lines.push(l));
    log.debug('noise');
    log.info('connected', { bot: 'UBOT' });
    log.error(new Error('auth failed for xoxb-999-secret'));
    expect(lines).toEqual(['[slack] info: connected {"bot":"UBOT"}', '[slack] error: Error: auth failed for [redacted]']);
  });

  it('Markdown becomes Slack mrkdwn; tables go into code blocks; control characters are escaped', () => {
    expect(toSlackMrkdwn('## Result\n**Realized**: $1 < $2 & [link](https://x.test/a?b=1&c=2)')).toBe(
      '*Result*\n*Realized*: $1 &lt; $2 &amp; <https://x.test/a?b=1&amp;c=2|link>',
    );
    expect(toSlackMrkdwn('Figures:\n| a | b |\n|---|---|\n| 1 | 2 |\nDone')).toBe('Figures:\n```\n| a | b |\n| 1 | 2 |\n```\nDone');
    expect(toSlackMrkdwn('<!channel> hi')).toBe('&lt;!channel&gt; hi');
  });

  it('the figures table shows the engine figures before and after, full use case names on their own line', () => {
    const before = {
      total: 1000,
      realizedToDate: 400,
      measuredToDate: 300,
      assumedToDate: 100,
      useCases: [{ id: 'u', name: 'A rather long use case name that goes on', total: 1000, realizedToDate: 400 }],
    };
    const after = { ...before, total: 1500.5, realizedToDate: 600, useCases: [{ ...before.useCases[0]!, total: 1500.5, realizedToDate: 600 }] };
    expect(figuresTable(before, after, 'EUR')).toBe(
      [
        '                              Before           After',
        'Total benefit              €1,000.00       €1,500.50',
        'Realized to date             €400.00         €600.00',
        'A rather long use case name that goes on',
        '  total                    €1,000.00       €1,500.50',
        '  realized to date           €400.00         €600.00',
      ].join('\n'),
    );
    expect(figuresTable(null, after, 'EUR').split('\n')[1]).toBe('Total benefit                      —       €1,500.50');
  });
});

describe('the receiver and the app factory', () => {
  const logs: string[] = [];
  const logger = collectingLogger(logs);

  it('answers 200 by the deadline when no listener acknowledges, 405 for GET, 413 for huge bodies, 400 for garbage', async () => {
    const receiver = new WebReceiver({ signingSecret: 'sig', logger, ackDeadlineMs: 50 });
    let finish!: () => void;
    receiver.init({ processEvent: () => new Promise<void>((r) => (finish = r)) } as never);
    const http = mountSlack(new Hono(), receiver.handle);
    const signed = (body: string, type = 'application/json') => {
      const ts = Math.floor(Date.now() / 1000);
      return http.request('/slack/events', {
        method: 'POST',
        headers: { 'content-type': type, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signSlackRequest('sig', ts, body) },
        body,
      });
    };
    // The listener never acknowledges and its work is still pending: the answer can only come from the deadline.
    const res = await signed(JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention' } }));
    expect(res.status).toBe(200);
    let idle = false;
    const waiting = receiver.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(idle).toBe(false); // the work is still going on
    finish();
    await waiting;
    expect(idle).toBe(true);
    expect(logs.some((l) => l.includes('no acknowledgement within the deadline'))).toBe(true);

    expect((await http.request('/slack/events', { method: 'GET' })).status).toBe(404); // only POST is mounted
    expect((await receiver.handle(new Request('http://x/slack/events', { method: 'GET' }))).status).toBe(405);
    expect((await signed('x'.repeat(1024 * 1024 + 1))).status).toBe(413);
    expect((await signed('{not json')).status).toBe(400);
  });

  it('mountSlack passes the exact body even when a middleware read it first', async () => {
    const receiver = new WebReceiver({ signingSecret: 'sig', logger });
    const http = new Hono();
    http.use('*', async (c, next) => {
      await c.req.text(); // e.g. a request logger
      await next();
    });
    mountSlack(http, receiver.handle);
    const body = JSON.stringify({ type: 'url_verification', challenge: 'after-middleware' });
    const ts = Math.floor(Date.now() / 1000);
    const res = await http.request('/slack/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signSlackRequest('sig', ts, body) },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'after-middleware' });
  });

  it('Socket Mode when an app token is given (no handler to mount); HTTP needs a signing secret', () => {
    const t = memoryStore();
    const model = new MockLanguageModelV3({ doGenerate: [] });
    const socket = createSlackApp({ store: t.store, now: t.clock.now, model, botToken: 'xoxb-1', appToken: 'xapp-1', logger });
    expect(socket.mode).toBe('socket');
    expect(socket.handler).toBeNull();
    expect(() => createSlackApp({ store: t.store, now: t.clock.now, model, botToken: 'xoxb-1', logger })).toThrow(/signing secret is required/);
    const http = createSlackApp({ store: t.store, now: t.clock.now, model, botToken: 'xoxb-1', signingSecret: 's', logger });
    expect(http.mode).toBe('http');
    expect(typeof http.handler).toBe('function');
    t.store.close();
  });

  it('startSlack (ve serve) returns the HTTP handler at once, checks the token in the background; a bad token is retried a bounded number of times, logged, not fatal', async () => {
    const api = await startFakeSlackApi();
    const t = memoryStore();
    const model = new MockLanguageModelV3({ doGenerate: [] });
    const settings = {
      botToken: 'xoxb-1-secret',
      signingSecret: 'sig',
      appToken: null,
      slackApiUrl: api.apiUrl,
      approvers: { users: [], channels: [] },
      workspaces: { fallback: 'default', byTeam: {} },
    };
    const lines: string[] = [];
    const running = startSlack({ store: t.store, now: t.clock.now, model, settings, logger: collectingLogger(lines) });
    expect(running.mode).toBe('http');
    expect(running.description).toBe('Slack: events, interactivity and /ve at POST /slack/events');
    expect(running.state()).toEqual({ status: 'connecting', attempts: 0 });
    expect(await running.settled).toEqual({ status: 'connected', attempts: 1 });
    expect(api.callsTo('auth.test')).toHaveLength(1);
    expect(api.callsTo('auth.test')[0]!.authorized).toBe(true);
    expect(lines.some((l) => l.includes('connected as bot user UBOT in team T0TEST'))).toBe(true);
    const body = JSON.stringify({ type: 'url_verification', challenge: 'ok' });
    const ts = Math.floor(Date.now() / 1000);
    const res = await running.handler!(
      new Request('http://x/slack/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signSlackRequest('sig', ts, body) },
        body,
      }),
    );
    expect(await res.json()).toEqual({ challenge: 'ok' });
    await running.stop();

    api.on('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    api.clear();
    api.on('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const failing = startSlack({ store: t.store, now: t.clock.now, model, settings, logger: collectingLogger(lines), connectDelaysMs: [1] });
    expect(failing.mode).toBe('http');
    // Five attempts (CONNECT_ATTEMPTS), then it gives up; the handler was there all along.
    expect(await failing.settled).toMatchObject({ status: 'unreachable', attempts: 5, detail: expect.stringContaining('invalid_auth') });
    expect(api.callsTo('auth.test')).toHaveLength(5);
    expect(failing.handler).not.toBeNull();
    expect(lines.some((l) => l.includes('attempt 5 of 5') && l.includes('giving up'))).toBe(true);
    await failing.stop();
    expect(lines.join('\n')).not.toContain('xoxb-1-secret');
    await api.close();
    t.store.close();
  });
});

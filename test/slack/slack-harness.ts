import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import type { LanguageModelV3, LanguageModelV3GenerateResult } from '@ai-sdk/provider';
import { Hono } from 'hono';
import { importCase } from '../../src/proposals/index.ts';
import { createSlackApp, type SlackApp } from '../../src/slack/create-slack-app.ts';
import { mountSlack } from '../../src/slack/mount-slack.ts';
import type { ApproverPolicy, WorkspaceMapping } from '../../src/slack/slack-settings.ts';
import { signSlackRequest } from '../../src/slack/verify-slack-signature.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.ts';
import { memoryStore, type TestStore } from '../support/test-store.ts';
import { demoJson } from '../tools/tool-harness.ts';

/** The demo case's id. */
export const CASE = 'delta-corp-support-automation';
export const TEAM = 'T0TEST';
export const CHANNEL = 'C0VALUE';
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-0000-secret-token';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** A scripted model step that calls one tool. */
export function toolCall(toolName: string, input: unknown, toolCallId = 'call-1'): LanguageModelV3GenerateResult {
  return {
    content: [{ type: 'tool-call', toolCallId, toolName, input: JSON.stringify(input) }],
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage,
    warnings: [],
  };
}

/** A scripted model step that answers with text. */
export function answer(text: string): LanguageModelV3GenerateResult {
  return { content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
}

/** The proposeMeasurements call the tests script: tickets per day in October 2026. */
export const MEASURE_OCTOBER = toolCall('proposeMeasurements', {
  businessCase: 'Delta Corp',
  measurements: [{ input: 'tickets per day', month: '2026-10', value: 160, source: 'Zendesk export' }],
});

/** A logger that keeps every line (to check what was logged, and that no secret was). */
export function collectingLogger(lines: string[]): Logger {
  let level = LogLevel.DEBUG;
  const put =
    (l: string) =>
    (...msg: unknown[]) => {
      lines.push(`${l} ${msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? `${m.name}: ${m.message}` : JSON.stringify(m))).join(' ')}`);
    };
  return {
    debug: put('debug'),
    info: put('info'),
    warn: put('warn'),
    error: put('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Options of a Slack test: the scripted model and, optionally, who may approve and the QBR writer. */
export interface HarnessOptions {
  model: LanguageModelV3;
  /** The model QBR drafts are written with; default: the offline template. */
  qbrModel?: LanguageModelV3 | null;
  approvers?: ApproverPolicy;
  workspaces?: WorkspaceMapping;
}

/** Everything a Slack test drives: the fake Slack, the store, the app behind a hono server, signed senders. */
export interface SlackHarness extends TestStore {
  api: FakeSlackApi;
  slack: SlackApp;
  http: Hono;
  logs: string[];
  /** Posts a raw body to /slack/events, signed (unless `signature` is given) with the current time. */
  post(body: string, options?: { contentType?: string; timestamp?: number; signature?: string; headers?: Record<string, string> }): Promise<Response>;
  /** Sends an Events API callback. */
  event(event: Record<string, unknown>, options?: { eventId?: string; headers?: Record<string, string> }): Promise<Response>;
  /** A channel mention of the bot by `user`. */
  mention(text: string, options?: { user?: string; ts?: string; threadTs?: string; eventId?: string }): Promise<Response>;
  /** Clicks a proposal button on the message `messageTs` in `channel`. */
  click(actionId: string, proposalId: string, options: { user: string; messageTs: string; channel?: string; team?: string }): Promise<Response>;
  /** Submits the reject modal. */
  submitView(
    callbackId: string,
    privateMetadata: string,
    values: Record<string, Record<string, { type: string; value: string | null }>>,
    user: string,
  ): Promise<Response>;
  /** Runs `/ve <text>` as `user`. */
  command(text: string, user?: string, channel?: string): Promise<Response>;
  /** Waits for the background work, then returns. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

let eventSeq = 0;

/** A Slack app over a memory store with the demo case (clock: 20 Nov 2026) and a local fake Slack API. */
export async function slackHarness(options: HarnessOptions): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  api.users.UDANA = 'Dana Scully';
  api.users.USAM = 'Sam Carter';
  api.users.UALEX = 'Alex Krycek';
  const t = memoryStore();
  t.clock.set('2026-11-20T10:00:00.000Z');
  const imported = importCase(t.ctx, { document: demoJson(), importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  const logs: string[] = [];
  const slack = createSlackApp({
    store: t.store,
    now: t.clock.now,
    model: options.model,
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    slackApiUrl: api.apiUrl,
    clientOptions: { retryConfig: { retries: 0 } },
    logger: collectingLogger(logs),
    ...(options.approvers ? { approvers: options.approvers } : {}),
    ...(options.workspaces ? { workspaces: options.workspaces } : {}),
    ...(options.qbrModel !== undefined ? { qbrModel: options.qbrModel } : {}),
  });
  const http = new Hono();
  mountSlack(http, slack.handler!);

  const post: SlackHarness['post'] = (body, o = {}) => {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    return Promise.resolve(
      http.request('/slack/events', {
        method: 'POST',
        headers: {
          'content-type': o.contentType ?? 'application/json',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': o.signature ?? signSlackRequest(SIGNING_SECRET, timestamp, body),
          ...o.headers,
        },
        body,
      }),
    );
  };
  const event: SlackHarness['event'] = (e, o = {}) =>
    post(
      JSON.stringify({
        token: 'legacy-verification-token',
        team_id: TEAM,
        api_app_id: 'A0VE',
        type: 'event_callback',
        event_id: o.eventId ?? `Ev${++eventSeq}`,
        event_time: 1760000000,
        authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
        event: e,
      }),
      o.headers ? { headers: o.headers } : {},
    );
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formType = 'application/x-www-form-urlencoded';

  return {
    ...t,
    api,
    slack,
    http,
    logs,
    post,
    event,
    mention: (text, o = {}) => {
      const ts = o.ts ?? `1760000100.${String(++eventSeq).padStart(6, '0')}`;
      return event(
        {
          type: 'app_mention',
          user: o.user ?? 'UDANA',
          text: `<@UBOT> ${text}`,
          ts,
          channel: CHANNEL,
          event_ts: ts,
          ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
        },
        o.eventId ? { eventId: o.eventId } : {},
      );
    },
    click: (actionId, proposalId, o) => {
      const channel = o.channel ?? CHANNEL;
      const payload = {
        type: 'block_actions',
        team: { id: o.team ?? TEAM, domain: 'test' },
        user: { id: o.user, username: o.user.toLowerCase(), team_id: o.team ?? TEAM },
        api_app_id: 'A0VE',
        token: 'legacy-verification-token',
        trigger_id: `trigger-${++eventSeq}`,
        response_url: `${api.origin}/response/${eventSeq}`,
        container: { type: 'message', message_ts: o.messageTs, channel_id: channel, is_ephemeral: false },
        channel: { id: channel, name: 'value' },
        message: { type: 'message', ts: o.messageTs, text: 'Proposal' },
        actions: [{ type: 'button', action_id: actionId, block_id: `ve_proposal:${proposalId}`, value: proposalId, action_ts: '1760000200.000000' }],
      };
      return post(form({ payload: JSON.stringify(payload) }), { contentType: formType });
    },
    submitView: (callbackId, privateMetadata, values, user) => {
      const payload = {
        type: 'view_submission',
        team: { id: TEAM, domain: 'test' },
        user: { id: user, name: user.toLowerCase(), team_id: TEAM },
        api_app_id: 'A0VE',
        token: 'legacy-verification-token',
        trigger_id: `trigger-${++eventSeq}`,
        view: {
          id: 'V0MODAL',
          type: 'modal',
          callback_id: callbackId,
          private_metadata: privateMetadata,
          state: { values },
          hash: 'h',
          team_id: TEAM,
          app_id: 'A0VE',
          blocks: [],
        },
      };
      return post(form({ payload: JSON.stringify(payload) }), { contentType: formType });
    },
    command: (text, user = 'UDANA', channel = CHANNEL) =>
      post(
        form({
          token: 'legacy-verification-token',
          team_id: TEAM,
          team_domain: 'test',
          channel_id: channel,
          channel_name: 'value',
          user_id: user,
          user_name: user.toLowerCase(),
          command: '/ve',
          text,
          api_app_id: 'A0VE',
          response_url: `${api.origin}/response/${++eventSeq}`,
          trigger_id: `trigger-${eventSeq}`,
        }),
        { contentType: formType },
      ),
    idle: () => slack.idle(),
    close: async () => {
      await slack.idle();
      await api.close();
      t.store.close();
    },
  };
}

/** The proposal messages (those with Approve / Reject buttons) the fake Slack received. */
export function proposalPosts(api: FakeSlackApi) {
  return api.callsTo('chat.postMessage').filter((c) => Array.isArray(c.body.blocks) && c.body.blocks.some((b: { type: string }) => b.type === 'actions'));
}

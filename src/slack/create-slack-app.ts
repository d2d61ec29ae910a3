import { App, webApi, type AuthorizeResult, type Logger } from '@slack/bolt';
import type { LanguageModel } from 'ai';
import type { Store } from '../app/store.ts';
import { DEFAULT_WORKSPACE } from '../proposals/default-workspace.ts';
import { converse, stripMention } from './converse.ts';
import { csvFilesOf, importSharedCsv, registerCsvShare } from './csv-share.ts';
import { describeError } from '../errors/index.ts';
import { registerAppHome } from './app-home.ts';
import { DEDUPE_TTL_MS } from './event-deduper.ts';
import { registerProposalActions } from './proposal-actions.ts';
import { syncDecidedMessages } from './sync-decided.ts';
import { SlackNames } from './slack-actor.ts';
import { slackLogger } from './slack-logger.ts';
import type { SlackDeps } from './slack-deps.ts';
import { defaultApprovers, type ApproverPolicy, type WorkspaceMapping } from './slack-settings.ts';
import { createVeAssistant } from './ve-assistant.ts';
import { registerVeCommand } from './ve-command.ts';
import { WebReceiver } from './web-receiver.ts';
import { firstSight } from '../app/door-memory.ts';

/** What the Slack door needs: the same store, clock and model as every door, and Slack's credentials. */
export interface SlackAppOptions {
  store: Store;
  now: () => Date;
  model: LanguageModel;
  /**
   * The language model QBR narratives are written with (the chat's `draftQbr` tool and
   * `/ve qbr`); every number is still checked against the engine's facts. Default null: the
   * deterministic offline template writer.
   */
  qbrModel?: LanguageModel | null;
  /** Age after which an undecided proposal expires (ms); default 7 days. */
  maxAgeMs?: number;
  botToken: string;
  /** Required for HTTP mode (ignored in Socket Mode). */
  signingSecret?: string | null;
  /** Set: Socket Mode. */
  appToken?: string | null;
  /** Web API base URL (tests: the local fake Slack). */
  slackApiUrl?: string | null;
  /** Default: every workspace member may decide. */
  approvers?: ApproverPolicy;
  /** Default: every Slack team works in the `default` workspace. */
  workspaces?: WorkspaceMapping;
  /** Extra Web API client options (tests turn retries off). */
  clientOptions?: webApi.WebClientOptions;
  /** Default: `slackLogger()` (standard error, INFO and above, tokens redacted). */
  logger?: Logger;
  /** The clock request signatures are checked against (ms; tests). */
  signatureNowMs?: () => number;
  /** Clock of the retry deduper (ms; tests). */
  dedupeNowMs?: () => number;
}

/** The Bolt app, how it receives payloads, and a way to wait for background work. */
export interface SlackApp {
  app: App;
  mode: 'http' | 'socket';
  /** HTTP mode: the web-standard handler to mount at `/slack/events`. */
  handler: ((request: Request) => Promise<Response>) | null;
  /** HTTP mode: the receiver (its `idle()` waits for payloads still being processed). */
  receiver: WebReceiver | null;
  /** Checks the bot token with `auth.test`; resolves to the bot's identity. */
  verifyToken(): Promise<{ botUserId: string; teamId: string | undefined }>;
  /** Waits until no payload is being processed (HTTP mode; immediate in Socket Mode). */
  idle(): Promise<void>;
  /** Updates the Slack message of every proposal decided at another door (`syncDecidedMessages`); resolves to how many. */
  syncDecided(): Promise<number>;
}

/**
 * Builds the Slack door on the same agent and proposal workflow as the other doors: app
 * mentions, direct messages and assistant threads go to the agent (one conversation per
 * Slack thread); proposals come back as Block Kit messages with Approve / Reject; `/ve`
 * answers help, summary, qbr and pending. Socket Mode when an app token is given, else HTTP
 * through a `WebReceiver` whose handler the HTTP server mounts. Retried events are
 * recognised by `event_id` and processed once.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const logger = options.logger ?? slackLogger();
  const clientOptions: webApi.WebClientOptions = { ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}), ...options.clientOptions };
  const socket = Boolean(options.appToken);
  if (!socket && !options.signingSecret)
    throw new Error('the Slack signing secret is required to receive events over HTTP (or give an app token for Socket Mode)');

  // One workspace, one bot token: the bot's identity is looked up once (auth.test), lazily,
  // and looked up again after a failure instead of failing every later event.
  const identityClient = new webApi.WebClient(options.botToken, { ...clientOptions, logger });
  let identity: Promise<{ botUserId: string; botId: string | undefined; teamId: string | undefined }> | undefined;
  const lookUp = () => {
    identity ??= identityClient.auth.test().then(
      (r) => ({ botUserId: r.user_id ?? '', botId: r.bot_id, teamId: r.team_id }),
      (e: unknown) => {
        identity = undefined;
        throw e;
      },
    );
    return identity;
  };
  const authorize = async (): Promise<AuthorizeResult> => {
    const id = await lookUp();
    return { botToken: options.botToken, botUserId: id.botUserId, ...(id.botId ? { botId: id.botId } : {}) };
  };

  const receiver = socket
    ? null
    : new WebReceiver({ signingSecret: options.signingSecret!, logger, ...(options.signatureNowMs ? { nowMs: options.signatureNowMs } : {}) });
  const app = new App({
    authorize,
    logger,
    clientOptions,
    convoStore: false,
    ...(socket ? { socketMode: true, appToken: options.appToken! } : { receiver: receiver! }),
  });

  const deps: SlackDeps = {
    store: options.store,
    now: options.now,
    model: options.model,
    qbrModel: options.qbrModel ?? null,
    approvers: options.approvers ?? defaultApprovers(),
    workspaces: options.workspaces ?? { fallback: DEFAULT_WORKSPACE, byTeam: {} },
    names: new SlackNames(),
    logger,
    ...(options.maxAgeMs !== undefined ? { maxAgeMs: options.maxAgeMs } : {}),
  };

  // Retried deliveries are recognised by event_id in the store (with a TTL), so a retry that
  // arrives after a restart is not processed again. A store that cannot answer lets the event
  // through (a retry processed twice is better than an event lost).
  const dedupeNow = options.dedupeNowMs ? () => new Date(options.dedupeNowMs!()) : options.now;
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      let first = true;
      try {
        first = firstSight({ store: options.store, now: dedupeNow }, `event:${eventId}`, DEDUPE_TTL_MS);
      } catch (e) {
        logger.warn(`slack: could not check event ${eventId} for a repeat: ${describeError(e)}`);
      }
      if (!first) {
        logger.info(`ignored a repeated delivery of event ${eventId}${context.retryNum !== undefined ? ` (retry ${context.retryNum})` : ''}`);
        return;
      }
    }
    await next();
  });
  app.assistant(createVeAssistant(deps));

  app.event('app_mention', async ({ event, client, context }) => {
    if (!event.user || ('bot_id' in event && event.bot_id)) return;
    // A CSV file shared with the mention: its measurements are proposed (src/slack/csv-share.ts).
    const files = csvFilesOf((event as { files?: unknown }).files);
    if (files.length > 0) {
      const where = { client, teamId: context.teamId, channel: event.channel, threadTs: event.thread_ts ?? event.ts, userId: event.user };
      await importSharedCsv(deps, { ...where, text: stripMention(event.text, context.botUserId), files });
      return;
    }
    await converse(deps, {
      client,
      teamId: context.teamId,
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      userId: event.user,
      text: stripMention(event.text, context.botUserId),
    });
  });

  // Direct messages outside assistant threads (those are the Assistant's).
  app.message(async ({ message, client, context }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || !message.user || !message.text) return;
    if (message.bot_id) return;
    await converse(deps, {
      client,
      teamId: context.teamId,
      channel: message.channel,
      threadTs: message.thread_ts ?? message.ts,
      userId: message.user,
      text: stripMention(message.text, context.botUserId),
    });
  });

  registerAppHome(app, deps);
  registerProposalActions(app, deps);
  registerVeCommand(app, deps);
  registerCsvShare(app, deps);

  app.error(async (error) => {
    logger.error(`slack: unhandled error (${error.code ?? 'no code'}): ${describeError(error)}`);
  });

  return {
    app,
    mode: socket ? 'socket' : 'http',
    handler: receiver ? receiver.handle : null,
    receiver,
    verifyToken: async () => {
      const id = await lookUp();
      return { botUserId: id.botUserId, teamId: id.teamId };
    },
    idle: () => receiver?.idle() ?? Promise.resolve(),
    syncDecided: () => syncDecidedMessages(deps, identityClient),
  };
}

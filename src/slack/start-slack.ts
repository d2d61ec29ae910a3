import type { Logger } from '@slack/bolt';
import type { LanguageModel } from 'ai';
import type { Store } from '../app/store.ts';
import { createSlackApp, type SlackApp } from './create-slack-app.ts';
import { describeError } from '../errors/index.ts';
import { SLACK_EVENTS_PATH } from './mount-slack.ts';
import type { SlackSettings } from './slack-settings.ts';

/** What `ve serve` gives the Slack door. */
export interface StartSlackOptions {
  store: Store;
  now: () => Date;
  model: LanguageModel;
  /** The language model QBR drafts are written with; default null (the offline template). `ve serve` passes `qbrWriterModel(selected)`. */
  qbrModel?: LanguageModel | null;
  settings: SlackSettings;
  /** Age after which an undecided proposal expires (ms); default 7 days. */
  maxAgeMs?: number;
  /** Default: `slackLogger()` on standard error; `ve serve` can pass `slackLogger((line) => io.stderr(line + '\n'))`. */
  logger?: Logger;
}

/** A running Slack door. */
export interface RunningSlack {
  mode: 'http' | 'socket';
  /** HTTP mode: mount it at `/slack/events` (`mountSlack`); null in Socket Mode. */
  handler: ((request: Request) => Promise<Response>) | null;
  /** One line for the start-up banner (no secrets). */
  description: string;
  slack: SlackApp;
  /** Disconnects (Socket Mode) and waits for work in progress. */
  stop(): Promise<void>;
}

/**
 * Starts the Slack door for `ve serve`: in Socket Mode it connects to Slack now; in HTTP mode
 * it returns the handler to mount on the chat API's server. The bot token is checked
 * (`auth.test`) up front; a failure is logged, not fatal, so the chat API still starts.
 */
export async function startSlack(options: StartSlackOptions): Promise<RunningSlack> {
  const { settings } = options;
  const slack = createSlackApp({
    store: options.store,
    now: options.now,
    model: options.model,
    qbrModel: options.qbrModel ?? null,
    botToken: settings.botToken,
    signingSecret: settings.signingSecret,
    appToken: settings.appToken,
    slackApiUrl: settings.slackApiUrl,
    approvers: settings.approvers,
    workspaces: settings.workspaces,
    ...(options.maxAgeMs !== undefined ? { maxAgeMs: options.maxAgeMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const logger = slack.app.logger;
  try {
    const id = await slack.verifyToken();
    logger.info(`slack: connected as bot user ${id.botUserId} in team ${id.teamId ?? 'unknown'}`);
  } catch (e) {
    logger.warn(`slack: could not check the bot token (auth.test): ${describeError(e)}`);
  }
  if (slack.mode === 'socket') {
    await slack.app.start();
    return {
      mode: 'socket',
      handler: null,
      description: 'Slack: Socket Mode (no public URL needed)',
      slack,
      stop: async () => {
        await slack.app.stop();
      },
    };
  }
  return {
    mode: 'http',
    handler: slack.handler,
    description: `Slack: events, interactivity and /ve at POST ${SLACK_EVENTS_PATH}`,
    slack,
    stop: () => slack.idle(),
  };
}

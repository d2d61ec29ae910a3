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

/** Where the Slack door stands: connecting (with how many attempts so far), connected, or given up. */
export interface SlackState {
  status: 'connecting' | 'connected' | 'unreachable';
  attempts: number;
  /** The last failure (one line, no secrets), while connecting or once given up. */
  detail?: string;
}

/** A running Slack door. */
export interface RunningSlack {
  mode: 'http' | 'socket';
  /** HTTP mode: mount it at `/slack/events` (`mountSlack`); null in Socket Mode. */
  handler: ((request: Request) => Promise<Response>) | null;
  /** One line for the start-up banner (no secrets). */
  description: string;
  slack: SlackApp;
  /** Slack's state now (for the banner and `/healthz`). */
  state(): SlackState;
  /** Resolves when the background connection settled (connected or given up). */
  settled: Promise<SlackState>;
  /** Disconnects (Socket Mode), stops retrying and the sweep, and waits for work in progress. */
  stop(): Promise<void>;
}

/** How many times the door tries to reach Slack at start (auth.test, and Socket Mode's connection) before giving up. */
export const CONNECT_ATTEMPTS = 5;
/** The waits between those attempts (ms): about 15 s in all, never the Web API client's default half hour. */
export const CONNECT_DELAYS_MS = [1000, 2000, 4000, 8000];
/** How often Slack messages of proposals decided at another door are updated (ms). */
export const SYNC_DECIDED_EVERY_MS = 15_000;

/**
 * Starts the Slack door for `ve serve` without waiting for Slack (issue 14): it returns at
 * once, with the HTTP handler to mount in HTTP mode, and connects in the background: the bot
 * token is checked (`auth.test`) and, in Socket Mode, the socket opened, in at most
 * `CONNECT_ATTEMPTS` tries `CONNECT_DELAYS_MS` apart (the Web API client itself retries at
 * most twice per call). So the HTTP API listens while Slack is unreachable; `state()` says
 * where Slack stands (the banner, `/healthz`). Every `SYNC_DECIDED_EVERY_MS` the messages of
 * proposals decided at another door (HTTP, web, CLI) are updated.
 */
export function startSlack(options: StartSlackOptions & { connectDelaysMs?: readonly number[]; syncEveryMs?: number }): RunningSlack {
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
    // Bounded: the client's default (10 retries over about 30 minutes) held the whole start-up.
    clientOptions: { retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000 }, timeout: 15_000 },
    ...(options.maxAgeMs !== undefined ? { maxAgeMs: options.maxAgeMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const logger = slack.app.logger;
  const delays = options.connectDelaysMs ?? CONNECT_DELAYS_MS;
  let state: SlackState = { status: 'connecting', attempts: 0 };
  let stopped = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const settled = (async (): Promise<SlackState> => {
    for (let attempt = 1; attempt <= CONNECT_ATTEMPTS && !stopped; attempt++) {
      try {
        const id = await slack.verifyToken();
        if (slack.mode === 'socket' && !stopped) await slack.app.start();
        state = { status: 'connected', attempts: attempt };
        logger.info(`slack: connected as bot user ${id.botUserId} in team ${id.teamId ?? 'unknown'}`);
        return state;
      } catch (e) {
        const detail = describeError(e);
        const last = attempt === CONNECT_ATTEMPTS;
        state = { status: last ? 'unreachable' : 'connecting', attempts: attempt, detail };
        logger.warn(
          `slack: could not check the bot token (auth.test), attempt ${attempt} of ${CONNECT_ATTEMPTS}: ${detail}${last ? '; giving up (restart to try again)' : ''}`,
        );
        if (!last) await pause(delays[Math.min(attempt - 1, delays.length - 1)] ?? 0);
      }
    }
    return state;
  })();
  const sweep = setInterval(() => {
    if (state.status !== 'connected') return;
    slack.syncDecided().catch((e: unknown) => logger.warn(`slack: updating decided proposals failed: ${describeError(e)}`));
  }, options.syncEveryMs ?? SYNC_DECIDED_EVERY_MS);
  sweep.unref?.();
  const stop = async () => {
    stopped = true;
    clearInterval(sweep);
    (wake as (() => void) | null)?.();
    await settled;
    if (slack.mode === 'socket' && state.status === 'connected') await slack.app.stop();
    await slack.idle();
  };
  return {
    mode: slack.mode,
    handler: slack.handler,
    description: slack.mode === 'socket' ? 'Slack: Socket Mode (no public URL needed)' : `Slack: events, interactivity and /ve at POST ${SLACK_EVENTS_PATH}`,
    slack,
    state: () => state,
    settled,
    stop,
  };
}

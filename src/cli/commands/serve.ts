import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Command } from 'commander';
import { qbrWriterModel } from '../../agent/qbr-writer-model.ts';
import { selectModel, type SelectedModel } from '../../agent/select-model.ts';
import { configuredBusyTimeoutMs, configuredDbPath, openStore, SERVER_BUSY_TIMEOUT_MS } from '../../app/store.ts';
import { BANNER_TOKEN_NAME, rotateBannerToken } from '../../app/workspace-tokens.ts';
import { createApp, DEFAULT_MAX_BODY_BYTES, rateLimitsFromEnv, type RateLimits } from '../../http/index.ts';
import { DEFAULT_WORKSPACE } from '../../proposals/default-workspace.ts';
import { expireProposals } from '../../proposals/expire-proposals.ts';
import type { RunningSlack, SlackState } from '../../slack/index.ts';
import { slackSettingsFromEnv } from '../../slack/slack-settings.ts';
import { mountWeb } from '../../web/index.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';
import { defaultStoreDeps, selectModelOrFail, withStoreAsync, type StoreCommandDeps } from './store-command.ts';

/** How often a running server expires proposals nobody decided in time. */
export const EXPIRY_SWEEP_MS = 60 * 60 * 1000;

/** What `ve serve` needs from the outside world; injectable for in-process tests. */
export interface ServeDeps extends StoreCommandDeps {
  env: NodeJS.ProcessEnv;
  /** Chooses the language model from the environment. */
  selectModel: (env: NodeJS.ProcessEnv) => SelectedModel;
  /** Resolves (with a reason) when the server should stop. Default: SIGINT or SIGTERM. */
  stopped: () => Promise<string>;
}

/** The real thing: `VE_DB`, the system clock, the process environment, stop on SIGINT/SIGTERM. */
export function defaultServeDeps(): ServeDeps {
  return {
    ...defaultStoreDeps(),
    // A short busy timeout: better-sqlite3 waits for a lock synchronously, and a server must keep answering.
    openStore: () => openStore({ busyTimeoutMs: configuredBusyTimeoutMs(process.env, SERVER_BUSY_TIMEOUT_MS) }),
    env: process.env,
    selectModel: (env) => selectModel(env),
    stopped: () =>
      new Promise((resolve) => {
        const on = (signal: NodeJS.Signals) => {
          process.off('SIGINT', on);
          process.off('SIGTERM', on);
          resolve(signal);
        };
        process.on('SIGINT', on);
        process.on('SIGTERM', on);
      }),
  };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65535) throw new CliError(`port '${text}' must be a whole number from 0 to 65535 (0: any free port)`, EXIT.usage);
  return port;
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    const http = server as import('node:http').Server;
    // Requests in flight may finish for a few seconds; idle keep-alive connections go now.
    const force = setTimeout(() => http.closeAllConnections?.(), 5000);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    http.closeIdleConnections?.();
  });
}

/**
 * `ve serve [--port N] [--host H] [--no-token]` (what `npm start` runs): the HTTP API on
 * `PORT` (default 3000; 0 picks a free port, printed) at `HOST` (default 127.0.0.1), over the
 * SQLite store at `VE_DB`, the demo case seeded on first start, the model from the
 * environment (`selectModel`; QBR drafts by that model, or the offline template with the
 * offline provider). It prints where it listens, which model it uses, and a fresh
 * token for the demo workspace (`ve-serve`, replacing the one printed by the previous start).
 * Runs until SIGINT/SIGTERM, then closes the server and the database.
 */
export function registerServe(program: Command, io: CliIo, deps: () => ServeDeps = defaultServeDeps): void {
  program
    .command('serve')
    .description('serve the HTTP API and the chat endpoint (PORT, HOST, VE_DB, OPENAI_* from the environment)')
    .option('--port <n>', 'port to listen on (default: PORT, else 3000; 0 for any free port)')
    .option('--host <address>', 'address to listen on (default: HOST, else 127.0.0.1; 0.0.0.0 for all interfaces)')
    .option('--no-token', 'do not create and print a token for the demo workspace')
    .action(async (opts: { port?: string; host?: string; token: boolean }) => {
      const d = deps();
      const port = parsePort(opts.port ?? (d.env.PORT?.trim() || '3000'));
      const host = opts.host ?? (d.env.HOST?.trim() || '127.0.0.1');
      const secrets = [d.env.OPENAI_API_KEY, d.env.SLACK_BOT_TOKEN, d.env.SLACK_SIGNING_SECRET, d.env.SLACK_APP_TOKEN]
        .map((s) => s?.trim())
        .filter((s): s is string => Boolean(s));
      const slackConfig = slackSettingsFromEnv(d.env);
      if (slackConfig.kind === 'invalid') throw new CliError(`cannot set up Slack: ${slackConfig.message}`, EXIT.usage);
      let rateLimits: RateLimits;
      try {
        rateLimits = rateLimitsFromEnv(d.env);
      } catch (e) {
        throw new CliError((e as Error).message, EXIT.usage);
      }
      const selected = selectModelOrFail(d, secrets);
      await withStoreAsync(d, io, async (ctx, seeded) => {
        const { store } = ctx;
        if (seeded) io.stdout(`seeded the demo business case '${seeded.name}' into workspace '${seeded.workspaceId}'\n`);
        expireProposals(ctx);
        const token = opts.token ? rotateBannerToken(ctx) : null;
        // QBR narratives (the chat's draftQbr tool, the /qbr routes, /ve qbr) are written by the
        // selected model; with the offline provider, by the deterministic template writer.
        const qbrModel = qbrWriterModel(selected);
        let slack: RunningSlack | null = null;
        const app = createApp({
          store,
          now: d.now,
          model: selected.model,
          qbrModel,
          maxAgeMs: d.maxAgeMs,
          secrets,
          rateLimits,
          // /healthz says where Slack stands; a proposal decided over HTTP gets its Slack message updated.
          health: () => (slack ? { slack: slack.state() } : {}),
          onDecided: () => {
            if (slack?.state().status === 'connected') void slack.slack.syncDecided().catch(() => undefined);
          },
        });
        // The web workspace (issue 13): pages at /, the same application functions as the API.
        mountWeb(app, { ctx, qbrModel, maxBodyBytes: DEFAULT_MAX_BODY_BYTES, secrets });
        if (slackConfig.kind === 'on') {
          // Bolt is loaded only when Slack is on: it is most of a server's start-up otherwise.
          const { mountSlack, slackLogger, startSlack } = await import('../../slack/index.ts');
          // Returns at once: Slack is reached in the background (bounded retries), the API listens meanwhile.
          slack = startSlack({
            store,
            now: d.now,
            model: selected.model,
            qbrModel,
            settings: slackConfig.settings,
            maxAgeMs: d.maxAgeMs,
            logger: slackLogger((line) => io.stderr(`${line}\n`)),
          });
          if (slack.handler) mountSlack(app, slack.handler);
        }
        let listening: { server: ServerType; port: number };
        try {
          listening = await listen(app.fetch, port, host);
        } catch (e) {
          throw new CliError(`cannot listen on ${host}:${port}: ${(e as Error).message}`, EXIT.usage);
        }
        const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
        const url = `http://${shown}:${listening.port}`;
        io.stdout(
          [
            `value-engineer listening on ${url}${shown === 'localhost' ? ` (all interfaces, ${host})` : ''}`,
            `model: ${selected.description}`,
            ...(selected.notice ? [`note: ${selected.notice}`] : []),
            `QBR drafts: ${qbrModel ? 'written by that model, every number checked against the engine' : 'the offline template writer'}`,
            slack ? `${slack.description}; ${slackStateLine(slack.state())}` : 'Slack: off (set SLACK_BOT_TOKEN; see docs/slack.md)',
            `database: ${configuredDbPath(d.env)}`,
            `rate limits per token: ${perMinute(rateLimits.chatTurnsPerMinute, 'chat turns')}, ${perMinute(rateLimits.bodiesPerMinute, 'request bodies')} (VE_CHAT_TURNS_PER_MINUTE, VE_BODIES_PER_MINUTE)`,
            ...(token
              ? [
                  `token for workspace '${DEFAULT_WORKSPACE}' (named '${BANNER_TOKEN_NAME}'; new at every start, the previous one is revoked):`,
                  `  ${token}`,
                  `web workspace: sign in at ${url}/sign-in#token=${token}`,
                  `try: curl -H "Authorization: Bearer ${token}" ${url}/api/business-cases`,
                  `personal tokens: ve token create --name <you>; API description: ${url}/openapi.json`,
                ]
              : [`no token printed (--no-token); create one with: ve token create --name <you>, then sign in at ${url}/sign-in`]),
          ].join('\n') + '\n',
        );
        const sweep = setInterval(() => {
          try {
            expireProposals(ctx);
          } catch (e) {
            io.stderr(`ve: warning: expiring old proposals failed: ${(e as Error).message}\n`);
          }
        }, EXPIRY_SWEEP_MS);
        sweep.unref();
        const why = await d.stopped();
        clearInterval(sweep);
        await close(listening.server);
        await slack?.stop();
        io.stdout(`stopped (${why})\n`);
      });
    });
}

/** "20 chat turns a minute", or "chat turns unlimited" for 0. */
function perMinute(limit: number, what: string): string {
  return limit > 0 ? `${limit} ${what} a minute` : `${what} unlimited`;
}

/** Slack's state for the banner: connecting in the background, connected, or given up (with why). */
function slackStateLine(state: SlackState): string {
  if (state.status === 'connected') return 'connected';
  if (state.status === 'unreachable') return `unreachable after ${state.attempts} attempts (${state.detail ?? 'no answer'}); the API runs without Slack`;
  return 'connecting in the background (its state: GET /healthz)';
}

/**
 * `ve serve` with Slack configured in HTTP mode: the banner says where Slack events go, and a
 * correctly signed request to /slack/events on the same server reaches the Slack receiver
 * (url_verification is answered with its challenge); a badly signed one is refused.
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open-store.ts';
import { registerServe, type ServeDeps } from '../../src/cli/commands/serve.ts';
import { signSlackRequest } from '../../src/slack/index.ts';
import { captureIo } from '../support/capture-io.ts';
import { startFakeSlackApi } from '../support/fake-slack-api.ts';
import { scriptedModel, toolThenAnswer } from '../support/scripted-model.ts';
import { tempDir } from '../support/test-store.ts';

const tmp = tempDir('ve-serve-slack-');
afterAll(tmp.cleanup);
const SECRET = 'test-signing-secret';

describe('ve serve with Slack over HTTP', () => {
  it('mounts /slack/events on the chat server and verifies signatures', async () => {
    const slackApi = await startFakeSlackApi();
    const { io, out } = captureIo();
    let stop!: (why: string) => void;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const model = scriptedModel(
      toolThenAnswer(
        'listPendingProposals',
        () => ({}),
        () => 'nothing pending',
      ),
    );
    const db = join(tmp.dir, 've.db');
    const deps: ServeDeps = {
      openStore: () => openStore({ path: db }),
      now: () => new Date('2026-11-20T10:00:00.000Z'),
      maxAgeMs: 7 * 86_400_000,
      seedDemo: true,
      env: { PORT: '0', VE_DB: db, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackApi.apiUrl },
      selectModel: () => ({ model, provider: 'offline', modelId: 'scripted', description: 'a scripted test model' }),
      stopped: () => stopped,
    };
    const program = new Command('ve').exitOverride();
    registerServe(program, io, () => deps);
    const running = program.parseAsync(['serve'], { from: 'user' });
    try {
      let url: string | undefined;
      for (let i = 0; i < 500 && !url; i++) {
        url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out())?.[1];
        if (!url) await new Promise((r) => setTimeout(r, 10));
      }
      expect(url).toBeDefined();
      expect(out()).toContain('Slack: events, interactivity and /ve at POST /slack/events');
      expect(out()).not.toContain('xoxb-test-token');

      const body = JSON.stringify({ type: 'url_verification', challenge: 'challenge-123', token: 'x' });
      const timestamp = Math.floor(Date.now() / 1000);
      const signed = await fetch(`${url}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signSlackRequest(SECRET, timestamp, body),
        },
        body,
      });
      expect(signed.status).toBe(200);
      expect(await signed.text()).toContain('challenge-123');

      const forged = await fetch(`${url}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signSlackRequest('wrong-secret', timestamp, body),
        },
        body,
      });
      expect(forged.status).toBe(401);
    } finally {
      stop('test over');
      await running;
      await slackApi.close();
    }
  });

  it('listens while Slack is unreachable; the banner and /healthz say where Slack stands', async () => {
    // A Slack Web API that refuses every connection: a port nothing listens on.
    const closed = await startFakeSlackApi();
    const deadUrl = closed.apiUrl;
    await closed.close();
    const { io, out } = captureIo();
    let stop!: (why: string) => void;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const db = join(tmp.dir, 've-unreachable.db');
    const deps: ServeDeps = {
      openStore: () => openStore({ path: db }),
      now: () => new Date('2026-11-20T10:00:00.000Z'),
      maxAgeMs: 7 * 86_400_000,
      seedDemo: true,
      env: { PORT: '0', VE_DB: db, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: deadUrl },
      selectModel: () => ({ model: scriptedModel(() => ({ text: 'ok' })), provider: 'offline', modelId: 'scripted', description: 'a scripted test model' }),
      stopped: () => stopped,
    };
    const program = new Command('ve').exitOverride();
    registerServe(program, io, () => deps);
    const started = Date.now();
    const running = program.parseAsync(['serve'], { from: 'user' });
    try {
      let url: string | undefined;
      for (let i = 0; i < 500 && !url; i++) {
        url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out())?.[1];
        if (!url) await new Promise((r) => setTimeout(r, 10));
      }
      // Listening within seconds, not after the Web API client's retries.
      expect(url).toBeDefined();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(out()).toContain('Slack: events, interactivity and /ve at POST /slack/events; connecting in the background (its state: GET /healthz)');
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { ok: boolean; slack: { status: string; attempts: number } };
      expect(body.ok).toBe(true);
      expect(body.slack.status).toBe('connecting');
      // The API answers meanwhile.
      expect((await fetch(`${url}/api/business-cases`)).status).toBe(401);
    } finally {
      stop('test over');
      await running;
    }
  });
});

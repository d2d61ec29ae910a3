import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { type BrowserContext, chromium } from 'playwright-core';
import { selectModel } from '../../src/agent/select-model.ts';
import { createApp } from '../../src/http/index.ts';
import { importCase } from '../../src/proposals/index.ts';
import { mountWeb, SessionStore } from '../../src/web/index.ts';
import { demoJson } from '../http/http-harness.ts';
import { sampleCase } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

/** Where Debian's `chromium` package puts the browser (`.ci/run` installs it when missing). */
export const CHROMIUM = process.env.VE_CHROMIUM ?? '/usr/bin/chromium';

/** The flags the browser runs with: headless, sandbox off (containers), nothing reaching the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A real server on 127.0.0.1 (a free port): the HTTP door with the web workspace mounted, as
 * `ve serve` composes them, over a `:memory:` store with the real migrations. The demo case is
 * in workspace `default` (token for "dana"), a second workspace `acme` has its own case
 * (token for "olga"); the clock is 20 November 2026; the chat runs on the built-in offline
 * model and QBRs on the offline template writer (no model is configured).
 */
export async function startWebServer() {
  const t = memoryStore();
  t.clock.set('2026-11-20T10:00:00.000Z');
  const demo = importCase(t.ctx, { document: demoJson(), importedBy: 'admin' });
  if (!demo.ok) throw new Error(demo.error.message);
  const acme = importCase(t.ctx, { document: sampleCase(), workspaceId: 'acme', importedBy: 'admin' });
  if (!acme.ok) throw new Error(acme.error.message);
  const dana = t.store.createApiToken({ workspaceId: 'default', name: 'dana', now: t.clock.now().toISOString() }).token;
  const olga = t.store.createApiToken({ workspaceId: 'acme', name: 'olga', now: t.clock.now().toISOString() }).token;
  const logs: string[] = [];
  const selected = selectModel({ VE_PROVIDER: 'offline' });
  const app = createApp({ store: t.store, now: t.clock.now, model: selected.model, qbrModel: null, log: (line) => logs.push(line) });
  const sessions = new SessionStore();
  mountWeb(app, { ctx: t.ctx, qbrModel: null, maxBodyBytes: 1024 * 1024, sessions, log: (line) => logs.push(line) });
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server: s, port: info.port }));
  });
  const url = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      (server as import('node:http').Server).closeAllConnections?.();
      server.close(() => resolve());
    });
  return { ...t, app, url, tokens: { dana, olga }, demoId: demo.value.id, acmeId: acme.value.id, sessions, logs, close };
}

/** Chromium with a new, empty profile directory (removed by `close`). */
export async function launchBrowser(viewport = { width: 1366, height: 900 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 've-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

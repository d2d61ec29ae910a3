import { readFileSync } from 'node:fs';
import type { LanguageModel } from 'ai';
import { createApp } from '../../src/http/index.ts';
import type { RateLimits } from '../../src/http/index.ts';
import { importCase } from '../../src/proposals/index.ts';
import { sampleCase } from '../support/sample-case.ts';
import { memoryStore, type TestStore } from '../support/test-store.ts';

/** The demo business case's id. */
export const DEMO = 'delta-corp-support-automation';

/** The demo document as JSON. */
export function demoJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8'));
}

/** A request to the app: method, path, token, JSON body (or raw text), extra headers. */
export interface Call {
  token?: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/**
 * An app over a `:memory:` store with the real migrations: the demo case in workspace
 * `default` (token for "dana"), a second workspace `acme` with its own case (token for
 * "olga"), the clock in November 2026, the given model (and QBR writer, default the offline
 * template), and the log captured.
 */
export function httpHarness(model: LanguageModel, options: { maxBodyBytes?: number; qbrModel?: LanguageModel | null; rateLimits?: RateLimits } = {}) {
  const t: TestStore = memoryStore();
  t.clock.set('2026-11-20T10:00:00.000Z');
  const demo = importCase(t.ctx, { document: demoJson(), importedBy: 'admin' });
  if (!demo.ok) throw new Error(demo.error.message);
  const acme = importCase(t.ctx, { document: sampleCase(), workspaceId: 'acme', importedBy: 'admin' });
  if (!acme.ok) throw new Error(acme.error.message);
  const dana = t.store.createApiToken({ workspaceId: 'default', name: 'dana', now: t.clock.now().toISOString() }).token;
  const olga = t.store.createApiToken({ workspaceId: 'acme', name: 'olga', now: t.clock.now().toISOString() }).token;
  const logs: string[] = [];
  const app = createApp({ store: t.store, now: t.clock.now, model, log: (line) => logs.push(line), ...options });
  const request = (method: string, path: string, call: Call = {}): Promise<Response> => {
    const token = call.token === undefined ? dana : call.token;
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...call.headers };
    let body: string | undefined;
    if (call.raw !== undefined) body = call.raw;
    else if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['content-type'] ??= 'application/json';
    }
    return Promise.resolve(app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }));
  };
  /** A request whose JSON answer is returned with its status. */
  const json = async (method: string, path: string, call: Call = {}): Promise<{ status: number; body: any; headers: Headers }> => {
    const res = await request(method, path, call);
    return { status: res.status, body: await res.json(), headers: res.headers };
  };
  return { ...t, app, tokens: { dana, olga }, logs, request, json };
}

/** One server-sent event of a UI message stream, parsed (`[DONE]` kept as the string). */
export type StreamEvent = Record<string, any> | '[DONE]';

/** Parses an SSE body: every `data:` line, JSON-decoded. */
export function parseSse(text: string): StreamEvent[] {
  const events: StreamEvent[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const data = block
      .split(/\r?\n/)
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trimStart())
      .join('\n');
    if (!data) continue;
    events.push(data === '[DONE]' ? '[DONE]' : JSON.parse(data));
  }
  return events;
}

/**
 * One error path (issue 14), at the HTTP door: an unexpected failure (the store failing under
 * a chat turn, JSON or streamed, or under a tool the model called) reaches the person only as
 * the error catalogue's wording with a reference, and the log has the details with that same
 * reference. A database busy past the busy timeout is 503 with `Retry-After`; and a database
 * locked by another connection degrades: writes answer 503 quickly, reads and `/healthz` keep
 * answering.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import { createApp } from '../../src/http/index.ts';
import { importCase, propose } from '../../src/proposals/index.ts';
import { scriptedModel } from '../support/scripted-model.ts';
import { measure, sampleCase } from '../support/sample-case.ts';
import { tempDir } from '../support/test-store.ts';
import { httpHarness, parseSse } from './http-harness.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A model that calls `findBusinessCases`, then repeats whatever the tool gave it (as a careless model would). */
const echoTool = () =>
  scriptedModel((call) => {
    const result = call.toolResults.find((r) => r.toolName === 'findBusinessCases');
    if (result) return { text: `the tool said: ${JSON.stringify(result.output)}` };
    return { toolCalls: [{ toolName: 'findBusinessCases', input: { query: 'Delta' } }] };
  });

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY', name: 'SqliteError' });
const REF = /reference ([0-9a-f]{8})/;

describe('the JSON chat door', () => {
  it('a store failure under the turn is 500 internal with a reference; the log has the details under it', async () => {
    const h = httpHarness(echoTool());
    h.store.getOrCreateThread = () => {
      throw new Error('no such table: threads_v2 (SELECT * FROM threads_v2)');
    };
    const r = await h.json('POST', '/api/chat', { body: { message: 'hi' } });
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('internal');
    expect(r.body.error.message).toMatch(/^internal error \(reference [0-9a-f]{8}\)$/);
    const reference = REF.exec(r.body.error.message)![1]!;
    expect(h.logs.filter((l) => l.includes(reference))).toEqual([expect.stringContaining('no such table: threads_v2')]);
  });

  it('a busy database is 503 unavailable with Retry-After', async () => {
    const h = httpHarness(echoTool());
    h.store.getOrCreateThread = () => {
      throw busy();
    };
    const r = await h.json('POST', '/api/chat', { body: { message: 'hi' } });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(r.body.error).toEqual({
      code: 'unavailable',
      message: expect.stringMatching(/^the service is unavailable \(reference [0-9a-f]{8}\); try again later$/),
    });
    const reference = REF.exec(r.body.error.message)![1]!;
    expect(h.logs.some((l) => l.includes(reference) && l.includes('database is locked'))).toBe(true);
  });

  it("a tool's store failure reaches the model (and the answer) only as a reference; the log has the details", async () => {
    const h = httpHarness(echoTool());
    h.store.listCases = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const r = await h.json('POST', '/api/chat', { body: { message: 'find Delta' } });
    expect(r.status).toBe(200);
    expect(r.body.text).not.toContain('Maximum');
    expect(r.body.text).toMatch(/the findBusinessCases tool failed on our side \(reference [0-9a-f]{8}\); nothing was changed/);
    const reference = REF.exec(r.body.text)![1]!;
    expect(h.logs.filter((l) => l.includes(reference))).toEqual([expect.stringContaining('RangeError: Maximum call stack size exceeded')]);
  });
});

describe('the stream door', () => {
  it("a tool's store failure in a streamed turn shows only the reference; the log has the details", async () => {
    const h = httpHarness(echoTool());
    h.store.listCases = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const res = await h.request('POST', '/api/chat', { body: { message: 'find Delta' }, headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('Maximum');
    const events = parseSse(text).filter((e): e is Record<string, any> => e !== '[DONE]');
    const said = events
      .filter((e) => e.type === 'text-delta')
      .map((e) => e.delta)
      .join('');
    expect(said).toMatch(/the findBusinessCases tool failed on our side \(reference [0-9a-f]{8}\)/);
    const reference = REF.exec(said)![1]!;
    expect(h.logs.some((l) => l.includes(reference) && l.includes('Maximum call stack size exceeded'))).toBe(true);
  });

  it('a store failure before the stream starts is the same 503 with Retry-After', async () => {
    const h = httpHarness(echoTool());
    h.store.getOrCreateThread = () => {
      throw busy();
    };
    const r = await h.json('POST', '/api/chat', { body: { message: 'hi' }, headers: { accept: 'text/event-stream' } });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(r.body.error.code).toBe('unavailable');
  });
});

describe('a database locked by another process', () => {
  it('writes answer 503 with Retry-After within the short busy timeout; reads and /healthz keep answering', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const path = join(tmp.dir, 've.db');
    const handle = openDatabase({ path, busyTimeoutMs: 100 });
    const store = createSqliteStore(handle);
    cleanups.push(() => store.close());
    const now = () => new Date('2026-11-20T10:00:00.000Z');
    if (!importCase({ store, now }, { document: sampleCase(), importedBy: 'admin' }).ok) throw new Error('import failed');
    const p = propose({ store, now }, { caseId: 'acme-helpdesk', operations: [measure('support', 'gain', '2025-07', 0.3)], proposedBy: 'ana' });
    if (!p.ok) throw new Error(p.error.message);
    const token = store.createApiToken({ workspaceId: 'default', name: 'dana', now: now().toISOString() }).token;
    const logs: string[] = [];
    const app = createApp({ store, now, model: echoTool(), log: (l) => logs.push(l) });
    const call = async (method: string, url: string) => {
      const started = performance.now();
      const res = await app.request(url, { method, headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), ms: performance.now() - started, body: (await res.json()) as any };
    };

    // Another process (a long `ve import`) holds the write lock.
    const other = new Database(path);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    other.prepare("insert into workspaces values ('held', 'held', 't')").run();

    const health = await call('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    const read = await call('GET', '/api/business-cases/acme-helpdesk');
    expect(read.status).toBe(200);
    expect(read.ms).toBeLessThan(1000);
    const proposalId = p.value.id;
    const write = await call('POST', `/api/proposals/${proposalId}/approve`);
    expect(write.status).toBe(503);
    expect(write.retryAfter).toBe('2');
    expect(write.body.error.code).toBe('unavailable');
    // It gave up after the 100 ms busy timeout, not 10 s.
    expect(write.ms).toBeLessThan(2000);
    expect(logs.some((l) => l.includes(REF.exec(write.body.error.message)![1]!) && l.includes('database is locked'))).toBe(true);
    expect(store.getProposal(proposalId)!.status).toBe('pending');

    // The lock released, the same approval goes through.
    other.exec('ROLLBACK');
    const again = await call('POST', `/api/proposals/${proposalId}/approve`);
    expect(again.status).toBe(200);
    expect(store.getProposal(proposalId)!.status).toBe('applied');
  });
});

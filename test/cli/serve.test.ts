/**
 * `ve serve`: in-process with injected model and stop signal (port 0, a file database in a
 * temp dir): it seeds the demo, prints where it listens, the model and a token that works;
 * a restart revokes the previous banner token. Then the real entry as a subprocess
 * (`node bin/ve.mjs serve`, what `npm start` runs) on an ephemeral port, with the model
 * pointed at the local fake chat-completions server: healthz, the printed token, a chat turn
 * and approval over the socket, and a clean stop on SIGTERM.
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open-store.ts';
import type { MockLanguageModelV3 } from 'ai/test';
import type { SelectedModel } from '../../src/agent/select-model.ts';
import { BANNER_TOKEN_NAME } from '../../src/app/workspace-tokens.ts';
import { registerServe, type ServeDeps } from '../../src/cli/commands/serve.ts';
import { writeGoodTemplate } from '../qbr/qbr-fixtures.ts';
import { captureIo } from '../support/capture-io.ts';
import { callToolThenAnswer, startFakeOpenAIServer } from '../support/fake-openai-server.ts';
import { scriptedModel, toolThenAnswer } from '../support/scripted-model.ts';
import { spawnVe } from '../support/spawn-ve.ts';
import { tempDir } from '../support/test-store.ts';

const DEMO = 'delta-corp-support-automation';
const tmp = tempDir('ve-serve-');
afterAll(tmp.cleanup);
let n = 0;
const freshDb = () => join(tmp.dir, `db${n++}`, 've.db');

/** A response's JSON body (untyped: the tests check it). */
const json = async (response: Promise<Response>): Promise<any> => (await response).json();

async function until<T>(fn: () => T | undefined | null, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Starts `ve serve` in-process; returns its URL, printed token, output, and a stop function. */
async function startInProcess(db: string, argv: string[] = [], selected: { model?: MockLanguageModelV3; provider?: SelectedModel['provider'] } = {}) {
  const { io, out, err } = captureIo();
  let stop!: (why: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const model =
    selected.model ??
    scriptedModel(
      toolThenAnswer(
        'proposeMeasurements',
        () => ({ measurements: [{ input: 'tickets per day', month: '2026-10', value: 160 }] }),
        (o) => `proposed ${o.proposalId}`,
      ),
    );
  const deps: ServeDeps = {
    openStore: () => openStore({ path: db }),
    now: () => new Date('2026-11-20T10:00:00.000Z'),
    maxAgeMs: 7 * 86_400_000,
    seedDemo: true,
    env: { PORT: '0', VE_DB: db },
    selectModel: () => ({ model, provider: selected.provider ?? 'offline', modelId: 'scripted', description: 'a scripted test model' }),
    stopped: () => stopped,
  };
  const program = new Command('ve').exitOverride();
  registerServe(program, io, () => deps);
  const running = program.parseAsync(['serve', ...argv], { from: 'user' });
  running.catch(() => {});
  const url = await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out())?.[1]);
  const token = /^ {2}(ve_\S+)$/m.exec(out())?.[1];
  return {
    url,
    token,
    out,
    err,
    stop: async () => {
      stop('test');
      await running;
    },
  };
}

describe('ve serve (in-process)', () => {
  it('seeds the demo, prints the URL, the model and a working token; stops cleanly', async () => {
    const db = freshDb();
    const s = await startInProcess(db);
    expect(s.out()).toContain("seeded the demo business case 'Delta Corp – Support Automation' into workspace 'default'");
    expect(s.out()).toContain('model: a scripted test model');
    expect(s.out()).toContain('QBR drafts: the offline template writer');
    expect(s.out()).toContain(`database: ${db}`);
    expect(s.token).toMatch(/^ve_/);
    expect(s.out()).toContain(`try: curl -H "Authorization: Bearer ${s.token}" ${s.url}/api/business-cases`);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${s.url}/api/business-cases`)).status).toBe(401);
    const auth = { authorization: `Bearer ${s.token}` };
    const list = await json(fetch(`${s.url}/api/business-cases`, { headers: auth }));
    expect(list.businessCases.map((c: any) => c.id)).toEqual([DEMO]);
    const chat = await json(
      fetch(`${s.url}/api/chat`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Oct 160' }) }),
    );
    const id = chat.proposals[0].proposalId;
    const approved = await json(fetch(`${s.url}/api/proposals/${id}/approve`, { method: 'POST', headers: auth }));
    expect(approved.proposal.decidedBy).toBe(BANNER_TOKEN_NAME);
    await s.stop();
    expect(s.out()).toMatch(/stopped \(test\)\n$/);
    expect(s.err()).toBe('');
    // Closed: nothing listens any more, and the database was closed (it opens again).
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    const store = openStore({ path: db });
    expect(store.getCase(DEMO)!.version).toBe(2);
    store.close();
  });

  it('drafts QBRs with the selected model when it is a language model: in the chat and over /qbr', async () => {
    // One model for both: chat turns (tools offered) call draftQbr; QBR writing (no tools) answers a draft.
    const model = scriptedModel((call) => {
      if (call.toolNames.length === 0) return { text: writeGoodTemplate('executive-sponsor') };
      const drafted = call.toolResults.find((r) => r.toolName === 'draftQbr')?.output as { writer: string; version: number } | undefined;
      return drafted ? { text: `v${drafted.version} by ${drafted.writer}` } : { toolCalls: [{ toolName: 'draftQbr', input: { quarter: '2026-Q1' } }] };
    });
    const s = await startInProcess(freshDb(), [], { model, provider: 'openai' });
    expect(s.out()).toContain('QBR drafts: written by that model, every number checked against the engine');
    const auth = { authorization: `Bearer ${s.token}` };
    const writer = `${model.provider}:${model.modelId}`;
    const chat = await json(
      fetch(`${s.url}/api/chat`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ message: 'QBR for Q1' }) }),
    );
    expect(chat.text).toBe(`v1 by ${writer}`);
    const qbr = await json(fetch(`${s.url}/api/business-cases/${DEMO}/qbr?quarter=2026-Q1`, { headers: auth }));
    expect(qbr).toMatchObject({ version: 1, created: false, writer, grounded: true });
    await s.stop();
  });

  it('a restart prints a new token and revokes the previous one; --no-token prints none', async () => {
    const db = freshDb();
    const first = await startInProcess(db);
    await first.stop();
    const second = await startInProcess(db);
    expect(second.out()).not.toContain('seeded the demo');
    expect(second.token).not.toBe(first.token);
    expect((await fetch(`${second.url}/api/business-cases`, { headers: { authorization: `Bearer ${first.token}` } })).status).toBe(401);
    expect((await fetch(`${second.url}/api/business-cases`, { headers: { authorization: `Bearer ${second.token}` } })).status).toBe(200);
    await second.stop();
    const third = await startInProcess(db, ['--no-token']);
    expect(third.token).toBeUndefined();
    expect(third.out()).toContain('no token printed (--no-token)');
    expect((await fetch(`${third.url}/api/business-cases`, { headers: { authorization: `Bearer ${second.token}` } })).status).toBe(200);
    await third.stop();
    const store = openStore({ path: db });
    // One banner token per start that printed one; only the latest is live.
    const tokens = store.listApiTokens('default');
    expect(tokens.map((t) => t.name)).toEqual([BANNER_TOKEN_NAME, BANNER_TOKEN_NAME]);
    expect(tokens.filter((t) => t.revokedAt === null).map((t) => t.id)).toEqual([store.findApiToken(second.token!)!.id]);
    expect(store.findApiToken(first.token!)).toBeNull();
    store.close();
  });

  it('a bad port is a usage error before anything is opened', async () => {
    const { io } = captureIo();
    const program = new Command('ve').exitOverride();
    registerServe(program, io, () => ({ env: { PORT: 'eighty' } }) as unknown as ServeDeps);
    await expect(program.parseAsync(['serve'], { from: 'user' })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining("port 'eighty'") });
  });
});

describe('ve serve and ve chat as subprocesses (the real entry)', () => {
  it('serve on PORT=0: healthz, the printed token, a chat turn through the OpenAI-compatible path, SIGTERM', async () => {
    const fake = await startFakeOpenAIServer(
      callToolThenAnswer(
        'proposeMeasurements',
        () => ({ measurements: [{ input: 'tickets per day', month: '2026-10', value: 160 }] }),
        (o) => `proposed ${o.proposalId}`,
      ),
    );
    const db = freshDb();
    const ve = spawnVe(['serve'], { PORT: '0', VE_DB: db, OPENAI_BASE_URL: fake.baseURL, VE_MODEL: 'fake-model' });
    try {
      const [, url] = await ve.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
      const [, token] = await ve.waitFor(/^ {2}(ve_\S+)$/m);
      expect(ve.stdout()).toContain(`model: OpenAI-compatible model fake-model at ${fake.baseURL}`);
      expect(await json(fetch(`${url}/healthz`))).toEqual({ ok: true });
      const auth = { authorization: `Bearer ${token}` };
      expect((await fetch(`${url}/api/business-cases/${DEMO}`, { headers: auth })).status).toBe(200);
      const chat = await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Delta: tickets per day Oct 160' }),
      });
      expect(chat.status).toBe(200);
      const reply: any = await chat.json();
      expect(reply.text).toBe(`proposed ${reply.proposals[0].proposalId}`);
      expect(fake.requests).toHaveLength(2);
      const approved = await fetch(`${url}/api/proposals/${reply.proposals[0].proposalId}/approve`, { method: 'POST', headers: auth });
      expect(((await approved.json()) as any).version).toBe(2);
    } finally {
      ve.child.kill('SIGTERM');
      const exit = await ve.exited;
      await fake.close();
      expect(exit).toEqual({ code: 0, signal: null });
      expect(ve.stdout()).toMatch(/stopped \(SIGTERM\)\n$/);
    }
  });

  it('chat with piped stdin: a proposal, approve 1, the database changed', async () => {
    const fake = await startFakeOpenAIServer(
      callToolThenAnswer(
        'proposeMeasurements',
        () => ({ businessCase: 'Delta', measurements: [{ input: 'tickets per day', month: '2026-10', value: 160, source: 'Zendesk export' }] }),
        (o) => `I prepared proposal ${o.proposalId}.`,
      ),
    );
    const db = freshDb();
    const ve = spawnVe(['chat', '--as', 'pat'], { VE_DB: db, OPENAI_BASE_URL: fake.baseURL }, 'Delta: tickets per day Oct 160 (Zendesk export)\napprove 1\n');
    const exit = await ve.exited;
    await fake.close();
    expect(ve.stderr()).toBe('');
    expect(exit.code).toBe(0);
    expect(ve.stdout()).toContain('[proposal 1] Delta Corp – Support Automation, scenario realization');
    expect(ve.stdout()).toContain(`applied proposal 1: ${DEMO} version 1 -> 2, approved by pat`);
    const store = openStore({ path: db });
    expect(store.listAudit(DEMO).map((a) => [a.proposedBy, a.approvedBy])).toEqual([['pat', 'pat']]);
    store.close();
  });

  it('with no model configured: serve and chat on the built-in offline model', async () => {
    const db = freshDb();
    const ve = spawnVe(['serve'], { PORT: '0', VE_DB: db });
    try {
      const [, url] = await ve.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
      const [, token] = await ve.waitFor(/^ {2}(ve_\S+)$/m);
      expect(ve.stdout()).toContain('model: the built-in offline model');
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      // In the plan: the realization's reps change by month (15 from June 2026) and 2025 is
      // locked, so a change in every month is for the plan, which has neither.
      const reply = await json(
        fetch(`${url}/api/chat`, { method: 'POST', headers: auth, body: JSON.stringify({ message: 'set # of reps to 15 in the rollout plan' }) }),
      );
      expect(reply.proposals[0].changes).toEqual(['# of Reps (reps): 10 -> 15 in every month']);
      const approved = await json(fetch(`${url}/api/proposals/${reply.proposals[0].proposalId}/approve`, { method: 'POST', headers: auth }));
      expect(approved.version).toBe(2);
    } finally {
      ve.child.kill('SIGTERM');
      expect((await ve.exited).code).toBe(0);
    }
    // The same database from the terminal chat: a question, a change, approve 1.
    const chat = spawnVe(['chat', '--as', 'pat'], { VE_DB: db }, 'how much value has Delta realized?\nset # of reps to 12 in the rollout plan\napprove 1\n');
    expect((await chat.exited).code).toBe(0);
    expect(chat.stderr()).toBe('');
    expect(chat.stdout()).toContain('the built-in offline model');
    expect(chat.stdout()).toMatch(/has realized USD [\d,.]+ as of/);
    expect(chat.stdout()).toContain('[proposal 1] Delta Corp – Support Automation');
    expect(chat.stdout()).toContain('  # of Reps (reps): 15 -> 12');
    expect(chat.stdout()).toContain(`applied proposal 1: ${DEMO} version 2 -> 3, approved by pat`);
  });
});

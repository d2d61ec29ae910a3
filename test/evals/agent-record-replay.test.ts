/**
 * Record and replay of model responses (evals/agent/): the replay server answers recorded
 * requests through the real @ai-sdk/openai-compatible client and says "not recorded" for the
 * others; the recording proxy, in front of the scripted fake upstream on 127.0.0.1, writes
 * recordings that replay reproduces, byte for byte the committed ones; the committed
 * recordings replay green. Nothing here leaves 127.0.0.1.
 */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateText } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgentSuite } from '../../evals/agent/agent-suite.ts';
import { FAKE_UPSTREAM_CASES, FAKE_UPSTREAM_LABEL, FAKE_UPSTREAM_MODEL, startFakeUpstream } from '../../evals/agent/fake-upstream.ts';
import { startRecordingProxy } from '../../evals/agent/recording-proxy.ts';
import { RECORDINGS_DIR, type RecordedExchange, type Recording } from '../../evals/agent/recordings.ts';
import { startReplayServer } from '../../evals/agent/replay-server.ts';
import { requestKey, requestParts } from '../../evals/agent/request-key.ts';
import { parseArgs, runEvals, type RunnerIO } from '../../evals/runner.ts';
import { selectModel } from '../../src/agent/select-model.ts';

const io: RunnerIO = { write: () => {}, error: () => {}, isTTY: false, reportPath: null };
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function tempDir(): Promise<{ path: string; url: URL }> {
  const path = await mkdtemp(join(tmpdir(), 've-recordings-'));
  cleanups.push(() => rm(path, { recursive: true, force: true }));
  return { path, url: pathToFileURL(`${path}/`) };
}

/** A chat-completions response with text. */
const completion = (text: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_760_000_000,
  model: 'recorded-model',
  choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

function exchange(body: unknown, text: string): RecordedExchange {
  return { key: requestKey(body), request: requestParts(body), response: completion(text) };
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the replay server', () => {
  it('serves a recorded response by the request key, whatever the key order, and reports a request that was not recorded', async () => {
    const body = { model: 'recorded-model', messages: [{ role: 'user', content: 'hello' }] };
    const server = await startReplayServer([exchange(body, 'recorded hello')], 'case demo');
    cleanups.push(() => server.close());

    const hit = await post(server.baseURL, { messages: [{ content: 'hello', role: 'user' }], model: 'recorded-model', temperature: 0 });
    expect(hit.status).toBe(200);
    expect(await hit.json()).toEqual(completion('recorded hello'));

    const miss = await post(server.baseURL, { model: 'recorded-model', messages: [{ role: 'user', content: 'goodbye' }] });
    expect(miss.status).toBe(404);
    const error = (await miss.json()) as { error: { message: string; type: string } };
    expect(error.error.type).toBe('not_recorded');
    expect(error.error.message).toMatch(
      /^not recorded: the recording of case demo has no response for request [0-9a-f]{12}; it differs from the nearest recorded request in message 1 \(user\)/,
    );
    expect(server.served).toEqual([requestKey(body)]);
    expect(server.misses).toHaveLength(1);

    const stream = await post(server.baseURL, { ...body, stream: true });
    expect(stream.status).toBe(400);
  });

  it('is reached through selectModel and @ai-sdk/openai-compatible, the path a live model takes', async () => {
    // Record what the real client sends (via the proxy in front of a fake upstream), then replay it.
    const upstream = await startFakeUpstream({});
    cleanups.push(() => upstream.close());
    const proxy = await startRecordingProxy({ baseURL: upstream.baseURL });
    const recorded = await generateText({ model: selectModel({ OPENAI_BASE_URL: proxy.baseURL, VE_MODEL: 'm1' }).model, prompt: 'anything' });
    await proxy.close();
    expect(proxy.exchanges).toHaveLength(1);

    const server = await startReplayServer(proxy.exchanges);
    cleanups.push(() => server.close());
    const replayed = await generateText({ model: selectModel({ OPENAI_BASE_URL: server.baseURL, VE_MODEL: 'm1' }).model, prompt: 'anything' });
    expect(replayed.text).toBe(recorded.text);
    expect(server.served).toEqual([proxy.exchanges[0]!.key]);

    const other = generateText({ model: selectModel({ OPENAI_BASE_URL: server.baseURL, VE_MODEL: 'm2' }).model, prompt: 'anything', maxRetries: 0 });
    await expect(other).rejects.toThrow(/not recorded: .*model 'm2' \(recorded 'm1'\)/);
  });
});

describe('the recording proxy', () => {
  it('forwards with the configured key, records only successful exchanges, and never writes the key', async () => {
    const upstream = await startFakeUpstream({ hi: [{ name: 'valueSummary', arguments: {} }] });
    cleanups.push(() => upstream.close());
    const proxy = await startRecordingProxy({ baseURL: upstream.baseURL, apiKey: 'sk-test-secret' });
    cleanups.push(() => proxy.close());
    const ok = await post(proxy.baseURL, { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(ok.status).toBe(200);
    expect(upstream.authorizations).toEqual(['Bearer sk-test-secret']);
    expect(proxy.exchanges).toHaveLength(1);
    expect(JSON.stringify(proxy.exchanges)).not.toContain('sk-test-secret');
    const notFound = await fetch(`${proxy.baseURL}/models`);
    expect(notFound.status).toBe(404);
    expect(proxy.exchanges).toHaveLength(1);
  });

  it('reports an upstream that does not answer, and records nothing for it', async () => {
    const proxy = await startRecordingProxy({ baseURL: 'http://127.0.0.1:1/v1' });
    cleanups.push(() => proxy.close());
    const r = await post(proxy.baseURL, { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(r.status).toBe(502);
    expect(proxy.failures[0]).toMatch(/did not answer/);
    expect(proxy.exchanges).toEqual([]);
  });
});

describe('record through the proxy, then replay', () => {
  it('--live --record against the fake upstream writes recordings that --replay reproduces (and that equal the committed ones)', async () => {
    const dir = await tempDir();
    const upstream = await startFakeUpstream();
    cleanups.push(() => upstream.close());
    const env = { OPENAI_BASE_URL: upstream.baseURL, VE_MODEL: FAKE_UPSTREAM_MODEL, OPENAI_API_KEY: 'sk-test-secret' };
    const recorder = createAgentSuite({ env, recordingsDir: dir.url, recordedWith: FAKE_UPSTREAM_LABEL });
    const ids = FAKE_UPSTREAM_CASES.map((id) => `${id}@live`).join(',');
    const live = await runEvals([recorder], parseArgs(['--live', '--record', '--case', ids]), io);
    expect(live.totals).toMatchObject({ cases: FAKE_UPSTREAM_CASES.length, passed: FAKE_UPSTREAM_CASES.length, dataChangedWithoutApproval: 0 });
    expect(upstream.authorizations.every((a) => a === 'Bearer sk-test-secret')).toBe(true);

    const files = (await readdir(dir.path)).sort();
    expect(files).toEqual(FAKE_UPSTREAM_CASES.map((id) => `${id}.json`).sort());
    for (const file of files) {
      const written = await readFile(join(dir.path, file), 'utf8');
      expect(written).not.toContain('sk-test-secret');
      expect(written).not.toContain(upstream.baseURL);
      const recording = JSON.parse(written) as Recording;
      expect(recording).toMatchObject({ version: 1, case: file.replace(/\.json$/, ''), model: FAKE_UPSTREAM_MODEL, recordedWith: FAKE_UPSTREAM_LABEL });
      expect(recording.exchanges.length).toBeGreaterThanOrEqual(2);
      // Deterministic store, clock and upstream: re-recording reproduces the committed file.
      expect(
        written,
        `evals/agent/recordings/${file} is stale (a prompt, tool or engine output changed): run node --import tsx evals/agent/record-fake-upstream.ts`,
      ).toBe(await readFile(fileURLToPath(new URL(file, RECORDINGS_DIR)), 'utf8'));
    }

    // The upstream is gone: replay answers from the files alone.
    await upstream.close();
    cleanups.pop();
    const replayer = createAgentSuite({ recordingsDir: dir.url });
    const replay = await runEvals([replayer], parseArgs(['--replay', '--case', FAKE_UPSTREAM_CASES.map((id) => `${id}@replay`).join(',')]), io);
    expect(replay.totals).toMatchObject({ cases: FAKE_UPSTREAM_CASES.length, passed: FAKE_UPSTREAM_CASES.length });
    for (const c of replay.suites[0]!.cases)
      expect(c.notes.join('\n')).toMatch(/replay: (\d+) of \1 recorded response\(s\) served, 0 request\(s\) not recorded/);
  });
});

describe('replaying the committed recordings', () => {
  it('runs by default next to the offline model, and passes', async () => {
    const report = await runEvals([createAgentSuite()], parseArgs(['--case', FAKE_UPSTREAM_CASES.flatMap((id) => [id, `${id}@replay`]).join(',')]), io);
    const cases = report.suites[0]!.cases;
    expect(cases.map((c) => c.case).sort()).toEqual(FAKE_UPSTREAM_CASES.flatMap((id) => [id, `${id}@replay`]).sort());
    expect(cases.filter((c) => !c.pass)).toEqual([]);
    const replayed = cases.find((c) => c.case === 'create-scenario-full@replay')!;
    expect(replayed.notes[0]).toMatch(
      /^model: replay of .*create-scenario-full\.json \(the scripted fake upstream .*model scripted-upstream-1\) through @ai-sdk\/openai-compatible$/,
    );
  });

  it('fails a case with a clear "not recorded" when a request is missing from its recording, or it has none', async () => {
    const dir = await tempDir();
    const committed = JSON.parse(await readFile(fileURLToPath(new URL('create-scenario-full.json', RECORDINGS_DIR)), 'utf8')) as Recording;
    // Drop the model's answer after the tool result: the second request of the turn is no longer recorded.
    await writeFile(join(dir.path, 'create-scenario-full.json'), JSON.stringify({ ...committed, exchanges: committed.exchanges.slice(0, 1) }));
    await copyFile(fileURLToPath(new URL('qbr-finance-q1.json', RECORDINGS_DIR)), join(dir.path, 'qbr-finance-q1.json'));
    const suite = createAgentSuite({ recordingsDir: dir.url });
    const report = await runEvals([suite], parseArgs(['--replay', '--case', 'create-scenario-full@replay,qbr-finance-q1@replay,milestone-due@replay']), io);
    const byId = Object.fromEntries(report.suites[0]!.cases.map((c) => [c.case, c]));

    const partial = byId['create-scenario-full@replay']!;
    expect(partial.pass).toBe(false);
    const replayFailure = partial.failures.find((f) => f.field === 'replay')!;
    expect(String(replayFailure.actual)).toMatch(
      /^not recorded: the recording of case create-scenario-full has no response for request [0-9a-f]{12}; it differs from the nearest recorded request in message 2 \(assistant\)/,
    );
    expect(partial.failures).toContainEqual(expect.objectContaining({ field: 'turn 1 error', actual: expect.stringContaining('not recorded') }));
    expect(partial.notes).toContain('replay: 1 of 1 recorded response(s) served, 1 request(s) not recorded');

    expect(byId['qbr-finance-q1@replay']!.pass).toBe(true);

    const none = byId['milestone-due@replay']!;
    expect(none.failures).toEqual([
      expect.objectContaining({
        field: 'replay',
        actual: expect.stringMatching(/^not recorded: there is no recording of this case; record it with: .*--case milestone-due@live --live --record$/),
      }),
    ]);
    // A replay that cannot answer changes nothing: never a data change without approval.
    expect(report.totals.dataChangedWithoutApproval).toBe(0);
    expect(report.exitCode).toBe(0);
  });

  it('refuses a recording whose case is gone, and --record without --live', async () => {
    const dir = await tempDir();
    await writeFile(join(dir.path, 'no-such-case.json'), '{}');
    const stale = await runEvals([createAgentSuite({ recordingsDir: dir.url })], parseArgs([]), io);
    expect(stale.suites[0]!.loadError).toMatch(/recordings\/no-such-case\.json: no case 'no-such-case'/);
    const record = await runEvals([createAgentSuite()], parseArgs(['--record']), io);
    expect(record.suites[0]!.loadError).toMatch(/--record needs --live/);
    const live = await runEvals([createAgentSuite({ env: {} })], parseArgs(['--live']), io);
    expect(live.suites[0]!.loadError).toMatch(/--live needs a configured model/);
    expect(live.exitCode).toBe(1);
  });
});

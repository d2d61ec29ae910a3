/**
 * `npm run chaos`: a repeatable reliability run (issue 14), bounded in count and time, on
 * loopback only (127.0.0.1, temporary SQLite files, the offline model: no network). It prints:
 *
 * - N parallel approvals of one proposal (HTTP, at once, plus other processes), applied once;
 * - conflicting pairs (two values for the same month, approved at once): resolved one each;
 * - approvals acknowledged versus present after SIGKILL and restart (twice);
 * - `PRAGMA integrity_check` after all that;
 * - heap before and after 10,000 chat turns and 100 refused large formulas;
 * - p99 latency of `/healthz` while another process holds the database's write lock.
 *
 * Options: `--approvals N` (50), `--pairs N` (10), `--turns N` (10000), `--seconds S` (a cap
 * on the chat turns' time, 240). The latest figures are in docs/reliability.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/client.ts';
import { openStore } from '../db/open-store.ts';
import { createSqliteStore } from '../db/sqlite-store.ts';
import type { Store } from '../db/store.ts';
import { selectModel } from '../src/agent/select-model.ts';
import { chatTurn } from '../src/app/chat-turn.ts';
import { createApp } from '../src/http/index.ts';
import { approve, importCase, propose, type ProposalContext } from '../src/proposals/index.ts';

const SELF = fileURLToPath(import.meta.url);
const DEMO_PATH = fileURLToPath(new URL('../examples/delta-corp.json', import.meta.url));
const CASE = 'delta-corp-support-automation';
const NOW = new Date('2026-11-20T10:00:00.000Z');
const now = () => NOW;

/** A recordMeasurement on the demo's realization scenario (deflection rate, a month of 2026 or 2027). */
function measure(month: string, value: number) {
  return { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month, value };
}
const monthAt = (i: number) => {
  const m = i % 18; // 2026-01 .. 2027-06: after the lock (2025-12), inside the scenario
  return `${2026 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

function seeded(path: string): { store: Store; ctx: ProposalContext } {
  const store = openStore({ path });
  const ctx = { store, now };
  const r = importCase(ctx, { document: JSON.parse(readFileSync(DEMO_PATH, 'utf8')), importedBy: 'chaos' });
  if (!r.ok) throw new Error(r.error.message);
  return { store, ctx };
}

function proposeOrThrow(ctx: ProposalContext, op: unknown): string {
  const p = propose(ctx, { caseId: CASE, operations: [op], proposedBy: 'chaos' });
  if (!p.ok) throw new Error(p.error.message);
  return p.value.id;
}

/** A token for the demo workspace, for the HTTP calls of one check. */
function chaosToken(store: Store): string {
  return store.createApiToken({ workspaceId: 'default', name: 'chaos', now: NOW.toISOString() }).token;
}

/** The HTTP app over `store` (offline model, no rate limits: the checks send many requests at once), listening on loopback. */
function serveStore(store: Store): Promise<{ server: ServerType; url: string }> {
  const app = createApp({
    store,
    now,
    model: selectModel({ VE_PROVIDER: 'offline' }).model,
    log: () => {},
    rateLimits: { chatTurnsPerMinute: 0, bodiesPerMinute: 0 },
  });
  return listen(app.fetch);
}

function listen(fetch: Parameters<typeof serve>[0]['fetch']): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, url: `http://127.0.0.1:${info.port}` }));
  });
}
const close = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

function child(args: string[], onLine?: (line: string) => void): { done: Promise<number | null>; kill: () => void } {
  const c = spawn(process.execPath, ['--import', 'tsx', SELF, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let partial = '';
  c.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const l of lines) onLine?.(l);
  });
  return { done: new Promise((resolve) => c.on('close', (code) => resolve(code))), kill: () => c.kill('SIGKILL') };
}

/** Child: approve one proposal `times` times on its own connection(s), print each outcome. */
function childApprove(path: string, proposalId: string, times: number): void {
  for (let i = 0; i < times; i++) {
    const store = createSqliteStore(openDatabase({ path }));
    const r = approve({ store, now }, { proposalId, approvedBy: `proc-${process.pid}` });
    process.stdout.write(`${r.ok ? (r.value.alreadyApplied ? 'already' : 'applied') : `failed ${r.error.code}`}\n`);
    store.close();
  }
}

/** Child: propose and approve in a loop until killed, printing `ack <id>` after each acknowledged approval. */
function childApprover(path: string, from: number): void {
  const store = openStore({ path });
  const ctx = { store, now };
  for (let i = from; ; i++) {
    const id = proposeOrThrow(ctx, measure(monthAt(i), 0.2 + (i % 1000) / 100_000));
    const r = approve(ctx, { proposalId: id, approvedBy: 'chaos' });
    if (r.ok && !r.value.alreadyApplied) process.stdout.write(`ack ${id}\n`);
  }
}

/** Child: hold the write lock until killed. */
function childHoldLock(path: string): void {
  const db = new Database(path);
  db.exec('BEGIN IMMEDIATE');
  db.prepare("insert into workspaces values ('chaos-lock', 'lock', 't')").run();
  process.stdout.write('locked\n');
  setInterval(() => undefined, 1000);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
function heap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function parallelApprovals(dir: string, n: number): Promise<string> {
  const path = join(dir, 'parallel.db');
  const { store, ctx } = seeded(path);
  const id = proposeOrThrow(ctx, measure('2026-03', 0.25));
  const token = chaosToken(store);
  const { server, url } = await serveStore(store);
  // Half over HTTP at once, half from 4 other processes at the same time.
  const procs = 4;
  const perProc = Math.floor(n / 2 / procs);
  const http = n - perProc * procs;
  const outcomes: string[] = [];
  const children = Array.from({ length: procs }, () => child(['approve-child', path, id, String(perProc)], (l) => outcomes.push(l)));
  const statuses = await Promise.all(
    Array.from({ length: http }, () =>
      fetch(`${url}/api/proposals/${id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<any>),
    ),
  );
  await Promise.all(children.map((c) => c.done));
  await close(server);
  for (const s of statuses) outcomes.push(s.error ? `failed ${s.error.code}` : s.alreadyApplied ? 'already' : 'applied');
  const applied = outcomes.filter((o) => o === 'applied').length;
  const audit = store.listAudit(CASE).filter((a) => a.proposalId === id).length;
  const version = store.getCase(CASE)!.version;
  store.close();
  return `parallel approvals of one proposal: ${outcomes.length} (${http} over HTTP at once, ${perProc * procs} from ${procs} other processes); applied ${applied}, already applied ${outcomes.filter((o) => o === 'already').length}, failed ${outcomes.filter((o) => o.startsWith('failed')).length}; audit entries ${audit}, case version 1 -> ${version}`;
}

async function conflictingPairs(dir: string, pairs: number): Promise<string> {
  const path = join(dir, 'pairs.db');
  const { store, ctx } = seeded(path);
  const token = chaosToken(store);
  const { server, url } = await serveStore(store);
  // Each pair on a case of its own (a change to a case re-checks every other proposal on it, so
  // pairs sharing a case would refuse each other's partners too): two values for one month.
  const ids = Array.from({ length: pairs }, (_, k) => {
    const caseId = `chaos-pair-${k}`;
    const imported = importCase(ctx, { document: { ...JSON.parse(readFileSync(DEMO_PATH, 'utf8')), id: caseId }, importedBy: 'chaos' });
    if (!imported.ok) throw new Error(imported.error.message);
    const one = (v: number) => {
      const p = propose(ctx, { caseId, operations: [measure('2026-02', v)], proposedBy: 'chaos' });
      if (!p.ok) throw new Error(p.error.message);
      return p.value.id;
    };
    return [one(0.21), one(0.22)] as const;
  });
  const post = (id: string) =>
    fetch(`${url}/api/proposals/${id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
  await Promise.all(ids.flatMap(([a, b]) => [post(a), post(b)]));
  await close(server);
  let oneEach = 0;
  for (const [a, b] of ids) {
    const s = [store.getProposal(a)!.status, store.getProposal(b)!.status].sort().join('+');
    if (s === 'applied+refused') oneEach++;
  }
  store.close();
  return `conflicting pairs approved at once: ${pairs}; resolved one applied + one refused: ${oneEach} of ${pairs}`;
}

async function killAndRestart(dir: string): Promise<string[]> {
  const path = join(dir, 'kill.db');
  seeded(path).store.close();
  const acked: string[] = [];
  const lines: string[] = [];
  for (const round of [1, 2]) {
    let count = 0;
    const c = child(['approver-child', path, String(round * 100_000)], (l) => {
      if (l.startsWith('ack ')) {
        acked.push(l.slice(4));
        count++;
      }
    });
    // Let it start (a busy machine may take a while to load it), run, then SIGKILL it in the middle of its work.
    let exited = false;
    void c.done.then(() => {
      exited = true;
    });
    const started = Date.now();
    while (count === 0 && !exited && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 50));
    const running = Date.now();
    while (count < 150 && !exited && Date.now() - running < 15_000) await new Promise((r) => setTimeout(r, 20));
    c.kill();
    await c.done;
    lines.push(`  round ${round}: killed with SIGKILL after ${count} acknowledged approvals`);
  }
  const store = openStore({ path });
  const present = acked.filter((id) => store.getProposal(id)?.status === 'applied').length;
  const handle = new Database(path, { readonly: true });
  const integrity = handle.pragma('integrity_check', { simple: true });
  const fk = handle.pragma('foreign_key_check') as unknown[];
  handle.close();
  store.close();
  return [
    `approvals acknowledged vs present after SIGKILL and restart (twice): ${acked.length} acknowledged, ${present} present`,
    ...lines,
    `integrity_check: ${String(integrity)}; foreign_key_check: ${fk.length === 0 ? 'ok' : `${fk.length} problems`}`,
  ];
}

async function memory(turns: number, seconds: number): Promise<string[]> {
  const store = openStore({ path: ':memory:' });
  const ctx = { store, now };
  const r = importCase(ctx, { document: JSON.parse(readFileSync(DEMO_PATH, 'utf8')), importedBy: 'chaos' });
  if (!r.ok) throw new Error(r.error.message);
  const model = selectModel({ VE_PROVIDER: 'offline' }).model;
  const phrases = [
    'how is Delta Corp doing?',
    'record October tickets per day 160 for Delta Corp',
    'what is pending?',
    'show the history of the deflection rate',
    'what changed recently?',
  ];
  const turn = (i: number) =>
    chatTurn(ctx, {
      model,
      qbrModel: null,
      workspaceId: 'default',
      actor: 'chaos',
      channel: 'http',
      threadKey: `chaos:${i % 100}`,
      text: phrases[i % phrases.length]!,
      log: () => {},
    });
  for (let i = 0; i < 50; i++) await turn(i); // warm up (module loading, caches)
  const before = heap();
  const started = Date.now();
  let done = 0;
  while (done < turns && Date.now() - started < seconds * 1000) await turn(done++);
  const afterTurns = heap();
  // A document whose calculation has a 4,799-character formula (the limit is 2,000): refused on import.
  const long = `reps${' + reps'.repeat(685)}`;
  let refused = 0;
  for (let i = 0; i < 100; i++) {
    const doc = JSON.parse(readFileSync(DEMO_PATH, 'utf8'));
    doc.id = `chaos-formula-${i}`;
    doc.scenarios[0].useCases[0].calculations[0].formula = long;
    const imported = importCase(ctx, { document: doc, importedBy: 'chaos' });
    if (!imported.ok) refused++;
  }
  const afterFormulas = heap();
  store.close();
  return [
    `memory (heap after gc): before ${mb(before)}; after ${done} chat turns in ${((Date.now() - started) / 1000).toFixed(1)} s ${mb(afterTurns)}; after ${refused} of 100 large formulas refused ${mb(afterFormulas)}`,
  ];
}

async function healthzUnderLock(dir: string): Promise<string[]> {
  const path = join(dir, 'lock.db');
  const { store: seededStore, ctx } = seeded(path);
  const id = proposeOrThrow(ctx, measure('2026-05', 0.3));
  const token = chaosToken(seededStore);
  seededStore.close();
  // The server's own connection, with the server's busy timeout.
  const store = createSqliteStore(openDatabase({ path, busyTimeoutMs: 250 }));
  const { server, url } = await serveStore(store);
  let locked = false;
  const holder = child(['lock-child', path], (l) => {
    if (l === 'locked') locked = true;
  });
  while (!locked) await new Promise((r) => setTimeout(r, 20));
  // First /healthz alone, then with writes arriving (each one waits for the lock up to the busy timeout, then 503).
  const alone: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    await fetch(`${url}/healthz`);
    alone.push(performance.now() - t0);
  }
  alone.sort((a, b) => a - b);
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let writes503 = 0;
  for (let i = 0; i < 200; i++) {
    // Every tenth request, a write arrives first (it waits up to 250 ms, then 503).
    const write =
      i % 10 === 0
        ? fetch(`${url}/api/proposals/${id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then((r) => {
            if (r.status === 503) writes503++;
          })
        : Promise.resolve();
    const t0 = performance.now();
    const res = await fetch(`${url}/healthz`);
    times.push(performance.now() - t0);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    await write;
  }
  holder.kill();
  await holder.done;
  await close(server);
  store.close();
  times.sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  return [
    `/healthz while another process holds the write lock (server busy timeout 250 ms):`,
    `  alone: 100 requests, all 200; p50 ${ms(pct(alone, 50))}, p99 ${ms(pct(alone, 99))}, max ${ms(alone[alone.length - 1]!)}`,
    `  with writes: 200 requests (a write every 10th, ${writes503} of 20 answered 503), statuses ${[...statuses].map(([s, c]) => `${s}x${c}`).join(' ')}; p50 ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))}, max ${ms(times[times.length - 1]!)}`,
  ];
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number`);
  return v;
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'approve-child') return childApprove(rest[0]!, rest[1]!, Number(rest[2]));
  if (mode === 'approver-child') return childApprover(rest[0]!, Number(rest[1]));
  if (mode === 'lock-child') return childHoldLock(rest[0]!);
  const dir = mkdtempSync(join(tmpdir(), 've-chaos-'));
  const started = Date.now();
  try {
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`value-engineer chaos run (loopback only, temporary databases in ${tmpdir()}, the offline model), ${new Date().toISOString().slice(0, 10)}`);
    out(await parallelApprovals(dir, option('approvals', 50)));
    out(await conflictingPairs(dir, option('pairs', 10)));
    for (const l of await killAndRestart(dir)) out(l);
    for (const l of await memory(option('turns', 10_000), option('seconds', 240))) out(l);
    for (const l of await healthzUnderLock(dir)) out(l);
    out(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

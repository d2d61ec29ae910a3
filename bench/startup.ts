/**
 * The start-up benchmark (`npm run bench` runs it last; `--no-startup` skips it): the CPU time
 * (user + system, all threads) of a fresh process, against `node -e 0` in the same run:
 *
 * - `ve --help` (goal: within 3x of the floor);
 * - `ve summary examples/delta-corp.json` (goal: within 5x);
 * - `npm start` until `/healthz` answers 200 (goal: under 1.5 s of CPU), on a fresh database
 *   in a temp dir, so the migrations run and the demo is seeded as on a first start.
 *
 * `ve` is run as `bin/ve.mjs` is: `node bin/ve.mjs ...`. The short commands are timed by
 * `bench/cpu-probe.cjs`, preloaded into each of them and into the floor alike, which writes
 * `process.resourceUsage()` at exit. The server does not exit, so its CPU time is read from
 * `/proc` (clock ticks) at the moment `/healthz` first answers 200, summed over the process
 * tree `npm start` makes (npm, the shell, the server); the server's own share is shown too.
 * Rounds are interleaved (floor, help, summary, server, then rotated), so load from other
 * processes hits every side alike; medians are reported. Wall time is shown, never judged.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PROBE = join(ROOT, 'bench', 'cpu-probe.cjs');
const DEMO = join(ROOT, 'examples', 'delta-corp.json');

/** Options of `runStartupBench`. */
export interface StartupOptions {
  /** Timed rounds after one warm-up round (default 7). */
  rounds: number;
}

/** One process's cost: CPU and wall time (ms), peak RSS (MB). */
interface Sample {
  cpu: number;
  wall: number;
  rss: number;
}

/** The server's cost at readiness: the whole `npm start` tree and the server process alone. */
interface ServerSample extends Sample {
  serverCpu: number;
}

/** The environment of a measured process: no model, Slack, port or database settings from this shell. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (/^(OPENAI_|SLACK_|VE_)/.test(k) || k === 'PORT' || k === 'HOST' || k === 'NODE_OPTIONS') delete env[k];
  return { ...env, ...extra };
}

/** Runs `node --require cpu-probe <args>` to its end and returns what the probe recorded. */
function runProbed(args: readonly string[], dir: string): Sample {
  const file = join(dir, 'cpu.json');
  rmSync(file, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', PROBE, ...args], {
    cwd: ROOT,
    env: cleanEnv({ VE_BENCH_CPU_FILE: file }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  const u = JSON.parse(readFileSync(file, 'utf8')) as { user: number; system: number; maxRss: number };
  return { cpu: (u.user + u.system) / 1000, wall, rss: u.maxRss / 1024 };
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU time (ms) and peak RSS (MB) of `pid` and every process below it, from `/proc`. */
function treeUsage(root: number): { total: number; rss: number; byPid: Map<number, number> } {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(f[1]));
      cpu.set(Number(name), ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS);
    } catch {
      // The process ended while /proc was read.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parent) if (ppid === tree[i]) tree.push(pid);
  const byPid = new Map(tree.map((pid) => [pid, cpu.get(pid) ?? 0]));
  let rss = 0;
  for (const pid of tree) {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (hwm) rss = Math.max(rss, Number(hwm[1]) / 1024);
  }
  return { total: [...byPid.values()].reduce((a, b) => a + b, 0), rss, byPid };
}

async function healthz(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

/** Starts `npm start` on a fresh database and any free port; measures it once `/healthz` is 200; stops it. */
async function runServer(dir: string, run: number): Promise<ServerSample> {
  const db = join(dir, `serve-${run}.db`);
  const t0 = performance.now();
  const npm = process.env.npm_execpath && existsSync(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const child = spawn(npm[0]!, [...npm.slice(1), 'start', '--silent'], {
    cwd: ROOT,
    env: cleanEnv({ PORT: '0', VE_DB: db }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  try {
    let url: string | undefined;
    for (;;) {
      url ??= /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url && (await healthz(url))) break;
      if (child.exitCode !== null || performance.now() - t0 > 60_000) throw new Error(`npm start did not become ready:\n${out}`);
      await new Promise((r) => setTimeout(r, url ? 2 : 10));
    }
    const wall = performance.now() - t0;
    const usage = treeUsage(child.pid!);
    // The server is the node process whose command line names bin/ve.mjs.
    let serverCpu = 0;
    for (const [pid, ms] of usage.byPid) {
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('bin/ve.mjs')) serverCpu += ms;
      } catch {
        // Gone.
      }
    }
    return { cpu: usage.total, wall, rss: usage.rss, serverCpu };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await exited;
  }
}

const fmtMs = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

/** Runs the start-up benchmark and returns its report. */
export async function runStartupBench(options: Partial<StartupOptions> = {}): Promise<string> {
  const { rounds } = { rounds: 7, ...options };
  if (!existsSync('/proc/self/stat')) return "Start-up benchmark: needs /proc (Linux) to read the server's CPU time; skipped.";
  const dir = mkdtempSync(join(tmpdir(), 've-bench-startup-'));
  try {
    const sides = {
      floor: () => runProbed(['-e', '0'], dir),
      help: () => runProbed(['bin/ve.mjs', '--help'], dir),
      summary: () => runProbed(['bin/ve.mjs', 'summary', DEMO], dir),
    };
    const names = ['floor', 'help', 'summary', 'server'] as const;
    const samples: Record<(typeof names)[number], Sample[]> = { floor: [], help: [], summary: [], server: [] };
    const serverShare: number[] = [];
    let run = 0;
    for (let r = -1; r < rounds; r++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(Math.max(r, 0) + i) % names.length]!;
        const s = name === 'server' ? await runServer(dir, run++) : sides[name]();
        if (r < 0) continue; // warm-up round: file caches, tsx's transform cache
        samples[name].push(s);
        if (name === 'server') serverShare.push((s as ServerSample).serverCpu);
      }
    }
    const med = (name: (typeof names)[number]) => ({
      cpu: median(samples[name].map((s) => s.cpu)),
      wall: median(samples[name].map((s) => s.wall)),
      rss: median(samples[name].map((s) => s.rss)),
    });
    const floor = med('floor');
    const help = med('help');
    const summary = med('summary');
    const server = med('server');
    const ratio = (x: number) => x / floor.cpu;
    const row = (label: string, s: { cpu: number; wall: number; rss: number }, judged: string) =>
      `  ${label.padEnd(40)} CPU ${fmtMs(s.cpu).padStart(8)}  wall ${fmtMs(s.wall).padStart(8)}  peak RSS ${s.rss.toFixed(0).padStart(4)} MB  ${judged}`;
    return [
      `Start-up benchmark (CPU time = user + sys of the child, all threads; median of ${rounds} interleaved rounds after a warm-up; node ${process.version})`,
      row('node -e 0 (the floor)', floor, ''),
      row('ve --help', help, `${ratio(help.cpu).toFixed(2)}x the floor; goal within 3x: ${ratio(help.cpu) <= 3 ? 'met' : 'NOT met'}`),
      row(
        've summary examples/delta-corp.json',
        summary,
        `${ratio(summary.cpu).toFixed(2)}x the floor; goal within 5x: ${ratio(summary.cpu) <= 5 ? 'met' : 'NOT met'}`,
      ),
      row('npm start, until /healthz is 200', server, `goal under 1.5 s of CPU: ${server.cpu < 1500 ? 'met' : 'NOT met'}`),
      `    of which the server process (node bin/ve.mjs serve): ${fmtMs(median(serverShare))}; npm and its shell the rest (fresh database: migrations and demo seed included)`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly: `node --import tsx bench/startup.ts [rounds]`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await runStartupBench(process.argv[2] ? { rounds: Number(process.argv[2]) } : {}));
}

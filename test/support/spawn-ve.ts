import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const VE = fileURLToPath(new URL('../../bin/ve.mjs', import.meta.url));

/** A `ve` process: its output so far, and its end. */
export interface VeProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the match once `pattern` matches stdout; rejects on timeout or exit. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
}

/**
 * Runs `node bin/ve.mjs ...args` as a separate OS process (the real entry, as `npm start` runs
 * it: the built code in dist/, which the tests' global setup keeps fresh), with `env` on top of a copy of this environment from which every model setting was
 * removed, and `stdin` piped in (then closed) when given.
 */
export function spawnVe(args: string[], env: Record<string, string>, stdin?: string): VeProcess {
  const base = { ...process.env };
  for (const k of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'VE_PROVIDER', 'VE_MODEL', 'PORT', 'HOST', 'VE_DB']) delete base[k];
  const child = spawn(process.execPath, [VE, ...args], { env: { ...base, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let done = false;
  const waiters: Array<() => void> = [];
  child.stdout!.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    for (const w of [...waiters]) w();
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    err += c;
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      done = true;
      for (const w of [...waiters]) w();
      resolve({ code, signal });
    });
  });
  const waitFor = (pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = out.match(pattern);
        if (m) {
          cleanup();
          resolve(m);
        } else if (done) {
          cleanup();
          reject(new Error(`ve exited before printing ${pattern}\nstdout: ${out}\nstderr: ${err}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${pattern}\nstdout: ${out}\nstderr: ${err}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        const i = waiters.indexOf(check);
        if (i >= 0) waiters.splice(i, 1);
      };
      waiters.push(check);
      check();
    });
  return { child, stdout: () => out, stderr: () => err, exited, waitFor };
}
